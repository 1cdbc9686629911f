/**
 * Byte-identical output on a busy machine. Chromium names tagged-PDF structure elements after
 * DOM node ids, which shift with timing (seen: one render in four to six differed under load,
 * `/ID (node00000051)` against `(node00000052)`); finishing renumbers them in document order.
 * Checked twice: deterministically, by shifting the IDs of a real Chromium PDF as a loaded
 * machine does; and the hard way, rendering each output several times with the CPU saturated.
 * A build prints two dossiers at once on pooled pages: each must come out as it does printed alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageMounts, printMarks, renderDossier } from '../../src/api/dossier.js';
import { renderPoster, tilePosterPdf } from '../../src/api/poster.js';
import { buildSite } from '../../src/site/batch.js';
import { BUILD_DEFAULTS } from '../../src/site/options.js';
import { finishPdf } from '../../src/dossier/finish.js';
import { renderDossierHtml } from '../../src/dossier/html.js';
import { pageGeometry } from '../../src/dossier/paper.js';
import { renderPdf } from '../../src/dossier/pdf.js';
import { loadTemplates } from '../../src/dossier/templates.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const DATA = path.join(ROOT, 'data');
const record = loadDataRecord('lead-infrastructure-engineer');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const DATE = new Date('2024-01-02T03:04:05Z');

/** What a loaded machine does to Chromium's output: every structure-element ID one higher. */
function shiftStructureIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  // Same length in, same length out: the cross-reference offsets stay valid.
  const shifted = text.replace(/\(node(\d{8})\)/g, (_match, digits: string) => `(node${String(Number(digits) + 1).padStart(8, '0')})`);
  expect(shifted).not.toBe(text);
  return Buffer.from(shifted, 'latin1');
}

/** The IDs in the file: elements' /ID in IDTree order, and every table cell's /Headers. */
async function structureIds(pdf: Uint8Array): Promise<{ tree: string[]; headers: string[] }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const names = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray).asArray();
  const tree = names.filter((_, index) => index % 2 === 0).map((name) => (name as PDFString).decodeText());
  names.forEach((value, index) => {
    if (index % 2 === 1) expect((doc.context.lookup(value) as PDFDict).lookup(PDFName.of('ID'), PDFString).decodeText()).toBe(tree[(index - 1) / 2]);
  });
  const headers = [...Buffer.from(pdf).toString('latin1').matchAll(/\/Headers\s*\[\s*((?:\([^)]*\)\s*)+)\]/g)].flatMap((match) =>
    [...match[1]!.matchAll(/\(([^)]*)\)/g)].map((id) => id[1]!),
  );
  return { tree, headers };
}

describe('structure-element IDs', () => {
  const browser = useBrowser();

  it('do not depend on the DOM node ids Chromium happened to use', async () => {
    const templates = await loadTemplates();
    const page = pageGeometry('a4', false, printMarks({}));
    const html = await renderDossierHtml(record, { templates, page });
    const { pdf } = await renderPdf(browser(), html, { page, mounts: pageMounts(templates, DATA) });
    const options = { record, page, kind: 'dossier' as const, date: DATE };
    const [finished, fromShifted] = [await finishPdf(pdf, options), await finishPdf(shiftStructureIds(pdf), options)];
    expect(sha(fromShifted)).toBe(sha(finished));

    // Numbered from one in document order, the IDTree naming each element, headers resolving.
    const ids = await structureIds(finished);
    expect(ids.tree.length).toBeGreaterThan(0);
    expect(ids.tree).toEqual(ids.tree.map((_, index) => `node${String(index + 1).padStart(8, '0')}`));
    expect(ids.headers.length).toBeGreaterThan(0);
    for (const header of ids.headers) expect(ids.tree).toContain(header);
  });
});

describe('with the CPU saturated by two busy processes', () => {
  const spinners: ChildProcess[] = [];
  beforeAll(() => {
    for (let i = 0; i < 2; i += 1) spinners.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  });
  afterAll(() => {
    for (const spinner of spinners) spinner.kill('SIGKILL');
  });
  // After the spinners' hooks: the browser starts with the CPU already busy and closes before they stop.
  const browser = useBrowser();

  it('renders the same dossier bytes every time', async () => {
    const hashes: string[] = [];
    for (let i = 0; i < 4; i += 1) hashes.push(sha((await renderDossier(browser(), record, { dataDir: DATA, date: DATE })).pdf));
    console.info(`dossier under load: ${hashes.join(' ')}`);
    expect(new Set(hashes).size).toBe(1);
  });

  it('renders the same poster, and the same tiles from it, every time', async () => {
    const posters: string[] = [];
    const tiles: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const poster = (await renderPoster(browser(), record, { dataDir: DATA, date: DATE })).pdf;
      posters.push(sha(poster));
      tiles.push(sha((await tilePosterPdf(poster, record, 'a4', { date: DATE })).pdf));
    }
    console.info(`poster under load: ${posters.join(' ')}\ntiles under load: ${tiles.join(' ')}`);
    expect(new Set(posters).size).toBe(1);
    expect(new Set(tiles).size).toBe(1);
  });

  // Of two pages open at once only one is the browser's visible tab; Chromium printed a hidden
  // one differently (the same pixels, other content streams). In this four-record batch every
  // page prints while the other is open, and sdet is the second document on its page.
  const batchOut = tempDir();
  it('prints each dossier of a two-page batch as it prints alone', async () => {
    const summary = await buildSite({ ...BUILD_DEFAULTS, records: [], kinds: ['dossier'], dataDir: DATA, outDir: batchOut, concurrency: 2 });
    expect(summary.failed).toBe(0);
    const slugs = summary.manifest.outputs.map((entry) => path.basename(entry.path, '.pdf')).sort();
    expect(slugs).toContain('sdet');
    const batch: Record<string, string> = {};
    const alone: Record<string, string> = {};
    for (const slug of slugs) {
      batch[slug] = sha(readFileSync(path.join(batchOut, `${slug}.pdf`)));
      alone[slug] = sha((await renderDossier(browser(), loadDataRecord(slug), { dataDir: DATA })).pdf);
    }
    expect(batch).toEqual(alone);
    // Eight prints under the busy loops: 52 s alone at load 11, past 120 s at load 20.
  }, 300_000);
});
