/**
 * Visual regression: pages of the real dossier and poster, rendered by pdftoppm at a low DPI,
 * compared with the golden PNGs in test/golden/dossier under a tolerance. After an intended
 * change: `npm run golden:dossier`, look at the new images, commit them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier } from '../../src/api/dossier.js';
import { makePoster } from '../../src/api/poster.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { GOLDEN_ROOT, UPDATE_GOLDENS, writeGolden } from '../helpers/goldens.js';
import { pdftoppm } from '../helpers/poppler.js';
import { tempDir } from '../helpers/tmp.js';

const GOLDEN_DIR = path.join(GOLDEN_ROOT, 'dossier');
/** Per-pixel colour distance pixelmatch ignores (anti-aliasing, hinting), and the share of pixels that may differ. */
const PIXEL_THRESHOLD = 0.15;
const MAX_DIFF_RATIO = 0.005;
const DOSSIER_DPI = 24;
const POSTER_DPI = 10;

/** Pages that show each visual form: cover, org chart, salary scale, gauge, autopsy columns, pinned notes. */
const DOSSIER_PAGES = [
  [1, 'cover'],
  [3, 'org-chart'],
  [5, 'salary'],
  [6, 'flight-risk'],
  [10, 'job-ad-autopsy'],
  [12, 'burn-ward'],
] as const;

function compare(name: string, actual: Buffer): void {
  const golden = path.join(GOLDEN_DIR, `${name}.png`);
  if (UPDATE_GOLDENS) return writeGolden(golden, actual);
  expect(existsSync(golden), `${golden} is missing; run \`npm run golden:dossier\``).toBe(true);
  const want = PNG.sync.read(readFileSync(golden));
  const got = PNG.sync.read(actual);
  expect([got.width, got.height], `${name}: size`).toEqual([want.width, want.height]);
  const diff = new PNG({ width: want.width, height: want.height });
  const differing = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: PIXEL_THRESHOLD });
  const ratio = differing / (want.width * want.height);
  if (ratio > MAX_DIFF_RATIO) {
    const out = path.join(os.tmpdir(), 'casefile-visual');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, `${name}.actual.png`), actual);
    writeFileSync(path.join(out, `${name}.diff.png`), PNG.sync.write(diff));
  }
  expect(ratio, `${name}: ${differing} pixels differ; see ${path.join(os.tmpdir(), 'casefile-visual')}`).toBeLessThanOrEqual(MAX_DIFF_RATIO);
}

describe('visual regression', () => {
  const browser = useBrowser();
  let dossier: string;
  let poster: string;

  beforeAll(async () => {
    const outDir = tempDir();
    const dataDir = path.join(ROOT, 'data');
    dossier = (await makeDossier('lead-infrastructure-engineer', { dataDir, outDir, browser: browser() })).output;
    poster = (await makePoster('lead-infrastructure-engineer', { dataDir, outDir, browser: browser() })).output;
  });

  it.each(DOSSIER_PAGES)('A4 page %i (%s) matches its golden image', (page, name) => {
    compare(`a4-${String(page).padStart(2, '0')}-${name}`, pdftoppm(dossier, page, DOSSIER_DPI));
  });

  it('the A2 poster matches its golden image', () => {
    compare('poster-a2', pdftoppm(poster, 1, POSTER_DPI));
  });

  it('notices a change: a page compared with another page fails', () => {
    if (UPDATE_GOLDENS) return;
    const cover = PNG.sync.read(readFileSync(path.join(GOLDEN_DIR, 'a4-01-cover.png')));
    const other = PNG.sync.read(pdftoppm(dossier, 3, DOSSIER_DPI));
    const differing = pixelmatch(cover.data, other.data, undefined, cover.width, cover.height, { threshold: PIXEL_THRESHOLD });
    expect(differing / (cover.width * cover.height)).toBeGreaterThan(MAX_DIFF_RATIO);
  });
});
