/**
 * The compact dossier's running header. Its sections run on from one to the next, so CSS cannot
 * name the section in progress (Chromium has no string-set or running elements, and a named page
 * per section would force a sheet per section). So the header is worked out from the printed PDF:
 * the bookmarks Chromium writes for the section headings say where each one landed; each page
 * then names the section in progress at its top and, if others start on it, the last of those
 * ("[03] SALARY – [05] METRICS"). The headers are printed by Chromium from the
 * running-headers template in the dossier's own margin box and type, and laid over the pages.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, PDFRef, endMarkedContent } from 'pdf-lib';
import type { SectionView } from './context.js';
import type { PageGeometry } from './paper.js';

/** Where a section's heading landed: 0-based page, and its top in points from the page's top edge. */
export interface SectionStart {
  section: SectionView;
  page: number;
  top: number;
}

/** What one page's header names: the first section on it and, when another starts later on it, the last. */
export interface RunningHeader {
  first?: SectionView;
  last?: SectionView;
}

const MM = 72 / 25.4;
const letters = (text: string) => text.replace(/\s+/g, '').toUpperCase();
/** The same title, even as Chromium sometimes writes it: laid out, or twice over. */
export function sameLetters(written: string, title: string): boolean {
  const [got, want] = [letters(written), letters(title)];
  return want.length > 0 && got.length % want.length === 0 && want.repeat(got.length / want.length) === got;
}
/** A heading this close under the top margin opens its page: nothing runs on above it. */
const OPENS_PAGE_MM = 14;

/** The sections' headings in the outline, in order, matched to the sections by their titles. */
export function sectionStarts(doc: PDFDocument, sections: readonly SectionView[]): SectionStart[] {
  const pageIndex = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index]));
  const heights = doc.getPages().map((page) => page.getHeight());
  const starts: SectionStart[] = [];
  let next = 0;
  const walk = (parent: PDFDict) => {
    let item = parent.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item) {
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const section = sections[next];
      const text = title && 'decodeText' in title ? (title as { decodeText(): string }).decodeText() : undefined;
      // Chromium titles a bookmark with the heading as laid out (capitals, spaces lost at a line break).
      if (section && dest && text !== undefined && sameLetters(text, section.heading)) {
        const ref = dest.get(0);
        const page = ref instanceof PDFRef ? pageIndex.get(ref.toString()) : undefined;
        const y = dest.lookupMaybe(3, PDFNumber)?.asNumber();
        if (page !== undefined && y !== undefined) {
          starts.push({ section, page, top: heights[page]! - y });
          next += 1;
        }
      }
      walk(item);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (root) walk(root);
  return starts;
}

/** Each page's header (none on the cover). Pure: the starts and the page's geometry decide it. */
export function runningHeaders(starts: readonly SectionStart[], pageCount: number, page: PageGeometry): RunningHeader[] {
  const opensPage = (start: SectionStart) => start.top <= (page.margin.top + OPENS_PAGE_MM * page.scale) * MM;
  return Array.from({ length: pageCount }, (_, index) => {
    if (index === 0) return {};
    const starting = starts.filter((start) => start.page === index).sort((a, b) => a.top - b.top);
    const before = starts.filter((start) => start.page < index).at(-1);
    const inProgress = before && !(starting[0] && opensPage(starting[0])) ? before : undefined;
    const first = inProgress ?? starting[0];
    const last = starting.at(-1) ?? inProgress;
    if (!first) return {};
    return last && last !== first ? { first: first.section, last: last.section } : { first: first.section };
  });
}

/** A pagination artifact, PDF/UA's kind for running headers: no structure, skipped by screen readers. */
const PAGINATION_ARTIFACT = PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), '<< /Type /Pagination /Subtype /Header >>']);

/** Lays page i of the headers PDF over page i of the dossier, as a pagination artifact. */
export async function overlayRunningHeaders(doc: PDFDocument, headersPdf: Uint8Array): Promise<void> {
  const source = await PDFDocument.load(headersPdf, { updateMetadata: false });
  const pages = doc.getPages();
  const embedded = await doc.embedPdf(source, source.getPageIndices().slice(0, pages.length));
  embedded.forEach((header, index) => {
    const page = pages[index]!;
    page.pushOperators(PAGINATION_ARTIFACT);
    page.drawPage(header, { x: 0, y: 0 });
    page.pushOperators(endMarkedContent());
  });
}
