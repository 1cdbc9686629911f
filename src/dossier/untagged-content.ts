/**
 * Chromium's untagged painting made artifacts, page by page: borders, rules, backgrounds, leader
 * dots and the sheets flow's @page margin boxes (running header, footer, QR code), which Chromium
 * paints outside any marked content (src/pdf-content/artifact-marking.ts says how and where).
 * A page's content streams are read as the one stream they form (ISO 32000-1 7.8.2, 14.6 note 4),
 * rewritten, and stored back as a single stream; a page with nothing untagged is left as it was.
 */
import { inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFContentStream, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import { markUntaggedContent } from '../pdf-content/artifact-marking.js';

const CONTENTS = PDFName.of('Contents');
const FILTER = PDFName.of('Filter');
const FLATE = PDFName.of('FlateDecode');
const NEWLINE = new Uint8Array([0x0a]);

interface ContentPart {
  ref: PDFRef | undefined;
  stream: PDFStream;
}

/** The streams a page's /Contents names, in order. */
function contentParts(doc: PDFDocument, page: PDFPage): ContentPart[] {
  const contents = page.node.get(CONTENTS);
  const listed = doc.context.lookup(contents);
  const items = listed instanceof PDFArray ? listed.asArray() : contents ? [contents] : [];
  return items.flatMap((item) => {
    const stream = doc.context.lookup(item);
    return stream instanceof PDFStream ? [{ ref: item instanceof PDFRef ? item : undefined, stream }] : [];
  });
}

/**
 * A stream's decoded bytes; undefined when they cannot be read, and the page is then left alone.
 * Chromium's Flate streams are inflated by zlib, which is several times faster than pdf-lib's decoder.
 */
function decoded(stream: PDFStream): Uint8Array | undefined {
  try {
    if (stream instanceof PDFContentStream) return stream.getUnencodedContents();
    if (!(stream instanceof PDFRawStream)) return undefined;
    const filter = stream.dict.get(FILTER);
    if (filter === undefined) return stream.contents;
    if (filter === FLATE && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents);
    return decodePDFRawStream(stream).decode();
  } catch {
    return undefined;
  }
}

/** Joined with a newline: a page's streams divide only between tokens, so the joint is white space. */
function joined(parts: readonly Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [NEWLINE, part])));
}

/**
 * Marks every page's untagged painting as artifacts; returns how many artifact sequences it added.
 * Run it before anything is drawn with pdf-lib: a pdf-lib page keeps drawing into a content
 * stream it made, which this would replace.
 */
export function markUntaggedContentAsArtifacts(doc: PDFDocument): number {
  const pages = doc.getPages();
  const replaced = new Set<PDFRef>();
  let added = 0;
  for (const page of pages) {
    const parts = contentParts(doc, page);
    const bytes = parts.map((part) => decoded(part.stream));
    if (parts.length === 0 || bytes.some((part) => part === undefined)) continue;
    const marked = markUntaggedContent(joined(bytes as Uint8Array[]));
    if (marked.artifacts === 0) continue;
    added += marked.artifacts;
    // pdf-lib's deflate (pako), not node:zlib: Node's zlib (Chromium's fork) hashes by CPU feature,
    // so its output can differ between machines; pako's is the same everywhere. Inflating has no such choice.
    const stream = doc.context.register(doc.context.flateStream(marked.content));
    page.node.set(CONTENTS, doc.context.obj([stream]));
    for (const part of parts) if (part.ref) replaced.add(part.ref);
  }
  // pdf-lib saves every object it holds, so the replaced streams go, unless another page draws them too.
  const stillDrawn = new Set(pages.flatMap((page) => contentParts(doc, page).map((part) => part.ref)));
  for (const ref of replaced) if (!stillDrawn.has(ref)) doc.context.delete(ref);
  return added;
}
