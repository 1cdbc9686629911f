/**
 * The artifact step on a page's content streams, on PDFs built by hand with pdf-lib: a page whose
 * /Contents is an array, split between an operation's operands and its operator, read as the one
 * stream it is; Flate and plain streams; a stream two pages share; a stream it cannot decode.
 */
import { deflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFPage, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { markUntaggedContentAsArtifacts } from '../../src/dossier/untagged-content.js';
import { BEGIN_ARTIFACT, END_ARTIFACT } from '../../src/pdf-content/artifact-marking.js';

const CONTENTS = PDFName.of('Contents');

function rawStream(doc: PDFDocument, content: string, options: { flate?: boolean; filter?: string } = {}): PDFRef {
  const bytes = Buffer.from(content, 'latin1');
  const stream = options.flate
    ? doc.context.stream(deflateSync(bytes), { Filter: 'FlateDecode' })
    : doc.context.stream(bytes, options.filter ? { Filter: options.filter } : {});
  return doc.context.register(stream);
}

function pageWith(doc: PDFDocument, refs: PDFRef[]): PDFPage {
  const page = doc.addPage([100, 100]);
  page.node.set(CONTENTS, doc.context.obj(refs));
  return page;
}

/** A page's content, its streams decoded and joined as a reader joins them. */
function contentOf(doc: PDFDocument, page: PDFPage): string {
  const refs = page.node.lookup(CONTENTS, PDFArray).asArray();
  return refs.map((ref) => Buffer.from(decodePDFRawStream(doc.context.lookup(ref) as PDFRawStream).decode()).toString('latin1')).join('\n');
}

const withMarks = (text: string) => text.replaceAll('A(', BEGIN_ARTIFACT).replaceAll(')A', END_ARTIFACT);

async function handMade() {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const shared = rawStream(doc, '/P <</MCID 9>> BDC 0 0 5 5 re f EMC');
  // The spec lets a page's streams divide anywhere between tokens: here between operands and their operator.
  const parts = [rawStream(doc, '/P <</MCID 0>> BDC 0 0 1 1 re f EMC q 0 0 10', { flate: true }), rawStream(doc, '10 re f Q'), shared];
  const marked = pageWith(doc, parts);
  const tagged = pageWith(doc, [shared]);
  const undecodable = pageWith(doc, [rawStream(doc, 'garbage', { filter: 'JBIG2Decode' })]);
  return { doc, shared, parts, marked, tagged, undecodable };
}

describe('markUntaggedContentAsArtifacts', () => {
  it('reads a page\'s streams as one, marks it, and stores it as a single Flate stream', async () => {
    const { doc, marked } = await handMade();
    expect(markUntaggedContentAsArtifacts(doc)).toBe(1);
    const contents = marked.node.lookup(CONTENTS, PDFArray);
    expect(contents.size()).toBe(1);
    expect((doc.context.lookup(contents.get(0)) as PDFRawStream).dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
    expect(contentOf(doc, marked)).toBe(withMarks('/P <</MCID 0>> BDC 0 0 1 1 re f EMC A(q 0 0 10\n10 re f Q)A\n/P <</MCID 9>> BDC 0 0 5 5 re f EMC'));
  });

  it('drops the streams it replaced, but keeps one another page still draws, and leaves pages with nothing to mark as they were', async () => {
    const { doc, shared, parts, tagged, undecodable } = await handMade();
    const before = { tagged: contentOf(doc, tagged), undecodable: undecodable.node.get(CONTENTS)!.toString() };
    markUntaggedContentAsArtifacts(doc);
    expect(doc.context.lookup(parts[0]!)).toBeUndefined();
    expect(doc.context.lookup(parts[1]!)).toBeUndefined();
    expect(doc.context.lookup(shared)).toBeInstanceOf(PDFRawStream);
    expect(contentOf(doc, tagged)).toBe(before.tagged);
    expect(undecodable.node.get(CONTENTS)!.toString()).toBe(before.undecodable);
  });

  it('saves the same bytes every time', async () => {
    const save = async () => {
      const { doc } = await handMade();
      markUntaggedContentAsArtifacts(doc);
      return Buffer.from(await doc.save({ useObjectStreams: false }));
    };
    expect((await save()).equals(await save())).toBe(true);
  });
});
