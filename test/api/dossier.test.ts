/** The dossier pipeline on the real artifact: text, fonts and safety of the PDF it writes. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserHandle } from '../../src/browser/launch.js';
import { makeDossier } from '../../src/api/dossier.js';
import { FAMILIES } from '../../src/fonts/registry.js';
import { loadRecord } from '../../src/record/load.js';
import { SECTIONS } from '../../src/record/sections.js';
import { ROOT } from '../helpers/cli.js';
import { pdffonts, pdfinfo, pdftotext } from '../helpers/poppler.js';
import { tempDir } from '../helpers/tmp.js';

/** pdftotext joins words hyphenated at a line end ("cross-\nfunctional" → "crossfunctional"), so hyphens are dropped on both sides. */
const normalise = (text: string) =>
  text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/-/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** Every string a reader must find in the dossier. */
function visibleStrings(value: unknown, key = ''): string[] {
  if (key === '$schema' || key === 'slug' || key === 'currency') return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => visibleStrings(item));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => visibleStrings(v, k));
  return [];
}

describe('makeDossier', () => {
  const outDir = tempDir();
  let handle: BrowserHandle;
  let pdf: string;

  beforeAll(async () => {
    handle = await launchBrowser();
    const made = await makeDossier('lead-infrastructure-engineer', { dataDir: path.join(ROOT, 'data'), outDir, browser: handle.browser });
    pdf = made.output;
  });
  afterAll(() => handle?.close());

  it('writes out/<slug>.pdf, a real PDF', () => {
    expect(pdf).toBe(path.join(outDir, 'lead-infrastructure-engineer.pdf'));
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    expect(Number(pdfinfo(pdf)['Pages'])).toBeGreaterThan(1);
  });

  it('holds the text of every section and every item of the record', async () => {
    const text = normalise(pdftotext(pdf, { raw: true }));
    const { record } = await loadRecord('lead-infrastructure-engineer', { dataDir: path.join(ROOT, 'data') });
    for (const info of SECTIONS) expect(text).toContain(normalise(record.sections[info.id].heading ?? info.defaultHeading));
    const missing = visibleStrings(record).filter((value) => !text.includes(normalise(value)));
    expect(missing).toEqual([]);
    expect(text).toContain('$188,924');
    expect(text).toContain('85%');
  });

  it('embeds every font, and only the bundled ones', () => {
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThan(2);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    const bundled = Object.values(FAMILIES).map((family) => family.replace(/\s+/g, '').replace('Condensed', 'Cond'));
    const foreign = fonts.filter((font) => !bundled.some((family) => font.name.replace(/^[A-Z]{6}\+/, '').startsWith(family)));
    expect(foreign).toEqual([]);
  });

  it('refuses to reach outside the project while printing', async () => {
    const made = await makeDossier('lead-infrastructure-engineer', { dataDir: path.join(ROOT, 'data'), outDir, browser: handle.browser });
    expect(made.blockedRequests.every((url) => !url.startsWith('https://casefile.invalid/assets/'))).toBe(true);
  });
});
