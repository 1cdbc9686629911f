/**
 * What the templates tell the finishing step about their tags. Chromium tags the PDF from the
 * page's accessibility tree and keeps little of it: a role (paragraph, heading, list, link,
 * figure…), an image's name as /Alt, and an element's language as /Lang when it differs from its
 * parent's. It has no section (Sect) and no /ActualText. So a template marks such an element with a
 * private-use language subtag (BCP 47 `x-…`, which changes nothing on the page), and finishing
 * turns the mark into the tag and removes it:
 *
 * - `x-words`, on an element that is an image named by its own text ({{#words}}): a letter-spaced
 *   label, whose glyphs read one by one, becomes a Span whose /ActualText is that name;
 * - `x-sect-NN`, on a section: it becomes a Sect; and where the page puts the sections out of the
 *   record's order (the poster's lead panels come first), they are put back in order NN, so a
 *   screen reader reads them as the record has them.
 *
 * The marks themselves are TAG_HINT_LANG (tag-hint-lang.ts).
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { elementsInOrder, structTreeRoot } from './structure-elements.js';

const HINT = /^[a-z]{2,3}-x-(words|sect)(?:-(\d{1,8}))?$/i;
const S = PDFName.of('S');
const K = PDFName.of('K');
const P = PDFName.of('P');
const LANG = PDFName.of('Lang');
const ALT = PDFName.of('Alt');
const ACTUAL_TEXT = PDFName.of('ActualText');

const textOf = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

interface HintedSection {
  dict: PDFDict;
  ref: PDFRef;
  number: number;
}

/** The kids of a structure element as an array (a single kid is stored bare). */
function kidsOf(doc: PDFDocument, element: PDFDict): PDFArray {
  const kids = element.get(K);
  if (kids instanceof PDFArray) return kids;
  const array = doc.context.obj(kids === undefined ? [] : [kids]) as PDFArray;
  element.set(K, array);
  return array;
}

/**
 * Puts the sections back in the record's order where the page printed them out of it: each is
 * taken from where it sits and all are placed, in order, where the first of them stood.
 */
function orderSections(doc: PDFDocument, sections: HintedSection[]): void {
  if (sections.every((section, index) => index === 0 || sections[index - 1]!.number < section.number)) return;
  const homeRef = sections[0]!.dict.get(P);
  const home = sections[0]!.dict.lookupMaybe(P, PDFDict);
  if (!(homeRef instanceof PDFRef) || !home) return;
  const moved = new Set(sections.map((section) => section.ref));
  const sorted = [...sections].sort((a, b) => a.number - b.number).map((section) => section.ref);
  const parents = new Set(sections.map((section) => section.dict.lookupMaybe(P, PDFDict)).filter((parent): parent is PDFDict => parent !== undefined));
  for (const parent of parents) {
    const kids = kidsOf(doc, parent).asArray();
    const kept = kids.flatMap((kid) => (kid === sections[0]!.ref && parent === home ? sorted : kid instanceof PDFRef && moved.has(kid) ? [] : [kid]));
    parent.set(K, doc.context.obj(kept));
  }
  for (const section of sections) section.dict.set(P, homeRef);
}

/** Applies the templates' hints to the structure tree; returns how many elements carried one. */
export function applyTagHints(doc: PDFDocument): number {
  const root = structTreeRoot(doc);
  if (!root) return 0;
  const sections: HintedSection[] = [];
  let hinted = 0;
  for (const { dict, ref } of elementsInOrder(doc, root)) {
    const match = HINT.exec(textOf(dict.lookup(LANG)) ?? '');
    if (!match) continue;
    hinted += 1;
    dict.delete(LANG);
    if (match[1] === 'words') {
      const words = textOf(dict.lookup(ALT));
      dict.set(S, PDFName.of('Span'));
      dict.delete(ALT);
      if (words !== undefined) dict.set(ACTUAL_TEXT, PDFHexString.fromText(words));
    } else {
      dict.set(S, PDFName.of('Sect'));
      if (ref && match[2] !== undefined) sections.push({ dict, ref, number: Number(match[2]) });
    }
  }
  if (sections.length > 1) orderSections(doc, sections);
  return hinted;
}
