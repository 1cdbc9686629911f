/**
 * Print-shop page boxes. Chromium prints each page at trim size plus bleed; here the MediaBox
 * grows further to make room for crop marks, BleedBox is what Chromium printed and TrimBox the
 * finished sheet, so imposition software knows where to cut.
 */
import { type PDFDocument, type PDFPage } from 'pdf-lib';
import type { PageGeometry } from '../dossier/paper.js';
import { mmToPt } from './length.js';

/** Room beyond the bleed for the marks: a 1 mm gap, a 5 mm mark and a 1.5 mm border. */
export const MARK_GAP_MM = 1;
export const MARK_LENGTH_MM = 5;
export const MARK_AREA_MM = MARK_GAP_MM + MARK_LENGTH_MM + 1.5;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PrintBoxes {
  trim: Rect;
  bleed: Rect;
  media: Rect;
}

export function printBoxesFor(page: PDFPage, geometry: Pick<PageGeometry, 'bleedMm' | 'cropMarks'>): PrintBoxes {
  const printed = page.getMediaBox();
  const bleed = mmToPt(geometry.bleedMm);
  const area = geometry.cropMarks ? mmToPt(MARK_AREA_MM) : 0;
  return {
    bleed: printed,
    trim: { x: printed.x + bleed, y: printed.y + bleed, width: printed.width - 2 * bleed, height: printed.height - 2 * bleed },
    media: { x: printed.x - area, y: printed.y - area, width: printed.width + 2 * area, height: printed.height + 2 * area },
  };
}

export function applyPageBoxes(page: PDFPage, boxes: PrintBoxes): void {
  const { media, bleed, trim } = boxes;
  page.setMediaBox(media.x, media.y, media.width, media.height);
  page.setCropBox(media.x, media.y, media.width, media.height);
  page.setBleedBox(bleed.x, bleed.y, bleed.width, bleed.height);
  page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
}

/** Sets the boxes on every page; returns them so marks can be drawn against the trim. */
export function applyPrintBoxes(doc: PDFDocument, geometry: Pick<PageGeometry, 'bleedMm' | 'cropMarks'>): PrintBoxes[] {
  return doc.getPages().map((page) => {
    const boxes = printBoxesFor(page, geometry);
    applyPageBoxes(page, boxes);
    return boxes;
  });
}
