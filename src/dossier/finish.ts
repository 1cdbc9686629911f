/**
 * Chromium's PDF → the PDF casefile ships: related-dossier links made relative, every link told
 * where it goes, bookmark titles as the record spells them, what Chromium paints untagged marked
 * as an artifact, print-shop
 * boxes and crop marks where asked, document info and XMP from the record, reproducible bytes.
 * Chromium's outline (bookmarks) and structure tree (tagging) pass through, with the templates'
 * tag hints applied (sections, labels read as words) and the structure elements' IDs renumbered
 * in document order so the bytes do not depend on timing.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { CaseFile } from '../record/schema.js';
import { drawCropMarks } from '../print/crop-marks.js';
import { embedMarksFont } from '../print/marks-font.js';
import { applyPrintBoxes } from '../print/page-boxes.js';
import { documentInfoFor, saveDeterministic, setDocumentInfo } from './document-info.js';
import type { PageGeometry } from './paper.js';
import { sectionViews } from './context.js';
import { repairOutlineTitles } from './outline-titles.js';
import { describeLinks } from './link-contents.js';
import { namedItemTitles } from './named-items.js';
import { relativizeRelatedLinks } from './related-links.js';
import { overlayRunningHeaders } from './running-headers.js';
import { renumberStructureIds } from './structure-ids.js';
import { applyTagHints } from './tag-hints.js';
import { markUntaggedContentAsArtifacts } from './untagged-content.js';

export interface FinishOptions {
  record: CaseFile;
  page: PageGeometry;
  kind: 'dossier' | 'poster';
  date?: Date;
  /** A themed site's name, for the document info (see documentInfoFor). */
  brand?: string;
  /** A layer to lay over the pages, page for page: the compact dossier's running headers. */
  overlay?: Uint8Array;
}

/**
 * Parses Chromium's PDF in one go: pdf-lib's default pauses for the event loop every 100
 * objects, which on a busy machine costs more than the parsing itself.
 */
export function loadChromiumPdf(chromiumPdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(chromiumPdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** Takes Chromium's bytes, or the document already parsed from them (parsed once, not twice). */
export async function finishPdf(chromiumPdf: Uint8Array | PDFDocument, options: FinishOptions): Promise<Uint8Array> {
  const doc = chromiumPdf instanceof PDFDocument ? chromiumPdf : await loadChromiumPdf(chromiumPdf);
  relativizeRelatedLinks(doc);
  describeLinks(doc, options.record);
  // Before the IDs: the hints move the poster's sections, and IDs follow document order.
  applyTagHints(doc);
  renumberStructureIds(doc);
  repairOutlineTitles(doc, [options.record.title, ...sectionViews(options.record).map((section) => section.heading), ...namedItemTitles(options.record)]);
  // Before anything is drawn: pdf-lib draws into a content stream of its own, which this rewrites
  // away. The running headers and crop marks drawn after it are artifacts already.
  markUntaggedContentAsArtifacts(doc);
  const { page } = options;
  // Before the print boxes: the layer was printed at the same size as the pages it goes on.
  if (options.overlay) await overlayRunningHeaders(doc, options.overlay);
  if (page.bleedMm > 0 || page.cropMarks) {
    const boxes = applyPrintBoxes(doc, page);
    if (page.cropMarks) {
      const font = await embedMarksFont(doc);
      const size = `${Number(page.trimWidthMm.toFixed(1))} x ${Number(page.trimHeightMm.toFixed(1))} mm`;
      const slug = `${options.record.slug}  ·  ${page.paper}${page.landscape ? ' landscape' : ''}  ·  trim ${size}  ·  bleed ${page.bleedMm} mm`;
      doc.getPages().forEach((pdfPage, index) => drawCropMarks(pdfPage, boxes[index]!, { font, text: `${slug}  ·  page ${index + 1}` }));
    }
  }
  setDocumentInfo(doc, documentInfoFor(options.record, { kind: options.kind, ...(options.date ? { date: options.date } : {}), ...(options.brand === undefined ? {} : { brand: options.brand }) }));
  return saveDeterministic(doc);
}
