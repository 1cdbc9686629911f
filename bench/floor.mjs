// The floor: what Chromium itself needs to print the same dossier HTML (assets as file:// URLs,
// page.goto + page.pdf in a reused page of the same browser), against casefile doing the whole
// document (HTML, hardened load, print, finishing) as a build does: one page printing at a time,
// or a pool of pages. Rounds alternate between the sides so that a busy machine slows both alike.
// Per-stage times (one document at a time, nothing overlapped) show where casefile's time goes.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { finishDossier, pageMounts, printDossier } from '../dist/api/dossier.js';
import { createPagePool } from '../dist/browser/page-pool.js';
import { loadDocument } from '../dist/browser/serve.js';
import { createDossierPrinter } from '../dist/build/printer.js';
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

  const sides = {
    floorSequential: async () => {
      for (const url of urls) await floorOne(floorPages[0], url);
    },
    // One page, one print at a time, as `casefile build --concurrency 1` does it: a finished
    // dossier is completed while the next one prints (finishing is off the print path).
    casefileSequential: () => Promise.all(records.map((record) => casefileOne(sequentialPrinter, record))),
    floorPooled: async () => {
      let next = 0;
      await Promise.all(
        floorPages.map(async (tab) => {
          while (next < urls.length) await floorOne(tab, urls[next++]);
        }),
      );
    },
    // As a build does it: the printer's pages print while finished PDFs are completed beside them.
    casefilePooled: () => Promise.all(records.map((record) => casefileOne(pooledPrinter, record))),
  };
  for (const run of Object.values(sides)) await run(); // warm: pages open, fonts cached
  const times = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which side goes first, so neither always meets the busier moment.
    const order = Object.entries(sides);
    if (round % 2 === 1) order.reverse();
    for (const [name, run] of order) times[name].push((await timedMs(run)) / records.length);
  }
  log(`bench: floor rounds (ms per dossier): ${JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map(Math.round)])))}`);

  const stages = await casefileStages({ browser, records, dataDir, templates, page, urls, floorTab: floorPages[0], rounds });
  await Promise.all(floorPages.map((tab) => tab.close()));
  await Promise.all([sequentialPrinter.close(), pooledPrinter.close()]);

  const perDossier = Object.fromEntries(Object.entries(times).map(([name, values]) => [`${name}Ms`, median(values)]));
  // Each round's two sides ran back to back under the same load: compare them round by round.
  const ratio = (side, floor) => median(times[side].map((ms, round) => ms / times[floor][round]));
  return {
    dossiers: records.length,
    rounds,
    pages: cores,
    ...perDossier,
    sequentialRatio: ratio('casefileSequential', 'floorSequential'),
    pooledRatio: ratio('casefilePooled', 'floorPooled'),
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
