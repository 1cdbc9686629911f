/**
 * QR codes on paper: the dossier's footer and the poster carry a code to the record's web page,
 * drawn as vectors with a quiet zone. Read back the way a phone would: pdftoppm renders the
 * page, jsQR (a real decoder) finds and decodes the code in the pixels.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDossier } from '../../src/api/dossier.js';
import { renderPoster } from '../../src/api/poster.js';
import { modulesPath, qrCode, qrUrl, QUIET_ZONE_MODULES } from '../../src/dossier/qr-code.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { decodePng, type Image } from '../helpers/png.js';
import { pdfinfo, pdftoppm } from '../helpers/poppler.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const dataDir = path.join(ROOT, 'data');
const record = loadDataRecord('sdet');
const BASE = 'https://example.org/roles';
// jsqr is a CommonJS bundle with a `default` export: Node's ESM loader and vite disagree on the wrapper.
type JsQr = typeof jsQRModule.default;
const jsQR: JsQr = (jsQRModule as unknown as { default?: JsQr }).default ?? (jsQRModule as unknown as JsQr);

function decode(image: Image) {
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
}

const luminance = (image: Image, x: number, y: number) => {
  const at = (Math.round(y) * image.width + Math.round(x)) * 4;
  return (image.data[at]! + image.data[at + 1]! + image.data[at + 2]!) / 3;
};

/**
 * The symbol's corners from the decoder, and the darkest pixel in the band of QUIET_ZONE_MODULES
 * modules around it: light everywhere means a scanner finds the code's edge.
 */
function quietZone(image: Image, found: NonNullable<ReturnType<typeof decode>>, modules: number) {
  const { topLeftCorner: tl, topRightCorner: tr, bottomLeftCorner: bl } = found.location;
  const modulePx = Math.hypot(tr.x - tl.x, tr.y - tl.y) / modules;
  const [left, top] = [tl.x, tl.y];
  const [right, bottom] = [tr.x, bl.y];
  let darkest = 255;
  const band = QUIET_ZONE_MODULES * modulePx;
  for (let y = top - band; y <= bottom + band; y += 1) {
    for (let x = left - band; x <= right + band; x += 1) {
      const inside = x > left - 1 && x < right + 1 && y > top - 1 && y < bottom + 1;
      if (!inside) darkest = Math.min(darkest, luminance(image, x, y));
    }
  }
  return { modulePx, darkest };
}

describe('the QR code URL', () => {
  it('is <base-url>/<slug>/ by default, or the qrUrl template', () => {
    expect(qrUrl('sdet', 'https://example.org/roles/')).toBe('https://example.org/roles/sdet/');
    expect(qrUrl('sdet', BASE, '{baseUrl}/cases/{slug}.html')).toBe('https://example.org/roles/cases/sdet.html');
    expect(qrUrl('sdet', BASE, 'https://short.example/{slug}')).toBe('https://short.example/sdet');
    expect(() => qrUrl('sdet', BASE, '/{slug}')).toThrow(/is not an absolute URL/);
  });

  it('draws each run of dark modules once, offset by the quiet zone', () => {
    const dark = new Set(['0,0', '0,1', '1,2']);
    expect(modulesPath(3, (row, column) => dark.has(`${row},${column}`), 4)).toBe('M4 4h2v1h-2zM6 5h1v1h-1z');
    const code = qrCode('https://example.org/roles/sdet/', { moduleMm: 0.4 });
    expect(code.modules).toBe(29);
    expect(code.sizeMm).toBe(14.8);
    expect(code.svg).toMatch(/^<svg [^>]*width="14.8mm" height="14.8mm" viewBox="0 0 37 37"/);
  });
});

describe('QR codes on printed pages', () => {
  const browser = useBrowser();
  const dir = tempDir();
  const dossier = path.join(dir, 'sdet.pdf');
  const plain = path.join(dir, 'sdet-plain.pdf');
  const poster = path.join(dir, 'sdet-poster.pdf');

  beforeAll(async () => {
    const [withQr, without, wall] = await Promise.all([
      renderDossier(browser(), record, { dataDir, qr: { baseUrl: BASE } }),
      renderDossier(browser(), record, { dataDir }),
      renderPoster(browser(), record, { dataDir, qr: { baseUrl: BASE, urlTemplate: '{baseUrl}/cases/{slug}.html' } }),
    ]);
    writeFileSync(dossier, withQr.pdf);
    writeFileSync(plain, without.pdf);
    writeFileSync(poster, wall.pdf);
  }, 180_000);

  it('scans from the footer of a dossier page rendered at 150 dpi, with a 4-module quiet zone of at least 0.35 mm modules', () => {
    const page = decodePng(pdftoppm(dossier, 3, 150));
    const found = decode(page);
    expect(found?.data).toBe('https://example.org/roles/sdet/');
    // In the footer: the bottom tenth of the sheet, centred.
    expect(found!.location.topLeftCorner.y).toBeGreaterThan(page.height * 0.9);
    expect(Math.abs((found!.location.topLeftCorner.x + found!.location.topRightCorner.x) / 2 - page.width / 2)).toBeLessThan(page.width * 0.05);
    const { modulePx, darkest } = quietZone(page, found!, qrCode(found!.data, { moduleMm: 1 }).modules);
    expect((modulePx / 150) * 25.4).toBeGreaterThanOrEqual(0.35);
    expect(darkest).toBeGreaterThan(200);
  });

  it('is on every page but the cover, drawn as vectors (no images in the PDF), and absent without --base-url', () => {
    const pages = Number(pdfinfo(dossier)['Pages']);
    expect(decode(decodePng(pdftoppm(dossier, 1, 100)))).toBeNull();
    expect(decode(decodePng(pdftoppm(dossier, pages, 100)))?.data).toBe('https://example.org/roles/sdet/');
    expect(execFileSync('pdfimages', ['-list', dossier], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)).toEqual([]);
    expect(decode(decodePng(pdftoppm(plain, 3, 150)))).toBeNull();
  });

  it('scans from the poster, pointing where the qrUrl template says', () => {
    // The bottom fifth of the A2 sheet at 100 dpi: what a phone sees from a step away.
    const strip = execFileSync('pdftoppm', ['-r', '100', '-png', '-x', '0', '-y', '1870', '-W', '1654', '-H', '470', poster], { maxBuffer: 64 * 1024 * 1024 });
    const image = decodePng(strip);
    const found = decode(image);
    expect(found?.data).toBe('https://example.org/roles/cases/sdet.html');
    const { modulePx, darkest } = quietZone(image, found!, qrCode(found!.data, { moduleMm: 1 }).modules);
    // About 1.08 mm: the design's 0.9 mm × the A2 zoom of 1.2, not shrunk with the rest of a long record.
    expect((modulePx / 100) * 25.4).toBeGreaterThanOrEqual(1);
    expect(darkest).toBeGreaterThan(200);
  });
});
