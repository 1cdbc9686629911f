/**
 * `--layout compact`, read back from real PDFs: the Lead Infrastructure Engineer on at most six A4
 * pages; each page's running header names the section in progress at its top (and the last one
 * starting on it); no heading at a page's foot; no card, quote, timeline entry or autopsy item split
 * over two pages, also in a longer record that runs sections over several pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier } from '../../src/api/dossier.js';
import type { CaseFile } from '../../src/record/schema.js';
import { SECTIONS } from '../../src/record/sections.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { expectedOutline } from '../helpers/outline.js';
import { outline, pageContent } from '../helpers/pdf-structure.js';
import { pdfinfo, pdfWords, qpdfCheck, type PdfWord } from '../helpers/poppler.js';
import { boxOf, findWords, placements } from '../helpers/record-text.js';
import { withLongSections } from '../helpers/long-sections.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const SLUG = 'lead-infrastructure-engineer';
const dataDir = path.join(ROOT, 'data');
const record = loadDataRecord(SLUG);
/** A4's top margin (22 mm): the running header sits above it. */
const HEADER_BAND_PT = (22 * 72) / 25.4;

const headingsOf = (of: CaseFile) => Object.fromEntries(SECTIONS.map((info) => [info.id, of.sections[info.id].heading ?? info.defaultHeading]));
const label = (number: string, shortName: string) => `[${number}] ${shortName.toUpperCase()}`;
const headerOf = (page: PdfWord[]) => boxOf(page.filter((word) => word.yMax < HEADER_BAND_PT && word.xMin > 150 && word.xMax < 445)).text;


/** Pairs of (start, end) text of every item the layout must keep on one page. */
function unsplittable(of: CaseFile): [string, string][] {
  const s = of.sections;
  return [
    ...s.metrics.items.map((item) => [item.name, item.description] as [string, string]),
    ...s.weaponry.items.map((item) => [item.name, item.description] as [string, string]),
    ...s['survival-guide'].items.map((item) => [`[${item.situation}:]`, item.advice] as [string, string]),
    ...s['job-ad-autopsy'].items.map((item) => [item.ad, item.translation] as [string, string]),
    ...s['day-in-the-life'].entries.map((entry) => [entry.title, entry.description] as [string, string]),
    ...s['burn-ward'].quotes.map((quote) => [quote.text, quote.source] as [string, string]),
    ...s['related-specimens'].items.map((item) => [`SYSTEM MATCH: ${item.match}%`, item.description] as [string, string]),
  ];
}

const pageOf = (pages: PdfWord[][], text: string, count: number) => pages.findIndex((page) => findWords(page, text, count).length > 0);

describe('--layout compact', () => {
  const browser = useBrowser();
  let compact: string;
  let long: string;
  const longRecord = withLongSections(record);

  beforeAll(async () => {
    compact = (await makeDossier(SLUG, { dataDir, outDir: tempDir(), browser: browser(), layout: 'compact' })).output;
    const longData = path.join(tempDir(), 'data');
    mkdirSync(longData);
    writeFileSync(path.join(longData, `${SLUG}.json`), JSON.stringify(longRecord));
    long = (await makeDossier(SLUG, { dataDir: longData, outDir: tempDir(), browser: browser(), layout: 'compact' })).output;
  }, 300_000);

  it('prints the Lead Infrastructure Engineer on at most 6 A4 pages, a whole PDF (tagged, bookmarked, qpdf-clean)', async () => {
    const info = pdfinfo(compact);
    expect(Number(info['Pages'])).toBeLessThanOrEqual(6);
    expect(Number(info['Pages'])).toBeGreaterThanOrEqual(4);
    expect(info['Page size']).toBe('594.96 x 841.92 pts (A4)');
    expect(info['Tagged']).toBe('yes');
    expect(qpdfCheck(compact).ok).toBe(true);
    // Bookmarks titled as the record spells them, even where Chromium wrote a heading twice over.
    expect(await outline(compact)).toEqual(expectedOutline(record));
  });

  it.each(['compact', 'long'] as const)('%s: each running header names the section in progress at the top of its page, to the last starting on it', (name) => {
    const of = name === 'compact' ? record : longRecord;
    const pages = pdfWords(name === 'compact' ? compact : long);
    const found = placements(pages, of, { headings: headingsOf(of), columnWidth: Infinity, footer: of.title });
    const starts = SECTIONS.map((info) => ({ info, page: found[info.id]!.page - 1, top: found[info.id]!.heading.yMin }));
    expect(headerOf(pages[0]!)).toBe('');
    let checked = 0;
    pages.forEach((page, index) => {
      if (index === 0) return;
      const starting = starts.filter((start) => start.page === index).sort((a, b) => a.top - b.top);
      // What the page begins with: the first line of text under the header band.
      const firstLine = Math.min(...page.filter((word) => word.yMin > HEADER_BAND_PT).map((word) => word.yMin));
      const opensWithHeading = starting[0] !== undefined && starting[0].top - firstLine < 12;
      const inProgress = opensWithHeading ? undefined : starts.filter((start) => start.page < index).at(-1);
      const first = inProgress ?? starting[0];
      const last = starting.at(-1) ?? inProgress;
      const header = headerOf(page);
      expect(first, `page ${index + 1}`).toBeDefined();
      const wanted = [first!, ...(last && last !== first ? [last] : [])].map((start) => label(start.info.number, start.info.shortName)).join(' – ');
      expect(header, `page ${index + 1}`).toBe(wanted);
      checked += 1;
    });
    expect(checked).toBe(pages.length - 1);
  });

  it.each(['compact', 'long'] as const)('%s: no heading at the foot of a page: each section\'s first line is below its heading on the same page', (name) => {
    const of = name === 'compact' ? record : longRecord;
    const pages = pdfWords(name === 'compact' ? compact : long);
    const found = placements(pages, of, { headings: headingsOf(of), columnWidth: Infinity, footer: of.title });
    for (const info of SECTIONS) expect(found[info.id]?.first, `${info.id} (heading on page ${found[info.id]?.page})`).toBeDefined();
  });

  it.each(['compact', 'long'] as const)('%s: no card, quote, timeline entry, autopsy item or specimen split over two pages', (name) => {
    const of = name === 'compact' ? record : longRecord;
    const pages = pdfWords(name === 'compact' ? compact : long);
    const items = unsplittable(of);
    for (const [start, end] of items) {
      const page = pageOf(pages, start, 4);
      expect(page, start).toBeGreaterThan(0);
      expect(pageOf(pages.slice(page), end, -4), `${start.slice(0, 40)} … ends on its page`).toBe(0);
    }
    if (name === 'long') expect(new Set(of.sections['burn-ward'].quotes.map((quote) => pageOf(pages, quote.text, 4))).size).toBeGreaterThan(1);
  });

  it('lays each running header over its page as a pagination artifact, which screen readers skip', async () => {
    const pages = Number(pdfinfo(compact)['Pages']);
    for (let index = 0; index < pages; index += 1) {
      expect(await pageContent(compact, index), `page ${index + 1}`).toMatch(/\/Artifact << \/Type \/Pagination \/Subtype \/Header >> BDC[\s\S]*Do[\s\S]*EMC/);
    }
  });

  it('refuses an unknown layout as bad usage, before any browser starts', () => {
    const result = runCli(['pdf', SLUG, '--layout', 'booklet', '--data-dir', dataDir, '--out-dir', tempDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/layout/);
    expect(result.stderr).toMatch(/compact/);
  });
});
