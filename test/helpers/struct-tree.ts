/**
 * A PDF as a screen reader gets it through PDF.js (Firefox's viewer): each page's structure tree
 * (`page.getStructTree()`) with the text of its marked content
 * (`getTextContent({ includeMarkedContent: true })`), and the page's link annotations. An element
 * with alt text (/Alt, or /ActualText, which PDF.js gives as `alt` too) is read as that text
 * instead of its content, as the viewer labels it.
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadElement {
  role: string;
  alt?: string;
  /** What a reader hears for this element: its alt text, else its children's, in order. */
  text: string;
  children: ReadElement[];
  /** Marked-content ids of this element's own content (not its children's). */
  contentIds: string[];
  /** Annotation object ids this element owns (OBJR kids), e.g. "13R". */
  objectIds: string[];
}

export interface ReadLink {
  id: string;
  contents: string;
  /** Whether a Link element of the structure tree owns this annotation. */
  inLinkElement: boolean;
}

export interface ReadPage {
  number: number;
  tree: ReadElement | undefined;
  links: ReadLink[];
}

interface RawNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: RawNode[];
}

interface TextItemLike {
  type?: string;
  id?: string;
  str?: string;
  hasEOL?: boolean;
}

/** The text of each marked-content sequence of a page, by its id (nested sequences give their text to the innermost). */
function markedContentText(items: TextItemLike[]): Map<string, string> {
  const text = new Map<string, string>();
  const open: (string | undefined)[] = [];
  for (const item of items) {
    if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
      open.push(item.id);
      if (item.id) text.set(item.id, '');
    } else if (item.type === 'endMarkedContent') {
      open.pop();
    } else if (item.str !== undefined) {
      const id = open.findLast((candidate) => candidate !== undefined);
      if (id) text.set(id, `${text.get(id)}${item.str}${item.hasEOL ? ' ' : ''}`);
    }
  }
  return text;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function toElement(node: RawNode, text: Map<string, string>): ReadElement {
  const children: ReadElement[] = [];
  const contentIds: string[] = [];
  const objectIds: string[] = [];
  const parts: string[] = [];
  for (const kid of node.children ?? []) {
    if (kid.type === 'content' && kid.id) {
      contentIds.push(kid.id);
      parts.push(text.get(kid.id) ?? '');
    } else if ((kid.type === 'object' || kid.type === 'annotation') && kid.id) {
      objectIds.push(kid.id.replace(/^pdfjs_internal_id_/, ''));
    } else if (kid.role !== undefined) {
      const child = toElement(kid, text);
      children.push(child);
      parts.push(child.text);
    }
  }
  return {
    role: node.role ?? '',
    ...(node.alt === undefined ? {} : { alt: node.alt }),
    text: squash(node.alt ?? parts.join(' ')),
    children,
    contentIds,
    objectIds,
  };
}

/** Every element of a tree, depth first (the reading order). */
export function elements(root: ReadElement | undefined): ReadElement[] {
  if (!root) return [];
  return [root, ...root.children.flatMap((child) => elements(child))];
}

/** The pages of a PDF as PDF.js reads them. */
export async function readPdf(file: string): Promise<ReadPage[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: ReadPage[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const raw = (await page.getStructTree()) as RawNode | null;
      const content = await page.getTextContent({ includeMarkedContent: true });
      const tree = raw ? toElement(raw, markedContentText(content.items as TextItemLike[])) : undefined;
      const owned = new Set(elements(tree).filter((element) => element.role === 'Link').flatMap((element) => element.objectIds));
      const annotations = (await page.getAnnotations()) as { id: string; subtype: string; contentsObj?: { str?: string } }[];
      const links = annotations
        .filter((annotation) => annotation.subtype === 'Link')
        .map((annotation) => ({ id: annotation.id, contents: annotation.contentsObj?.str ?? '', inLinkElement: owned.has(annotation.id) }));
      pages.push({ number, tree, links });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * The leaves a reader hears one after another: elements read by their alt text, and elements with
 * content of their own and no child elements.
 */
export function spokenLeaves(root: ReadElement | undefined): ReadElement[] {
  if (!root) return [];
  if (root.alt !== undefined || root.children.length === 0) return root.text === '' ? [] : [root];
  return root.children.flatMap((child) => spokenLeaves(child));
}

/** Runs of three or more one-character words ("C A S E F I L E", "8 5 %"): letters read one by one. */
export function singleLetterRuns(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)(\S(?:\s\S){2,})(?=\s|$)/gu)].map((match) => match[1]!);
}

/** The headings in reading order over the whole document: (level, text); an element split over pages counts where its text is. */
export function headingOutline(pages: readonly ReadPage[]): { level: number; text: string }[] {
  return pages.flatMap((page) =>
    elements(page.tree)
      .filter((element) => /^H\d$/.test(element.role) && element.text !== '')
      .map((element) => ({ level: Number(element.role.slice(1)), text: element.text })),
  );
}
