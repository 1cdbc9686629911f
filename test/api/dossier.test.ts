/** The dossier pipeline on the real artifact: text, fonts and safety of the PDF it writes. */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier } from '../../src/api/dossier.js';
import { PAGE_ORIGIN } from '../../src/browser/serve.js';
import { FAMILIES } from '../../src/fonts/registry.js';
import { SECTIONS } from '../../src/record/sections.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { pdffonts, pdfinfo, pdftotext } from '../helpers/poppler.js';
import { loadDataRecord } from '../helpers/records.js';
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
  const browser = useBrowser();
  let pdf: string;
  let blocked: string[];

  beforeAll(async () => {
    const made = await makeDossier('lead-infrastructure-engineer', { dataDir: path.join(ROOT, 'data'), outDir, browser: browser() });
    pdf = made.output;
    blocked = made.blockedRequests;
  });

  it('writes out/<slug>.pdf, a real PDF', () => {
    expect(pdf).toBe(path.join(outDir, 'lead-infrastructure-engineer.pdf'));
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    expect(Number(pdfinfo(pdf)['Pages'])).toBeGreaterThan(1);
  });

  it('holds the text of every section and every item of the record', async () => {
    const text = normalise(pdftotext(pdf, { raw: true }));
    const record = loadDataRecord('lead-infrastructure-engineer');
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

  it('asks for nothing outside the project while printing the built-in dossier', () => {
    // Chromium asks every page for a favicon on its own; the templates ask for nothing else outside.
    expect(blocked.filter((url) => url !== `${PAGE_ORIGIN}/favicon.ico`)).toEqual([]);
  });

  it('refuses what a page asks for outside the project, and still serves the project\'s own assets', async () => {
    const templatesDir = path.join(outDir, 'reaching-templates');
    mkdirSync(templatesDir);
    writeFileSync(
      path.join(templatesDir, 'dossier.hbs'),
      '<!DOCTYPE html><html><head><style>{{{fontFaces}}}</style>{{#each stylesheets}}<link rel="stylesheet" href="{{this}}">{{/each}}' +
        '<link rel="stylesheet" href="https://outside.invalid/reach.css"></head>' +
        '<body><p style="font-family: \'IBM Plex Mono\'">{{record.title}}</p><img src="https://outside.invalid/pixel.png"></body></html>',
    );
    const made = await makeDossier('lead-infrastructure-engineer', {
      dataDir: path.join(ROOT, 'data'),
      outDir: path.join(outDir, 'reaching'),
      templatesDir,
      browser: browser(),
    });
    expect(made.blockedRequests).toEqual(expect.arrayContaining(['https://outside.invalid/reach.css', 'https://outside.invalid/pixel.png']));
    expect(made.blockedRequests.filter((url) => url.startsWith(`${PAGE_ORIGIN}/assets/`))).toEqual([]);
    // The bundled font was served from the project's assets, so the page printed in it.
    expect(pdffonts(made.output).map((font) => font.name).join(' ')).toContain('IBMPlexMono');
  });
});
