/**
 * The dossier as a real PDF: pages per paper size, running headers, fonts, document info,
 * tagging, outline, links and reproducible bytes, all read back from the file with poppler,
 * qpdf and pdf-lib. One browser for the whole file.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier, type MakeDossierOptions } from '../../src/api/dossier.js';
import { CARD_IDS, planCards } from '../../src/cards/plan.js';
import { layoutCard } from '../helpers/card-layout.js';
import { fileNumber } from '../../src/record/file-number.js';
import type { OrgNode } from '../../src/record/schema.js';
import { SECTIONS } from '../../src/record/sections.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { largeOrgTree } from '../helpers/org-trees.js';
import { expectedOutline } from '../helpers/outline.js';
import { links, outline } from '../helpers/pdf-structure.js';
import { pdffonts, pdfinfo, pdfPages, pdftotext, qpdfCheck } from '../helpers/poppler.js';
import { withLongSections } from '../helpers/long-sections.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const SLUG = 'lead-infrastructure-engineer';
const record = loadDataRecord(SLUG);
/** pdftotext breaks long headings over lines; compare with whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const HEADINGS = SECTIONS.map((info) => record.sections[info.id].heading ?? info.defaultHeading);

/** A data folder holding the record and one of its three related records (sdet), not the others. */
function dataWithOneRelated(): string {
  const dir = path.join(tempDir(), 'data');
  mkdirSync(dir);
  copyFileSync(path.join(ROOT, 'data', `${SLUG}.json`), path.join(dir, `${SLUG}.json`));
  const sdet = { ...record, slug: 'sdet', title: 'SDET' };
  writeFileSync(path.join(dir, 'sdet.json'), JSON.stringify(sdet));
  return dir;
}

describe('the dossier PDF', () => {
  const dataDir = dataWithOneRelated();
  const browser = useBrowser();
  const make = async (name: string, options: MakeDossierOptions = {}) => {
    const outDir = path.join(tempDir(), name);
    return (await makeDossier(SLUG, { dataDir, outDir, browser: browser(), ...options })).output;
  };
  let a4: string;

  beforeAll(async () => {
    a4 = await make('a4');
  });

  it.each([
    ['a4', false, 13, '594.96 x 841.92 pts (A4)'],
    ['letter', false, 13, '612 x 792 pts (letter)'],
    ['a3', false, 13, '841.92 x 1191.12 pts (A3)'],
    ['a2', false, 13, '1191.12 x 1684.08 pts (A2)'],
    ['a4', true, 13, '841.92 x 594.96 pts (A4)'],
  ] as const)('prints on %s (landscape: %s) as %i pages of %s', async (paper, landscape, pages, size) => {
    const file = paper === 'a4' && !landscape ? a4 : await make(`${paper}-${landscape}`, { paper, landscape });
    const info = pdfinfo(file);
    expect(Number(info['Pages'])).toBe(pages);
    expect(info['Page size']).toBe(size);
    // Every section starts its own page, on every paper.
    const texts = pdfPages(file);
    for (const heading of HEADINGS) expect(texts.filter((text) => flat(text).includes(heading))).not.toHaveLength(0);
  });

  it('has a cover without running header, then a header and "page N of M" on every other page', () => {
    const pages = pdfPages(a4);
    const total = pages.length;
    expect(pages[0]).toContain(`FILE RECORD`);
    expect(pages[0]).toContain(fileNumber(SLUG));
    expect(pages[0]).not.toMatch(/page \d+ of \d+/);
    expect(pages[0]).not.toContain('CLASSIFIED · CASEFILE');
    pages.slice(1).forEach((text, index) => {
      expect(text).toContain(`page ${index + 2} of ${total}`);
      expect(text).toContain(`FILE ${fileNumber(SLUG)}`);
      expect(text).toContain('CLASSIFIED · CASEFILE');
      expect(text).toContain(record.title);
    });
  });

  it('names the section in the header of each of its pages', () => {
    const pages = pdfPages(a4);
    expect(pages[1]).toContain('CONTENTS');
    for (const info of SECTIONS) {
      const label = `[${info.number}] ${info.shortName.toUpperCase()}`;
      const heading = record.sections[info.id].heading ?? info.defaultHeading;
      const start = pages.findIndex((text) => flat(text).includes(heading) && !text.includes('INDEX OF EXHIBITS'));
      expect(start, heading).toBeGreaterThan(1);
      expect(pages[start]).toContain(label);
    }
  });

  it('embeds every font it uses', () => {
    const fonts = pdffonts(a4);
    expect(fonts.length).toBeGreaterThanOrEqual(6);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.some((font) => font.name.includes('SpecialElite'))).toBe(true);
  });

  it('carries title, author, subject and keywords from the record, is tagged, and passes qpdf --check', () => {
    const info = pdfinfo(a4);
    expect(info['Title']).toBe(`Case file: ${record.title}`);
    expect(info['Author']).toBe('casefile');
    expect(info['Subject']).toBe(record.question);
    expect(info['Keywords']).toContain(record.aliases[0]);
    expect(info['Tagged']).toBe('yes');
    expect(info['Metadata Stream']).toBe('yes');
    expect(info['CreationDate']).toContain('2000');
    const check = qpdfCheck(a4);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.ok).toBe(true);
  });

  it('has a bookmark outline: the role, then one entry per section with its named items under it, titled as the record spells them', async () => {
    const entries = await outline(a4);
    expect(entries).toEqual(expectedOutline(record));
    expect(entries.filter((entry) => entry.level === 2).map((entry) => entry.title)).toEqual(HEADINGS);
  });

  it('links the contents to each section, and related specimens to the dossiers that exist, relatively', async () => {
    const found = await links(a4);
    const contents = found.filter((link) => link.page === 2);
    expect(contents).toHaveLength(SECTIONS.length);
    expect(contents.every((link) => link.kind === 'GoTo' || link.kind === 'Dest')).toBe(true);
    const remote = found.filter((link) => link.kind === 'GoToR');
    expect(remote.length).toBeGreaterThanOrEqual(1);
    expect(new Set(remote.map((link) => link.target))).toEqual(new Set(['sdet.pdf']));
    expect(found.filter((link) => link.kind === 'URI')).toEqual([]);
    // Letter-spaced labels come out of pdftotext with stray spaces: compare without any.
    const text = pdftotext(a4).toLowerCase().replace(/\s+/g, '');
    expect(text).toContain('opendossiersdet.pdf');
    expect(text).toContain('dossierenterprise-architectnotonfile');
  });

  it('gives byte-identical files for the same input, and follows SOURCE_DATE_EPOCH-style dates', async () => {
    const again = await make('again');
    if (!readFileSync(again).equals(readFileSync(a4))) {
      copyFileSync(a4, '/tmp/casefile-determinism-a.pdf');
      copyFileSync(again, '/tmp/casefile-determinism-b.pdf');
    }
    expect(readFileSync(again).equals(readFileSync(a4))).toBe(true);
    const dated = await make('dated', { date: new Date('2024-05-06T07:08:09Z') });
    expect(pdfinfo(dated)['CreationDate']).toContain('2024');
    expect(readFileSync(dated).equals(readFileSync(a4))).toBe(false);
  });

  it('prints the file number every card of the record prints (one function makes both)', async () => {
    const onCover = /CF-\d{4}-[A-Z]+/.exec(pdfPages(a4)[0]!)?.[0];
    expect(onCover).toBe(fileNumber(SLUG));
    const jobs = planCards(record);
    expect(jobs.length).toBe(CARD_IDS.length);
    for (const job of jobs) {
      // Card text is drawn as paths; Satori's laid-out text boxes say what the card reads.
      const { boxes } = await layoutCard(record, job);
      const numbers = boxes.flatMap((box) => box.text?.match(/CF-\d{4}-[A-Z]+/g) ?? []);
      expect(numbers, `card ${job.section}`).toEqual([onCover]);
      expect(boxes.some((box) => box.text?.toUpperCase() === `FILE NO. ${onCover}`), `card ${job.section}`).toBe(true);
    }
  });

  it('lays pages out at full size: nothing overflows the page, so Chromium does not shrink it', () => {
    // pdftotext -bbox gives word positions; the cover strip and the page header start at the margin (18 mm = 51.02 pt).
    const bbox = (page: number) =>
      [...pdftotext(a4, { first: page, last: page, bbox: true }).matchAll(/xMin="([\d.]+)"/g)].map((match) => Number(match[1]));
    for (const page of [1, 2, 3, 7, 12]) expect(Math.min(...bbox(page))).toBeCloseTo(51.02, 0);
  });
});

describe('page breaks in a long record', () => {
  const browser = useBrowser();
  let file: string;
  const long = withLongSections(record);

  beforeAll(async () => {
    const dir = path.join(tempDir(), 'data');
    mkdirSync(dir);
    writeFileSync(path.join(dir, `${SLUG}.json`), JSON.stringify(long));
    file = (await makeDossier(SLUG, { dataDir: dir, outDir: tempDir(), browser: browser() })).output;
  });

  it('spreads long sections over several pages without splitting a quote or a timeline entry', () => {
    const pages = pdfPages(file, { raw: true }).map(flat);
    const pageOf = (text: string) => pages.findIndex((page) => page.includes(text));
    const burnPages = new Set(long.sections['burn-ward'].quotes.map((_, i) => pageOf(`Complaint number ${i + 1} begins here.`)));
    expect(burnPages.size).toBeGreaterThan(1);
    for (let i = 1; i <= 14; i += 1) {
      const start = pageOf(`Complaint number ${i} begins here.`);
      expect(start, `quote ${i}`).toBeGreaterThan(0);
      expect(pageOf(`Complaint ${i} ends here.`), `quote ${i}`).toBe(start);
    }
    for (let i = 1; i <= 12; i += 1) expect(pageOf(`Slot ${i} closes.`), `slot ${i}`).toBe(pageOf(`Slot ${i} opens`));
  });

  it('never leaves a section heading at the foot of a page: its first content is on the same page', () => {
    const pages = pdfPages(file, { raw: true }).map(flat);
    const firstContent: Record<string, string> = {
      'burn-ward': long.sections['burn-ward'].summary.slice(0, 40),
      'day-in-the-life': 'Slot 1 opens',
      'related-specimens': long.sections['related-specimens'].items[0]!.title.toUpperCase(),
    };
    for (const [id, content] of Object.entries(firstContent)) {
      const heading = long.sections[id as keyof typeof long.sections].heading!;
      const page = pages.findIndex((text) => text.includes(heading) && !text.includes('INDEX OF EXHIBITS'));
      expect(page, id).toBeGreaterThan(0);
      expect(pages[page], id).toContain(content);
    }
  });
});

describe('a large org chart in the real PDF', () => {
  const browser = useBrowser();
  let file: string;
  const big = structuredClone(record);
  big.sections['org-chart'].chart = largeOrgTree();
  const labels = (node: OrgNode): string[] => [node.label, ...(node.reports ?? []).flatMap(labels)];

  beforeAll(async () => {
    const dir = path.join(tempDir(), 'data');
    mkdirSync(dir);
    writeFileSync(path.join(dir, `${SLUG}.json`), JSON.stringify(big));
    file = (await makeDossier(SLUG, { dataDir: dir, outDir: tempDir(), browser: browser() })).output;
  });

  it('fits all 16 positions on the chart page, as selectable text no smaller than 6 pt', () => {
    const page = 3;
    const text = flat(pdftotext(file, { first: page, last: page, raw: true }));
    expect(text).toContain('THE ORG-CHART ARCHITECTURE');
    const missing = labels(big.sections['org-chart'].chart).filter((label) => !text.includes(label));
    expect(missing).toEqual([]);
    expect(flat(pdftotext(file, { first: page + 1, last: page + 1 }))).toContain(record.sections.habitat.heading!);
    // Word boxes from pdftotext -bbox are about 1.3 × the font size; the chart's smallest type is its 7 pt tag.
    const heights = [...pdftotext(file, { first: page, last: page, bbox: true }).matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</g)]
      .filter((match) => ['THIS', 'FILE', 'Negotiates', 'Declared'].includes(match[3]!))
      .map((match) => Number(match[2]) - Number(match[1]));
    expect(heights.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...heights) / 1.3).toBeGreaterThanOrEqual(6);
  });
});
