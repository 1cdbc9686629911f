/**
 * The tagged PDF as a screen reader gets it, through PDF.js's structure tree and marked-content
 * text (test/helpers/struct-tree.ts): every shipped record printed as a dossier in both flows and
 * as a poster, and one dossier under a theme. Labels read as words, not letters; every figure has
 * alt text; every link says where it goes and sits in its Link element; the title is the one H1,
 * each section a Sect with its H2 in the record's order, the named items H3; nothing is read twice.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodePDFRawStream, PDFBool, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier } from '../../src/api/dossier.js';
import { makePoster } from '../../src/api/poster.js';
import { sectionViews } from '../../src/dossier/context.js';
import { formatPercent } from '../../src/dossier/helpers.js';
import type { CaseFile } from '../../src/record/schema.js';
import { loadThemeFile } from '../../src/theme/load.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { expectedOutline } from '../helpers/outline.js';
import { loadPdf } from '../helpers/pdf-structure.js';
import { loadDataRecord } from '../helpers/records.js';
import { elements, headingOutline, readPdf, singleLetterRuns, spokenLeaves, type ReadPage } from '../helpers/struct-tree.js';
import { tempDir } from '../helpers/tmp.js';

const dataDir = path.join(ROOT, 'data');
const SLUGS = readdirSync(dataDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

/**
 * Text compared as a reader hears it, whatever the line breaks: spaces dropped (a line that ends
 * on a hyphen reads "140- page"), and the f-ligatures too: Chromium draws "fi" as one glyph whose
 * text is a marked-content /ActualText, which PDF.js does not read (a limitation of the reader,
 * docs/accessibility.md).
 */
const same = (text: string) => text.toUpperCase().replace(/\s+/g, '').replace(/FF[IL]?|F[IL]/g, '');

interface Printed {
  name: string;
  file: string;
  record: CaseFile;
  pages: ReadPage[];
  kind: 'dossier' | 'poster';
}

describe('the tagged PDF, read through its structure tree', () => {
  const browser = useBrowser();
  const outDir = tempDir();
  const printed: Printed[] = [];

  beforeAll(async () => {
    const themeFile = path.join(outDir, 'theme.json');
    writeFileSync(themeFile, JSON.stringify({ name: 'Acme Careers', tagline: 'Roles, decoded', colors: { accent: '#0a66c2' } }));
    const theme = await loadThemeFile(themeFile);
    for (const slug of SLUGS) {
      const record = loadDataRecord(slug);
      for (const flow of ['sheets', 'compact'] as const) {
        const made = await makeDossier(slug, { dataDir, outDir: path.join(outDir, flow), flow, browser: browser(), qr: { baseUrl: 'https://example.org/roles' } });
        printed.push({ name: `${slug} dossier (${flow})`, file: made.output, record, pages: await readPdf(made.output), kind: 'dossier' });
      }
      const poster = await makePoster(slug, { dataDir, outDir: outDir, browser: browser() });
      printed.push({ name: `${slug} poster`, file: poster.output, record, pages: await readPdf(poster.output), kind: 'poster' });
    }
    const themed = await makeDossier('lead-infrastructure-engineer', { dataDir, outDir: path.join(outDir, 'themed'), theme, browser: browser() });
    printed.push({ name: 'lead-infrastructure-engineer dossier (themed)', file: themed.output, record: loadDataRecord('lead-infrastructure-engineer'), pages: await readPdf(themed.output), kind: 'dossier' });
  }, 600_000);

  it('prints every output tagged, with a structure tree on every page', () => {
    expect(printed).toHaveLength(SLUGS.length * 3 + 1);
    for (const output of printed) expect(output.pages.every((page) => page.tree !== undefined), output.name).toBe(true);
  });

  it('is marked tagged, in English, with its title shown and in its XMP metadata', async () => {
    for (const output of printed) {
      const doc = await loadPdf(output.file);
      const catalog = doc.catalog;
      expect(catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.get(PDFName.of('Marked')), output.name).toBe(PDFBool.True);
      expect(catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText(), output.name).toBe('en');
      expect(catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)?.get(PDFName.of('DisplayDocTitle')), output.name).toBe(PDFBool.True);
      const xmp = catalog.lookup(PDFName.of('Metadata'));
      expect(xmp, output.name).toBeInstanceOf(PDFRawStream);
      const xml = Buffer.from(decodePDFRawStream(xmp as PDFRawStream).decode()).toString('utf8');
      expect(/<dc:title>([\s\S]*?)<\/dc:title>/.exec(xml)?.[1]?.replace(/&amp;/g, '&'), output.name).toContain(output.record.title);
    }
  });

  it('reads labels as words: no run of single letters anywhere', () => {
    for (const output of printed) {
      const runs = output.pages.flatMap((page) => spokenLeaves(page.tree).flatMap((leaf) => singleLetterRuns(leaf.text).map((run) => `page ${page.number}: ${run}`)));
      expect(runs, output.name).toEqual([]);
    }
  });

  it('reads the letter-spaced labels as the templates write them', () => {
    const dossier = printed.find((output) => output.name === 'lead-infrastructure-engineer dossier (sheets)')!;
    const cover = spokenLeaves(dossier.pages[0]!.tree).map((leaf) => leaf.text);
    expect(cover).toEqual(expect.arrayContaining(['File record', 'KNOWN ALIASES / DISGUISES', 'Flight risk', 'MARKET AVERAGE', 'Casefile · Department of Workplace Taxonomy']));
    const kickers = dossier.pages.flatMap((page) => spokenLeaves(page.tree).map((leaf) => leaf.text)).filter((text) => /^Exhibit \d\d of 11$/.test(text));
    expect(kickers).toEqual(sectionViews(dossier.record).map((section) => `Exhibit ${section.number} of 11`));
  });

  it('gives every figure alt text, the org chart its reporting chain and the dial its value', () => {
    for (const output of printed) {
      const figures = output.pages.flatMap((page) => elements(page.tree).filter((element) => element.role === 'Figure'));
      expect(figures.length, output.name).toBeGreaterThan(0);
      for (const figure of figures) expect(figure.alt?.trim(), `${output.name}: a Figure without alt text`).toBeTruthy();
      const alts = figures.map((figure) => figure.alt!);
      const orgChart = alts.find((alt) => alt.startsWith('Org chart of the '));
      expect(orgChart, output.name).toContain(`Org chart of the ${output.record.title}.`);
      expect(orgChart, output.name).toMatch(/, this file, (reports to|is at the top)/);
      expect(alts, output.name).toContain(`Flight risk dial at ${formatPercent(output.record.sections['flight-risk'].percent)}, on a scale of likelihood of disappearance from 0 to 100`);
      for (const item of output.record.sections['related-specimens'].items) expect(alts, output.name).toContain(`Match meter at ${formatPercent(item.match)}`);
    }
  });

  it('tags the complaints as block quotes with their source, not figures', () => {
    for (const output of printed) {
      const quotes = output.pages.flatMap((page) => elements(page.tree).filter((element) => element.role === 'BlockQuote'));
      for (const quote of output.record.sections['burn-ward'].quotes) {
        expect(quotes.some((element) => same(element.text).includes(same(quote.source)) && same(element.text).includes(same(quote.text).slice(0, 30))), `${output.name}: ${quote.source}`).toBe(true);
      }
      const figureTexts = output.pages.flatMap((page) => elements(page.tree).filter((element) => element.role === 'Figure').map((element) => element.text));
      for (const quote of output.record.sections['burn-ward'].quotes) expect(figureTexts.some((text) => text.includes(quote.text.slice(0, 30))), output.name).toBe(false);
    }
  });

  it('says where every link goes, inside its Link element', () => {
    for (const output of printed) {
      const links = output.pages.flatMap((page) => page.links);
      expect(links.length, output.name).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.contents, `${output.name}: link ${link.id}`).toMatch(/^(Go to \[\d\d\] |Open )/);
        expect(link.inLinkElement, `${output.name}: link ${link.id} outside a Link element`).toBe(true);
      }
      if (output.kind === 'dossier') {
        const contents = output.pages[1]!.links.map((link) => link.contents);
        expect(contents, output.name).toEqual(sectionViews(output.record).map((section) => `Go to [${section.number}] ${section.heading}`));
      }
      const related = output.record.sections['related-specimens'].items.filter((item) => item.slug && SLUGS.includes(item.slug));
      for (const item of related) expect(links.map((link) => link.contents), output.name).toContain(`Open the ${item.title} dossier`);
    }
  });

  it('lists the contents as a list of links, one per section', () => {
    for (const output of printed.filter((candidate) => candidate.kind === 'dossier')) {
      const lists = elements(output.pages[1]!.tree).filter((element) => element.role === 'L' && element.children.some((item) => elements(item).some((inner) => inner.role === 'Link')));
      expect(lists, output.name).toHaveLength(1);
      const items = lists[0]!.children.filter((item) => item.role === 'LI');
      expect(items.map((item) => item.children.filter((inner) => inner.role === 'Link').length), output.name).toEqual(sectionViews(output.record).map(() => 1));
    }
  });

  it('numbers each exhibit on the contents page with the page its heading printed on, in both flows', () => {
    for (const output of printed.filter((candidate) => candidate.kind === 'dossier')) {
      const printedOn = sectionViews(output.record).map((section) => output.pages.find((page) => elements(page.tree).some((element) => element.role === 'H2' && same(element.text) === same(section.heading)))?.number);
      const entries = elements(output.pages[1]!.tree).filter((element) => element.role === 'Link');
      const numbers = entries.map((entry) => Number(/(\d+)$/.exec(entry.text)?.[1]));
      expect(numbers, output.name).toEqual(printedOn);
      // Each exhibit opens a sheet of its own in the sheets flow; in the compact flow several share one.
      const sheets = !output.name.includes('compact');
      numbers.forEach((number, index) => {
        if (index > 0) expect(number - numbers[index - 1]!, output.name).toBeGreaterThanOrEqual(sheets ? 1 : 0);
      });
    }
  });

  it('nests the headings: the title the one H1, each section an H2 in the record order, the named items H3', () => {
    for (const output of printed) {
      const outline = headingOutline(output.pages);
      expect(outline.filter((heading) => heading.level === 1).map((heading) => same(heading.text)), output.name).toEqual([same(output.record.title)]);
      expect(outline[0]?.level, output.name).toBe(1);
      outline.forEach((heading, index) => {
        if (index > 0) expect(heading.level - outline[index - 1]!.level, `${output.name}: ${heading.text} skips a level`).toBeLessThanOrEqual(1);
      });
      expect(outline.filter((heading) => heading.level === 2).map((heading) => same(heading.text)), output.name).toEqual(sectionViews(output.record).map((section) => same(section.heading)));
      expect(outline.filter((heading) => heading.level === 3).map((heading) => same(heading.text)), output.name).toEqual(expectedOutline(output.record).filter((entry) => entry.level === 3).map((entry) => same(entry.title)));
      expect(outline.filter((heading) => heading.level > 3), output.name).toEqual([]);
    }
  });

  it('makes each section a Sect holding its H2, in the record order (the poster too, whatever its columns do)', () => {
    for (const output of printed) {
      const sects = output.pages.flatMap((page) => elements(page.tree).filter((element) => element.role === 'Sect'));
      const headings = sects.map((sect) => elements(sect).find((element) => element.role === 'H2' && element.text !== '')?.text).filter((text): text is string => text !== undefined);
      expect(headings.map(same), output.name).toEqual(sectionViews(output.record).map((section) => same(section.heading)));
      const h2s = output.pages.flatMap((page) => elements(page.tree).filter((element) => element.role === 'H2' && element.text !== ''));
      const inSects = new Set(sects.flatMap((sect) => elements(sect)));
      expect(h2s.every((h2) => inSects.has(h2)), output.name).toBe(true);
    }
  });

  it('reads nothing twice: each marked content once, and the cover gives the flight risk once', () => {
    for (const output of printed) {
      for (const page of output.pages) {
        const ids = elements(page.tree).flatMap((element) => element.contentIds);
        expect(ids.length - new Set(ids).size, `${output.name} page ${page.number}`).toBe(0);
      }
      const risk = output.record.sections['flight-risk'];
      const heard = (page: ReadPage) => spokenLeaves(page.tree).map((leaf) => leaf.text.replace(/\s+/g, ''));
      const percent = formatPercent(risk.percent);
      if (output.kind === 'dossier') {
        expect(heard(output.pages[0]!).filter((text) => text === percent), `${output.name}: cover`).toHaveLength(1);
      } else {
        // One sheet: the flight-risk panel gives it once, and the stamps that repeat it are decoration.
        expect(heard(output.pages[0]!).filter((text) => text === percent || text.includes(`${risk.level.replace(/\s+/g, '')}${percent}`)), output.name).toHaveLength(1);
      }
    }
  });
});
