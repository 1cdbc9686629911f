/**
 * The poster's columns keep each heading with its content, read from the PDF's word boxes
 * (`pdftotext -bbox`): on A1 and on a landscape A2 (five columns) every section of the Lead
 * Infrastructure Engineer starts below its heading, and only one a third of a column tall or more
 * runs on into the next column (so the columns balance); the longest fixture
 * record (40-item lists, every text three times over), printed at the smallest poster scale over
 * as many sheets as it needs, never leaves a heading at the foot of a column or a sheet.
 * (The A2 posters of every record in data/ are checked in record-text.test.ts.)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageMounts } from '../../src/api/dossier.js';
import { MIN_FIT, renderPoster } from '../../src/api/poster.js';
import { renderDossierHtml } from '../../src/dossier/html.js';
import { sheetGeometry } from '../../src/dossier/paper.js';
import { renderPdf } from '../../src/dossier/pdf.js';
import { loadTemplates } from '../../src/dossier/templates.js';
import { POSTER_SIZES } from '../../src/print/poster-sizes.js';
import type { CaseFile } from '../../src/record/schema.js';
import { SECTIONS, type SectionId } from '../../src/record/sections.js';
import { useBrowser } from '../helpers/browser.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { pdfWords } from '../helpers/poppler.js';
import { boxOf, columnPitch, findWords, placements, posterColumns } from '../helpers/record-text.js';
import { loadDataRecord, loadRecordAt } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const dataDir = path.join(ROOT, 'data');
const record = loadDataRecord('lead-infrastructure-engineer');
const long = loadRecordAt(path.join(FIXTURES, 'cards', 'long-record.json'));
const HERO: SectionId[] = ['org-chart', 'flight-risk', 'salary'];
const COLUMN_IDS: string[] = SECTIONS.map((info) => info.id).filter((id) => !HERO.includes(id));
const FOOTER = 'PIN TO OFFICE WALL';

const headingsOf = (of: CaseFile) => Object.fromEntries(SECTIONS.map((info) => [info.id, of.sections[info.id].heading ?? info.defaultHeading]));

describe('poster columns keep headings with their content', () => {
  const browser = useBrowser();
  const outDir = tempDir();
  const files: Record<string, string> = {};

  beforeAll(async () => {
    for (const [name, options] of [
      ['a1', { size: 'a1' }],
      ['landscape', { landscape: true }],
    ] as const) {
      files[name] = path.join(outDir, `${name}.pdf`);
      writeFileSync(files[name], (await renderPoster(browser(), record, { ...options, dataDir })).pdf);
    }
    // Too long for any one sheet, so printed as the poster layout at its smallest scale, over several sheets.
    const templates = await loadTemplates();
    const page = sheetGeometry('a2', POSTER_SIZES.a2, false);
    const html = await renderDossierHtml(long, { templates, page, layout: 'poster', fit: MIN_FIT });
    files['long'] = path.join(outDir, 'long.pdf');
    writeFileSync(files['long'], (await renderPdf(browser(), html, { page, mounts: pageMounts(templates, dataDir) })).pdf);
  }, 300_000);

  it.each(['a1', 'landscape'])('%s: every section starts below its heading in its column, and only a long one runs on', (name) => {
    const pages = pdfWords(files[name]!);
    expect(pages).toHaveLength(1);
    const columns = posterColumns(pages[0]!, record, { headings: headingsOf(record), columnIds: COLUMN_IDS, footer: FOOTER });
    const found = placements(pages, record, { headings: headingsOf(record), columnWidth: columns.pitch - 5, footer: FOOTER });
    for (const info of SECTIONS) {
      expect(found[info.id]?.first, `${info.id}: first line below its heading, same column`).toBeDefined();
    }
    for (const id of HERO) expect(found[id]?.last, `${id}: whole`).toBeDefined();
    const spans = Object.entries(columns.spans);
    for (const [id, span] of spans) {
      if (span.split) expect(span.height, `${id} runs on, so it is at least a third of a column`).toBeGreaterThanOrEqual((columns.bottom - columns.top) / 3);
    }
    // Balanced columns: some long section does run on (else the columns could not even out).
    expect(spans.some(([, span]) => span.split)).toBe(true);
  });

  it('the longest fixture record: no heading ends a column or a sheet, though its sections run over many', () => {
    const pages = pdfWords(files['long']!);
    expect(pages.length).toBeGreaterThan(2);
    const pitch = columnPitch(pages, long, { headings: headingsOf(long), columnIds: COLUMN_IDS, footer: FOOTER });
    const found = placements(pages, long, { headings: headingsOf(long), columnWidth: pitch - 5, footer: FOOTER });
    for (const info of SECTIONS) expect(found[info.id]?.first, `${info.id}: first line below its heading, same column`).toBeDefined();
    // Its sections are far longer than a column, so they do split: the 40th metric is in another column or on another sheet.
    const metrics = found['metrics']!;
    const fortieth = pages.flatMap((page, index) => findWords(page, 'METRIC 40').map((words) => ({ page: index + 1, box: boxOf(words) })))[0]!;
    expect(fortieth).toBeDefined();
    expect(fortieth.page !== metrics.page || Math.abs(fortieth.box.xMin - metrics.heading.xMin) > pitch / 2).toBe(true);
  });
});
