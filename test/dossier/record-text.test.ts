/**
 * The source's own words and the record's text, read back from real PDFs: every record in data/
 * printed once as a dossier and once as an A2 poster, in one browser. The labels must be the
 * source's spelling; every string of every record must come out of pdftotext whole (default and
 * raw modes), which letter-spaced or loosely leaded record text does not; and on the posters each
 * section's heading stands above its own first line, in the same column.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier } from '../../src/api/dossier.js';
import { makePoster } from '../../src/api/poster.js';
import type { CaseFile } from '../../src/record/schema.js';
import { SECTIONS } from '../../src/record/sections.js';
import { useBrowser } from '../helpers/browser.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { pdftotext, pdfWords } from '../helpers/poppler.js';
import { placements, posterColumns, recordStrings, searchable } from '../helpers/record-text.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const dataDir = path.join(ROOT, 'data');
const SLUGS = readdirSync(dataDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();
const SOURCE = readFileSync(path.join(FIXTURES, 'source', 'lead-infrastructure-engineer.txt'), 'utf8');

/** Labels the source prints around its content, as it spells them (the templates carry them). */
const SOURCE_LABELS = [
  'KNOWN ALIASES / DISGUISES',
  'MARKET AVERAGE',
  '[DIAGNOSIS]',
  '[IF ENGAGED:]',
  'LINKEDIN ILLUSION',
  '[SOURCE REDACTED]',
  'OTIOSE TRANSLATION',
  '[VIEW FULL TAXONOMY] ↗',
  'SYSTEM MATCH: 98%',
];
/** The source runs these together on one line: FLIGHT RISK:85%HIGH RISK. */
const FLIGHT_RISK_READING = /FLIGHT RISK:\s*85%\s*HIGH RISK/;

const flat = (text: string) => text.replace(/\s+/g, ' ');
/** The org chart, dial and salary lead the poster; the other sections flow in its columns. */
const COLUMN_SECTIONS = SECTIONS.map((info) => info.id).filter((id) => !['org-chart', 'flight-risk', 'salary'].includes(id));

describe('record text in print', () => {
  const browser = useBrowser();
  const outDir = tempDir();
  const records = new Map<string, CaseFile>();
  const printed = new Map<string, { dossier: string; poster: string }>();

  beforeAll(async () => {
    for (const slug of SLUGS) {
      records.set(slug, loadDataRecord(slug));
      const dossier = (await makeDossier(slug, { dataDir, outDir, browser: browser() })).output;
      const poster = (await makePoster(slug, { dataDir, outDir, browser: browser() })).output;
      printed.set(slug, { dossier, poster });
    }
  }, 600_000);

  it("prints the source's labels as the source spells them, in the dossier and the poster", () => {
    for (const label of SOURCE_LABELS) expect(SOURCE, `the source has ${label}`).toContain(label.replace(' ↗', ''));
    expect(SOURCE).toContain('FLIGHT RISK:85%HIGH RISK');
    const { dossier, poster } = printed.get('lead-infrastructure-engineer')!;
    for (const [name, file] of [['dossier', dossier], ['poster', poster]] as const) {
      const text = flat(pdftotext(file, { raw: true }));
      for (const label of SOURCE_LABELS) expect(text, `${name}: ${label}`).toContain(label);
      expect(text, name).toMatch(FLIGHT_RISK_READING);
      // Every translation is an OTIOSE TRANSLATION, as in the source.
      expect(text.match(/(?<!OTIOSE )TRANSLATION/g), name).toBeNull();
    }
  });

  it.each(SLUGS)('%s: every string of the record comes out of the dossier and the poster whole, in default and raw text', (slug) => {
    const strings = recordStrings(records.get(slug));
    expect(strings.length).toBeGreaterThan(50);
    const { dossier, poster } = printed.get(slug)!;
    for (const file of [dossier, poster]) {
      for (const raw of [false, true]) {
        const text = searchable(pdftotext(file, { raw }));
        const missing = strings.filter((string) => !text.includes(searchable(string)));
        expect(missing, `${path.basename(file)}${raw ? ' (-raw)' : ''}`).toEqual([]);
      }
    }
  });

  it.each(SLUGS)('%s: on the A2 poster every section starts below its heading in its column, and only a long one runs on', (slug) => {
    const record = records.get(slug)!;
    const pages = pdfWords(printed.get(slug)!.poster);
    expect(pages).toHaveLength(1);
    const headings = Object.fromEntries(SECTIONS.map((info) => [info.id, record.sections[info.id].heading ?? info.defaultHeading]));
    const columns = posterColumns(pages[0]!, record, { headings, columnIds: COLUMN_SECTIONS, footer: 'PIN TO OFFICE WALL' });
    expect(columns.pitch).toBeGreaterThan(100);
    const found = placements(pages, record, { headings, columnWidth: columns.pitch - 5, footer: 'PIN TO OFFICE WALL' });
    for (const info of SECTIONS) {
      const place = found[info.id];
      expect(place, `${info.id}: heading found`).toBeDefined();
      expect(place!.first, `${info.id}: first line below its heading, same column`).toBeDefined();
    }
    // The lead panels are never split; a column section runs on only when a third of a column or taller.
    for (const id of ['org-chart', 'flight-risk', 'salary']) expect(found[id]!.last, `${id}: whole`).toBeDefined();
    const columnHeight = columns.bottom - columns.top;
    for (const [id, span] of Object.entries(columns.spans)) {
      if (span.split) expect(span.height, `${id} runs on, so it is at least a third of a column`).toBeGreaterThanOrEqual(columnHeight / 3);
    }
  });
});
