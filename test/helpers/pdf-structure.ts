/** Reading a PDF's document structure (outline, links, boxes) with pdf-lib, for checks poppler does not print. */
import { readFileSync } from 'node:fs';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  level: number;
}

const text = (value: unknown): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

export async function loadPdf(file: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(file), { updateMetadata: false });
}

/** Every bookmark, depth first, with its nesting level (1 = top). */
export async function outline(file: string): Promise<OutlineEntry[]> {
  const doc = await loadPdf(file);
  const entries: OutlineEntry[] = [];
  const walk = (parent: PDFDict, level: number) => {
    let item = parent.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item) {
      entries.push({ title: text(item.lookup(PDFName.of('Title'))) ?? '', level });
      walk(item, level + 1);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (root) walk(root, 1);
  return entries;
}

export interface LinkAnnotation {
  page: number;
  /** "GoTo" (or "Dest") inside the document, "GoToR" to another PDF, "URI" to the web. */
  kind: string;
  target?: string;
}

/** The content of page `index` (0-based), its streams decoded and joined: to find marked content. */
export async function pageContent(file: string, index: number): Promise<string> {
  const doc = await loadPdf(file);
  const contents = doc.getPage(index).node.lookup(PDFName.of('Contents'));
  const streams = contents instanceof PDFArray ? contents.asArray().map((item) => doc.context.lookup(item)) : [contents];
  return streams
    .map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : ''))
    .join('\n');
}

export async function links(file: string): Promise<LinkAnnotation[]> {
  const doc = await loadPdf(file);
  const found: LinkAnnotation[] = [];
  doc.getPages().forEach((page, index) => {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i += 1) {
      const annot = annots!.lookupMaybe(i, PDFDict);
      if (!annot || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      if (!action) {
        found.push({ page: index + 1, kind: 'Dest' });
        continue;
      }
      const kind = String(action.get(PDFName.of('S'))).replace('/', '');
      const target = text(action.lookup(PDFName.of(kind === 'URI' ? 'URI' : 'F'))) ?? (action.lookupMaybe(PDFName.of('D'), PDFArray) ? 'dest' : undefined);
      found.push({ page: index + 1, kind, ...(target ? { target } : {}) });
    }
  });
  return found;
}
