// The floor: what Chromium itself needs to print the same dossier HTML (assets as file:// URLs,
// page.goto + page.pdf in a reused page of the same browser), against casefile doing the whole
// document (HTML, hardened load, print, finishing): one document at a time, paired document by
// document with the floor, and a batch through the page pool against as many reused floor pages.
// Pairs and rounds alternate who goes first, so that a busy machine slows both sides alike.
// Per-stage times (one document at a time) show where casefile's time goes.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { finishDossier, pageMounts, printDossier } from '../dist/api/dossier.js';
import { createPagePool } from '../dist/browser/page-pool.js';
import { loadDocument } from '../dist/browser/serve.js';
import { createDossierPrinter } from '../dist/browser/printer.js';
import { finishPdf } from '../dist/dossier/finish.js';
import { existingRelatedSlugs, renderDossierHtml } from '../dist/dossier/html.js';
import { pageGeometry } from '../dist/dossier/paper.js';
import { writeDossierHtmlFiles } from './peers.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** What casefile asks page.pdf for; the floor asks for the same. */
function pdfOptions(page) {
  return { width: page.width, height: page.height, printBackground: true, preferCSSPageSize: true, outline: true, tagged: true };
}

async function timedMs(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * records: parsed records; dataDir: where they live; templates: loaded templates; cores: pool size.
 * rounds: how many times each record is printed per side (after one warm-up round).
 */
export async function benchFloor({ records, dataDir, templates, workDir, cores, rounds = 3, log }) {
  const page = pageGeometry('a4');
  const files = await writeDossierHtmlFiles(records, templates, dataDir, path.join(workDir, 'floor-html'));
  const urls = files.map((file) => pathToFileURL(file).href);
  const options = { templates, dataDir, date: new Date(0) };

  const sequentialPrinter = createDossierPrinter({ concurrency: 1 });
  const pooledPrinter = createDossierPrinter({ concurrency: cores });
  const browser = await sequentialPrinter.currentBrowser();
  // The floor uses the same browser as casefile's sequential side, its pages opened once.
  const floorPages = await Promise.all(Array.from({ length: cores }, () => browser.newPage()));
  const floorOne = (tab, url) => tab.goto(url, { waitUntil: 'load' }).then(() => tab.pdf(pdfOptions(page)));
  const casefileOne = async (printer, record) => {
    const printed = await printer.print((live, pages) => printDossier(live, record, { ...options, pages }));
    return finishDossier(printed);
  };

  const batch = [...records, ...records];
  const batchUrls = [...urls, ...urls];
  const pooled = {
    floor: async () => {
      let next = 0;
      await Promise.all(
        floorPages.map(async (tab) => {
          while (next < batchUrls.length) await floorOne(tab, batchUrls[next++]);
        }),
      );
    },
    // As a build does it: the printer's pages print while finished PDFs are completed beside them.
    casefile: () => Promise.all(batch.map((record) => casefileOne(pooledPrinter, record))),
  };
  // Warm: pages open, fonts cached, code compiled.
  await pooled.floor();
  await pooled.casefile();
  for (const [index, record] of records.entries()) {
    await casefileOne(sequentialPrinter, record);
    await floorOne(floorPages[0], urls[index]);
  }

  // One document at a time, whole (HTML, print, finishing, nothing overlapped), each paired with
  // the floor printing the same HTML right before or after it: pairs share the machine's load.
  const sequential = { casefile: [], floor: [], ratios: [] };
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, record] of records.entries()) {
      const casefileSide = () => timedMs(() => casefileOne(sequentialPrinter, record));
      const floorSide = () => timedMs(() => floorOne(floorPages[0], urls[index]));
      const first = (round + index) % 2 === 0;
      const a = await (first ? casefileSide() : floorSide());
      const b = await (first ? floorSide() : casefileSide());
      const [casefileMs, floorMs] = first ? [a, b] : [b, a];
      sequential.casefile.push(casefileMs);
      sequential.floor.push(floorMs);
      sequential.ratios.push(casefileMs / floorMs);
    }
  }
  // A batch through the page pool against the floor's as many reused pages, rounds alternating who goes first.
  const pool = { casefile: [], floor: [], ratios: [] };
  for (let round = 0; round < rounds; round += 1) {
    const casefileSide = async () => (await timedMs(pooled.casefile)) / batch.length;
    const floorSide = async () => (await timedMs(pooled.floor)) / batch.length;
    const first = round % 2 === 0;
    const a = await (first ? casefileSide() : floorSide());
    const b = await (first ? floorSide() : casefileSide());
    const [casefileMs, floorMs] = first ? [a, b] : [b, a];
    pool.casefile.push(casefileMs);
    pool.floor.push(floorMs);
    pool.ratios.push(casefileMs / floorMs);
  }
  const rounded = (values) => values.map((value) => Math.round(value * 100) / 100);
  log(`bench: floor, one at a time, casefile/floor per pair: ${rounded(sequential.ratios).join(' ')}`);
  log(`bench: floor, page pool (${batch.length} per round), casefile/floor per round: ${rounded(pool.ratios).join(' ')}`);

  const stages = await casefileStages({ browser, records, dataDir, templates, page, urls, floorTab: floorPages[0], rounds });
  await Promise.all(floorPages.map((tab) => tab.close()));
  await Promise.all([sequentialPrinter.close(), pooledPrinter.close()]);

  return {
    dossiers: records.length,
    rounds,
    pages: cores,
    casefileSequentialMs: median(sequential.casefile),
    floorSequentialMs: median(sequential.floor),
    casefilePooledMs: median(pool.casefile),
    floorPooledMs: median(pool.floor),
    sequentialRatio: median(sequential.ratios),
    pooledRatio: median(pool.ratios),
    stages,
  };
}

/** Median per stage of casefile's path for one document at a time, beside the floor's two steps. */
async function casefileStages({ browser, records, dataDir, templates, page, urls, floorTab, rounds }) {
  const pool = createPagePool(browser, { maxIdle: 1 });
  const mounts = pageMounts(templates, dataDir);
  const stages = { html: [], acquire: [], load: [], pdf: [], release: [], finish: [], whole: [], floorLoad: [], floorPdf: [], floor: [] };
  for (let round = 0; round <= rounds; round += 1) {
    for (const [index, record] of records.entries()) {
      const keep = round > 0;
      let mark = performance.now();
      const started = mark;
      const lap = (stage) => {
        const now = performance.now();
        if (keep) stages[stage].push(now - mark);
        mark = now;
      };
      const html = await renderDossierHtml(record, { templates, page, existingSlugs: await existingRelatedSlugs(record, dataDir) });
      lap('html');
      const tab = await pool.acquire();
      lap('acquire');
      await loadDocument(tab, html, mounts, { timeoutMs: 60_000 });
      lap('load');
      const pdf = await tab.pdf(pdfOptions(page));
      lap('pdf');
      await pool.release(tab, true);
      lap('release');
      await finishPdf(pdf, { record, page, kind: 'dossier', date: new Date(0) });
      lap('finish');
      if (keep) stages.whole.push(performance.now() - started);
      const floorStarted = performance.now();
      mark = floorStarted;
      await floorTab.goto(urls[index], { waitUntil: 'load' });
      lap('floorLoad');
      await floorTab.pdf(pdfOptions(page));
      lap('floorPdf');
      if (keep) stages.floor.push(performance.now() - floorStarted);
    }
  }
  await pool.close();
  return Object.fromEntries(Object.entries(stages).map(([stage, values]) => [stage, Math.round(median(values))]));
}
