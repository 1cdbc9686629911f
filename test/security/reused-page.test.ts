/**
 * Pages are reused from document to document: nothing of one may reach the next. A hostile
 * page (its own CSS painting everything red, generated text, requests out) and a hostile record
 * are printed on a pooled page, then an ordinary dossier on the same page: that dossier must
 * read and look exactly as it does on a page of its own, with no blocked requests charged to it,
 * and nothing may have reached the network; it is byte-identical to the same dossier printed on a
 * fresh page. A page that failed is closed, never reused.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDossier, type DossierRender } from '../../src/api/dossier.js';
import { createPagePool, type PagePool } from '../../src/browser/page-pool.js';
import { pageGeometry } from '../../src/dossier/paper.js';
import { renderPdf } from '../../src/dossier/pdf.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { decodePng } from '../helpers/png.js';
import { pdftoppm, pdftotext } from '../helpers/poppler.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';
import { startListener, type Listener } from './listener.js';
import { hostileRecord } from './payloads.js';

const dataDir = path.join(ROOT, 'data');
const out = tempDir('casefile-reuse-');
const SECRET = 'SECRET-TEXT-OF-THE-PAGE-BEFORE';
const GENERATED = 'GENERATED-BY-THE-PAGE-BEFORE';

function hostilePage(listener: string): string {
  return `<!DOCTYPE html><html><head>
<style>
  html, body, * { background: #ff0000 !important; color: #ff0000 !important; }
  body::after { content: "${GENERATED}"; }
  @font-face { font-family: Evil; src: url(${listener}/font.ttf); }
  p { font-family: Evil; background-image: url(https://exfil.example/bg.png); }
</style>
<link rel="stylesheet" href="${listener}/evil.css">
</head><body><p>${SECRET}</p><img src="https://exfil.example/a.png"><img src="file:///etc/passwd"></body></html>`;
}

function save(name: string, pdf: Uint8Array): string {
  const file = path.join(out, name);
  writeFileSync(file, pdf);
  return file;
}

/** Pure red: what the hostile page paints everything, and what no dossier uses. */
function redPixels(png: Buffer): number {
  const image = decodePng(png);
  let count = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    if (image.data[offset]! > 240 && image.data[offset + 1]! < 20 && image.data[offset + 2]! < 20) count += 1;
  }
  return count;
}

const browser = useBrowser();
let listener: Listener;
let pool: PagePool;
let hostileBlocked: string[];
let hostileRecordBlocked: number;
let reused: DossierRender;
let fresh: DossierRender;
let reusesBeforeDossier: number;

beforeAll(async () => {
  listener = await startListener();
  // One idle page at most: every document below goes through the same page.
  pool = createPagePool(browser(), { maxIdle: 1 });
  const record = loadDataRecord('sdet');

  const page = pageGeometry('a4');
  hostileBlocked = (await renderPdf(browser(), hostilePage(listener.url), { page, mounts: {}, pages: pool })).log.blocked;
  hostileRecordBlocked = (await renderDossier(browser(), hostileRecord(listener.url).record, { dataDir, pages: pool })).blockedRequests.length;
  reusesBeforeDossier = pool.reuses;
  reused = await renderDossier(browser(), record, { dataDir, pages: pool });
  fresh = await renderDossier(browser(), record, { dataDir });
}, 240_000);

afterAll(async () => {
  await pool?.close();
  await listener?.close();
});

describe('a dossier printed on a page that held hostile documents before', () => {
  it('was printed on that same reused page, after documents that did try to reach out', () => {
    expect(reusesBeforeDossier).toBe(1);
    expect(pool.reuses).toBe(2);
    // (file: is refused by Chromium itself from an https page, so never reaches casefile's log.)
    expect(hostileBlocked).toEqual(expect.arrayContaining([`${listener.url}/evil.css`, 'https://exfil.example/a.png']));
    // The record's payloads stay text (see hostile-record.test.ts); what it printed is checked below.
    expect(hostileRecordBlocked).toBe(0);
    expect(listener.requests).toEqual([]);
  });

  it('has its own blocked-request count (none), as on a page of its own', () => {
    expect(reused.blockedRequests).toEqual([]);
    expect(reused.blockedRequests).toEqual(fresh.blockedRequests);
  });

  it('is byte for byte the PDF printed on a page of its own', () => {
    expect(Buffer.compare(Buffer.from(reused.pdf), Buffer.from(fresh.pdf))).toBe(0);
  });

  it('reads exactly as on a page of its own, with no text from before', () => {
    const text = pdftotext(save('reused.pdf', reused.pdf));
    expect(text).toBe(pdftotext(save('fresh.pdf', fresh.pdf)));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(GENERATED);
    for (const payload of ['<script', 'onerror', 'javascript:']) expect(text).not.toContain(payload);
  });

  it('looks exactly as on a page of its own: none of the hostile CSS applies', () => {
    for (const pageNumber of [1, 2]) {
      const reusedPng = pdftoppm(path.join(out, 'reused.pdf'), pageNumber, 40);
      expect(redPixels(reusedPng)).toBe(0);
      expect(Buffer.compare(decodePng(reusedPng).data as Buffer, decodePng(pdftoppm(path.join(out, 'fresh.pdf'), pageNumber, 40)).data as Buffer)).toBe(0);
    }
  });
});

describe('a page that failed', () => {
  it('is closed instead of going back to the pool', async () => {
    const page = pageGeometry('a4');
    const before = pool.reuses;
    // Too little time to load: the print fails on the pooled page.
    await expect(renderPdf(browser(), '<p>x</p>', { page, mounts: {}, pages: pool, timeoutMs: 1 })).rejects.toMatchObject({ code: 'E_TIMEOUT' });
    expect(pool.reuses).toBe(before + 1);
    // The next document gets a new page: the failed one was not handed back.
    await renderPdf(browser(), '<p>y</p>', { page, mounts: {}, pages: pool });
    expect(pool.reuses).toBe(before + 1);
  });
});
