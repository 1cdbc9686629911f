/**
 * A themed dossier is themed everywhere: every colour painted on every page is one of the theme's
 * colours, the built-in neutrals it keeps, white, or a tint between them; no red of the built-in
 * palette is left (the large exhibit numeral kept its red tint on a blue theme).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier } from '../../src/api/dossier.js';
import { mix, parseHex } from '../../src/theme/colour.js';
import { loadThemeFile } from '../../src/theme/load.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { paintedColours } from '../helpers/pdf-colours.js';
import { loadPdf } from '../helpers/pdf-structure.js';
import { tempDir } from '../helpers/tmp.js';

const ACCENT = '#0a66c2';
/** templates/dossier.css's neutrals, which a theme that sets only its accent keeps. */
const NEUTRALS = ['#f5efe1', '#fbf7ec', '#e8d6a6', '#d4bd82', '#5b564c', '#1d1b18', '#cfc4aa', '#ffffff'];
/** The built-in exhibit numeral, a tint of the built-in red on the paper. */
const BUILT_IN_NUMERAL = '#e8cfc2';

/** Whether `colour` is a mix of at most three of `bases` (within a few levels of rounding). */
function isTintOf(colour: string, bases: readonly string[]): boolean {
  const c = parseHex(colour);
  const points = bases.map(parseHex);
  const dot = (p: number[], q: number[]) => p[0]! * q[0]! + p[1]! * q[1]! + p[2]! * q[2]!;
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i; j < points.length; j += 1) {
      for (let k = j; k < points.length; k += 1) {
        const [a, b, d] = [points[i]!, points[j]!, points[k]!];
        const u = b.map((x, n) => x - a[n]!);
        const v = d.map((x, n) => x - a[n]!);
        const w = c.map((x, n) => x - a[n]!);
        const [uu, uv, vv, uw, vw] = [dot(u, u), dot(u, v), dot(v, v), dot(u, w), dot(v, w)];
        const det = uu * vv - uv * uv;
        const [s, t] = Math.abs(det) < 1e-9 ? [uu > 0 ? Math.max(0, Math.min(1, uw / uu)) : 0, 0] : [(vv * uw - uv * vw) / det, (uu * vw - uv * uw) / det];
        if (s < -0.01 || t < -0.01 || s + t > 1.01) continue;
        const nearest = a.map((x, n) => x + s * u[n]! + t * v[n]!);
        if (Math.hypot(...nearest.map((x, n) => x - c[n]!)) <= 3) return true;
      }
    }
  }
  return false;
}

describe('a themed dossier', () => {
  const browser = useBrowser();
  const outDir = tempDir();
  let themed = '';
  let plain = '';

  beforeAll(async () => {
    const themeFile = path.join(outDir, 'theme.json');
    writeFileSync(themeFile, JSON.stringify({ name: 'Acme Careers', tagline: 'Roles, decoded', colors: { accent: ACCENT } }));
    const theme = await loadThemeFile(themeFile);
    const dataDir = path.join(ROOT, 'data');
    themed = (await makeDossier('lead-infrastructure-engineer', { dataDir, outDir: path.join(outDir, 'themed'), theme, browser: browser() })).output;
    plain = (await makeDossier('lead-infrastructure-engineer', { dataDir, outDir: path.join(outDir, 'plain'), browser: browser() })).output;
  }, 300_000);

  it('tells the colours apart: the tint test refuses the built-in reds on a blue theme', () => {
    for (const red of ['#a3201b', '#f6e3dc', BUILT_IN_NUMERAL, '#fff6d6', '#6d1511']) expect(isTintOf(red, [ACCENT, ...NEUTRALS]), red).toBe(false);
    expect(isTintOf(mix('#f5efe1', ACCENT, 0.16), [ACCENT, ...NEUTRALS])).toBe(true);
  });

  it('paints the built-in numeral unthemed, and the theme’s tint of it themed', async () => {
    const [plainDoc, themedDoc] = await Promise.all([loadPdf(plain), loadPdf(themed)]);
    // Page 3 opens the org chart, under its exhibit numeral.
    expect(paintedColours(plainDoc, 2)).toContain(BUILT_IN_NUMERAL);
    const themedColours = paintedColours(themedDoc, 2);
    expect(themedColours).not.toContain(BUILT_IN_NUMERAL);
    expect(themedColours).toContain(mix('#f5efe1', ACCENT, 0.16));
  });

  it('paints nothing on any page but the theme’s colours, the neutrals it keeps and tints between them', async () => {
    const doc = await loadPdf(themed);
    const stray = doc.getPages().flatMap((_, index) => [...paintedColours(doc, index)].filter((colour) => !isTintOf(colour, [ACCENT, ...NEUTRALS])).map((colour) => `page ${index + 1}: ${colour}`));
    expect(stray).toEqual([]);
    const plainDoc = await loadPdf(plain);
    const reds = plainDoc.getPages().flatMap((_, index) => [...paintedColours(plainDoc, index)].filter((colour) => !isTintOf(colour, [ACCENT, ...NEUTRALS])));
    expect(reds.length).toBeGreaterThan(0);
  });
});
