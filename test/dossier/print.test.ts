/**
 * Print-shop output on the real PDF: the page boxes pdfinfo reports, and what a rendered page
 * shows in them: background running into the bleed, trim marks outside it, white beyond.
 */
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier } from '../../src/api/dossier.js';
import { cropMarkSegments } from '../../src/print/crop-marks.js';
import { mmToPt } from '../../src/print/length.js';
import { MARK_AREA_MM, type PrintBoxes } from '../../src/print/page-boxes.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { pdffonts, pdfinfo, pdftoppm, qpdfCheck } from '../helpers/poppler.js';
import { tempDir } from '../helpers/tmp.js';

type Box = { x0: number; y0: number; x1: number; y1: number };

function boxes(file: string, page: number): { media: Box; bleed: Box; trim: Box } {
  const info = pdfinfo(file, ['-box', '-f', String(page), '-l', String(page)]);
  const read = (name: string): Box => {
    const [x0, y0, x1, y1] = info[`Page ${String(page).padStart(4)} ${name}`]!.split(/\s+/).map(Number) as [number, number, number, number];
    return { x0, y0, x1, y1 };
  };
  return { media: read('MediaBox'), bleed: read('BleedBox'), trim: read('TrimBox') };
}

/** RGB of the pixel at PDF point (x, y) on a 72 dpi render, where 1 px = 1 pt and the top-left is the MediaBox corner. */
function pixelAt(png: PNG, media: Box, x: number, y: number): [number, number, number] {
  const px = Math.round(x - media.x0);
  const py = Math.round(media.y1 - y);
  const i = (py * png.width + px) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}
/** A hairline at 72 dpi is anti-aliased over two pixels: look at the darkest pixel around the point. */
function darkestAround(png: PNG, media: Box, x: number, y: number): number {
  let darkest = 765;
  for (let dx = -1; dx <= 1; dx += 1) for (let dy = -1; dy <= 1; dy += 1) darkest = Math.min(darkest, pixelAt(png, media, x + dx, y + dy).reduce((a, b) => a + b, 0));
  return darkest;
}
const isWhite = ([r, g, b]: number[]) => r! > 250 && g! > 250 && b! > 250;

describe('--bleed 3mm --crop-marks', () => {
  const browser = useBrowser();
  let file: string;
  let plain: string;
  const bleed = mmToPt(3);

  beforeAll(async () => {
    const outDir = tempDir();
    const dataDir = path.join(ROOT, 'data');
    file = (await makeDossier('lead-infrastructure-engineer', { dataDir, outDir, browser: browser(), bleedMm: 3, cropMarks: true })).output;
    plain = (await makeDossier('lead-infrastructure-engineer', { dataDir, outDir: path.join(outDir, 'plain'), browser: browser() })).output;
  });

  it('makes the bleed box larger than the trim box by the bleed, and the page larger still for the marks', () => {
    for (const page of [1, 2, 13]) {
      const { media, bleed: bleedBox, trim } = boxes(file, page);
      expect(trim.x0 - bleedBox.x0).toBeCloseTo(bleed, 1);
      expect(trim.y0 - bleedBox.y0).toBeCloseTo(bleed, 1);
      expect(bleedBox.x1 - trim.x1).toBeCloseTo(bleed, 1);
      expect(bleedBox.y1 - trim.y1).toBeCloseTo(bleed, 1);
      expect(bleedBox.x0 - media.x0).toBeCloseTo(mmToPt(MARK_AREA_MM), 1);
      // The trimmed sheet is still A4 (to Chromium's rounding of a page to whole CSS pixels).
      expect(trim.x1 - trim.x0).toBeCloseTo(595.28, -0.5);
      expect(trim.y1 - trim.y0).toBeCloseTo(841.89, -0.5);
    }
  });

  it('leaves a plain render without extra boxes', () => {
    const { media, trim } = boxes(plain, 1);
    expect(trim).toEqual(media);
  });

  it('draws trim marks outside the bleed, runs the background into the bleed, and leaves the rest white', () => {
    for (const page of [1, 3]) {
      const { media, bleed: bleedBox, trim } = boxes(file, page);
      const png = PNG.sync.read(pdftoppm(file, page, 72));
      expect(png.width).toBeCloseTo(media.x1 - media.x0, -1);
      const printBoxes: PrintBoxes = {
        media: { x: media.x0, y: media.y0, width: media.x1 - media.x0, height: media.y1 - media.y0 },
        bleed: { x: bleedBox.x0, y: bleedBox.y0, width: bleedBox.x1 - bleedBox.x0, height: bleedBox.y1 - bleedBox.y0 },
        trim: { x: trim.x0, y: trim.y0, width: trim.x1 - trim.x0, height: trim.y1 - trim.y0 },
      };
      const segments = cropMarkSegments(printBoxes);
      expect(segments).toHaveLength(8);
      for (const { start, end } of segments) {
        const middle = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
        expect(darkestAround(png, media, middle.x, middle.y), `mark at ${middle.x},${middle.y}`).toBeLessThan(450);
        // Marks stay out of the bleed: both ends lie outside the bleed box.
        for (const point of [start, end]) {
          const inside = point.x > bleedBox.x0 && point.x < bleedBox.x1 && point.y > bleedBox.y0 && point.y < bleedBox.y1;
          expect(inside).toBe(false);
        }
      }
      // Halfway into the bleed, mid-edge: the page's background colour, not white paper.
      const midY = (trim.y0 + trim.y1) / 2;
      expect(isWhite(pixelAt(png, media, bleedBox.x0 + bleed / 2, midY))).toBe(false);
      expect(isWhite(pixelAt(png, media, bleedBox.x1 - bleed / 2, midY))).toBe(false);
      // Beyond the bleed, away from the marks: white.
      expect(isWhite(pixelAt(png, media, media.x0 + 2, midY))).toBe(true);
    }
  });

  it('still passes qpdf --check with every font embedded, the marks font included', () => {
    expect(qpdfCheck(file).ok).toBe(true);
    const fonts = pdffonts(file);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.some((font) => font.name.includes('IBMPlexSans-Marks'))).toBe(true);
    expect(pdfinfo(file)['Tagged']).toBe('yes');
  });
});
