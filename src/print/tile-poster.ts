/**
 * A poster split over home-printer pages. Each page shows its window of the poster, clipped to
 * the printable area, with dashed cut lines, alignment marks in the overlap bands (neighbours
 * carry the same marks at the same poster point), its label ("B2") and a small assembly map.
 * Everything but the poster is marked as an artifact: guides for the scissors, not content.
 */
import {
  beginMarkedContent,
  clip,
  endMarkedContent,
  endPath,
  ParseSpeeds,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  type PDFEmbeddedPage,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { CasefileError } from '../errors.js';
import { mmToPt } from './length.js';
import { embedMarksFont } from './marks-font.js';
import { alignmentMarks, planTiles, type Tile, type TilePlan, type TileSheet } from './tile-plan.js';

const INK = rgb(0, 0, 0);
const GUIDE = rgb(0.45, 0.45, 0.45);
const RED = rgb(0.64, 0.13, 0.11);
const PT_TO_MM = 25.4 / 72;

export interface TiledPoster {
  doc: PDFDocument;
  plan: TilePlan;
  /** Where each tile's alignment marks were drawn, in that page's coordinates (pt), for checks. */
  marks: { x: number; y: number }[][];
}

function drawAlignmentMark(page: PDFPage, x: number, y: number): void {
  const r = mmToPt(2.6);
  const arm = mmToPt(4.5);
  page.drawCircle({ x, y, size: r, color: rgb(1, 1, 1), borderColor: INK, borderWidth: 0.7 });
  page.drawLine({ start: { x: x - arm, y }, end: { x: x + arm, y }, thickness: 0.7, color: INK });
  page.drawLine({ start: { x, y: y - arm }, end: { x, y: y + arm }, thickness: 0.7, color: INK });
}

function drawAssemblyMap(page: PDFPage, plan: TilePlan, tile: Tile, right: number, top: number): void {
  const cell = mmToPt(3.2);
  const gap = mmToPt(0.6);
  const left = right - plan.columns * (cell + gap);
  for (const other of plan.tiles) {
    const here = other.number === tile.number;
    page.drawRectangle({
      x: left + other.column * (cell + gap),
      y: top - (other.row + 1) * (cell + gap),
      width: cell,
      height: cell,
      color: here ? RED : rgb(1, 1, 1),
      borderColor: INK,
      borderWidth: 0.4,
    });
  }
}

function drawTile(page: PDFPage, poster: PDFEmbeddedPage, posterMm: { width: number; height: number }, plan: TilePlan, tile: Tile, font: PDFFont, title: string) {
  const sheetH = mmToPt(plan.sheet.height);
  const margin = mmToPt(plan.margin);
  const window = { width: mmToPt(plan.window.width), height: mmToPt(plan.window.height) };
  const toPage = (px: number, py: number) => ({ x: margin + mmToPt(px - tile.x), y: sheetH - margin - mmToPt(py - tile.y) });

  // The poster, placed so this tile's window shows its part, and clipped to the printable area.
  const origin = toPage(0, posterMm.height);
  page.pushOperators(pushGraphicsState(), rectangle(margin, margin, window.width, window.height), clip(), endPath());
  page.drawPage(poster, { x: origin.x, y: origin.y, width: mmToPt(posterMm.width), height: mmToPt(posterMm.height) });
  page.pushOperators(popGraphicsState(), beginMarkedContent('Artifact'));

  // Cut lines on the window's edges; the left and top edges of inner tiles are cut and glued over.
  page.drawRectangle({ x: margin, y: margin, width: window.width, height: window.height, borderColor: GUIDE, borderWidth: 0.4, borderDashArray: [3, 2] });

  const marks = alignmentMarks(plan, posterMm)
    .filter((mark) => mark.x >= tile.x && mark.x <= tile.x + plan.window.width && mark.y >= tile.y && mark.y <= tile.y + plan.window.height)
    .map((mark) => toPage(mark.x, mark.y));
  for (const mark of marks) drawAlignmentMark(page, mark.x, mark.y);

  const labelY = sheetH - margin + mmToPt(3);
  page.drawText(tile.label, { x: margin, y: labelY, size: 16, font, color: RED });
  const neighbours = [tile.column > 0 ? 'left' : '', tile.row > 0 ? 'top' : ''].filter(Boolean).join(' and ');
  const how = neighbours ? `cut the ${neighbours} margin on the dashed line, lay over the neighbour, match the marks` : 'start here: top-left corner';
  page.drawText(`tile ${tile.number} of ${plan.tiles.length}  ·  row ${tile.label.replace(/\d+$/, '')}, column ${tile.column + 1}  ·  ${how}`, {
    x: margin + 34,
    y: labelY + 4,
    size: 6.5,
    font,
    color: INK,
  });
  page.drawText(title, { x: margin, y: margin - mmToPt(6), size: 6.5, font, color: GUIDE });
  drawAssemblyMap(page, plan, tile, margin + window.width, sheetH - mmToPt(2.5));
  page.pushOperators(endMarkedContent());
  return marks;
}

export async function tilePoster(posterPdf: Uint8Array, sheet: TileSheet, options: { title: string }): Promise<TiledPoster> {
  const source = await PDFDocument.load(posterPdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  if (source.getPageCount() !== 1) {
    throw new CasefileError('E_RENDER', `a poster to tile must be one page; received ${source.getPageCount()} pages`);
  }
  const sourcePage = source.getPage(0);
  const trim = sourcePage.getTrimBox();
  const posterMm = { width: trim.width * PT_TO_MM, height: trim.height * PT_TO_MM };
  const doc = await PDFDocument.create({ updateMetadata: false });
  const poster = await doc.embedPage(sourcePage, { left: trim.x, bottom: trim.y, right: trim.x + trim.width, top: trim.y + trim.height });
  const font = await embedMarksFont(doc);
  const plan = planTiles(posterMm, sheet);
  const marks = plan.tiles.map((tile) => {
    const page = doc.addPage([mmToPt(plan.sheet.width), mmToPt(plan.sheet.height)]);
    return drawTile(page, poster, posterMm, plan, tile, font, options.title);
  });
  return { doc, plan, marks };
}
