/**
 * Trim marks: at each corner of the trim box, two hairlines in line with its edges, starting
 * clear of the bleed so a cut on the line never shows them. Marked as an artifact so screen
 * readers of the tagged PDF skip them. A slug line names the file and its trim and bleed.
 */
import { beginMarkedContent, endMarkedContent, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { mmToPt } from './length.js';
import { MARK_GAP_MM, MARK_LENGTH_MM, type PrintBoxes } from './page-boxes.js';

export const MARK_THICKNESS_PT = 0.5;
const REGISTRATION = rgb(0, 0, 0);

/** The line segments of the eight marks, in page coordinates, for drawing and for tests. */
export function cropMarkSegments(boxes: PrintBoxes): { start: { x: number; y: number }; end: { x: number; y: number } }[] {
  const { trim, bleed } = boxes;
  const gap = trim.x - bleed.x + mmToPt(MARK_GAP_MM);
  const length = mmToPt(MARK_LENGTH_MM);
  const xs = [trim.x, trim.x + trim.width];
  const ys = [trim.y, trim.y + trim.height];
  const segments = [];
  for (const x of xs) {
    for (const y of ys) {
      const outX = x === trim.x ? -1 : 1;
      const outY = y === trim.y ? -1 : 1;
      segments.push({ start: { x: x + outX * gap, y }, end: { x: x + outX * (gap + length), y } });
      segments.push({ start: { x, y: y + outY * gap }, end: { x, y: y + outY * (gap + length) } });
    }
  }
  return segments;
}

export function drawCropMarks(page: PDFPage, boxes: PrintBoxes, slug: { font: PDFFont; text: string }): void {
  page.pushOperators(beginMarkedContent('Artifact'));
  for (const segment of cropMarkSegments(boxes)) {
    page.drawLine({ ...segment, thickness: MARK_THICKNESS_PT, color: REGISTRATION });
  }
  const size = 5.5;
  const { trim, media } = boxes;
  const baseline = media.y + (trim.y - media.y) / 2 - size / 3;
  page.drawText(slug.text, { x: trim.x + mmToPt(12), y: baseline, size, font: slug.font, color: REGISTRATION });
  page.pushOperators(endMarkedContent());
}
