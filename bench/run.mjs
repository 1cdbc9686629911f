// npm run bench: casefile against its peers, measured side by side in one run, reported as ratios.
// Not part of `npm test`: it takes minutes and its numbers depend on the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import Tinypool from 'tinypool';
import { buildSite } from '../dist/build/batch.js';
import { BUILD_DEFAULTS } from '../dist/build/options.js';
import { launchBrowser } from '../dist/browser/launch.js';
import { findBrowser } from '../dist/browser/find.js';
import { planCards } from '../dist/cards/plan.js';
import { createCardRenderer } from '../dist/cards/renderer.js';
import { cardTree } from '../dist/cards/render.js';
import { loadTemplates } from '../dist/dossier/templates.js';
import { BUNDLED_FONTS, fontFaceCss } from '../dist/fonts/registry.js';
import { FONTS_DIR } from '../dist/paths.js';
import { listRecordFiles } from '../dist/record/list.js';
import { parseRecord } from '../dist/record/load.js';
import { VERSION } from '../dist/version.js';
import { makeDataDir } from './fixtures.mjs';
import { benchFloor } from './floor.mjs';
import { cardHtmlDocument } from './html-card.mjs';
import { measurePeakMemory } from './memory.mjs';
import { printWithChromiumProcesses, writeDossierHtmlFiles } from './peers.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const WORK = path.join(ROOT, 'bench', '.tmp');
const CORES = os.availableParallelism();
const CARD_RECORDS = Number(process.env.BENCH_CARD_RECORDS ?? 17); // × 12 cards ≥ 200
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 50);
const MEMORY_SMALL = 20;
const MEMORY_LARGE = Number(process.env.BENCH_MEMORY_LARGE ?? 200);
const FLOOR_ROUNDS = Number(process.env.BENCH_FLOOR_ROUNDS ?? 5);
const CLI_ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 5);
const POSTER_RECORD = 'lead-infrastructure-engineer';

const log = (line) => process.stderr.write(`${line}\n`);
const seconds = (ms) => Math.round(ms) / 1000;

async function timed(label, work) {
  log(`bench: ${label}…`);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  log(`bench: ${label}: ${seconds(ms)} s`);
  return { ms, value };
}

function loadAll(dataDir) {
  return listRecordFiles(dataDir).then((files) => files.map((file) => parseRecord(readFileSync(file, 'utf8'), file)));
}

/** Cards: casefile's pool, the resvg floor, and Puppeteer screenshots of the same cards as HTML. */
async function benchCards(records) {
  const jobsOf = (record, formats = ['png']) => planCards(record, { formats });
  const cardCount = records.reduce((sum, record) => sum + jobsOf(record).length, 0);

  const renderer = createCardRenderer({ workers: CORES });
  await renderer.render(records[0], jobsOf(records[0])); // warm: workers started, fonts parsed
  const casefile = await timed(`casefile cards (${cardCount}, ${CORES} workers)`, () =>
    Promise.all(records.map((record) => renderer.render(record, jobsOf(record)))),
  );
  const svgs = (await Promise.all(records.map((record) => renderer.render(record, jobsOf(record, ['svg']))))).flat().map((card) => card.svg);
  await renderer.close();

  const pool = new Tinypool({ filename: path.join(ROOT, 'bench', 'resvg-worker.mjs'), runtime: 'child_process', minThreads: CORES, maxThreads: CORES });
  await Promise.all(svgs.slice(0, CORES).map((svg) => pool.run({ svg, scale: 1 })));
  const floor = await timed(`resvg floor (${svgs.length} SVGs, ${CORES} workers)`, () => Promise.all(svgs.map((svg) => pool.run({ svg, scale: 1 }))));
  await pool.destroy();

  // The usual way: an HTML card per image, screenshotted by one warm browser with reused pages.
  const fonts = new Map(BUNDLED_FONTS.map((font) => [`/fonts/${font.file}`, readFileSync(path.join(FONTS_DIR, font.file))]));
  const css = fontFaceCss((file) => `/fonts/${file}`);
  const pages = new Map();
  let next = 0;
  for (const record of records) {
    for (const job of jobsOf(record)) {
      const { tree } = await cardTree(record, job);
      pages.set(`/card/${next++}`, { html: cardHtmlDocument(tree, { width: job.width, height: job.height, fontFaceCss: css }), job });
    }
  }
  const server = createServer((request, response) => {
    const font = fonts.get(request.url);
    if (font) return response.writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'max-age=3600' }).end(font);
    const page = pages.get(request.url);
    if (page) return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const handle = await launchBrowser();
  const tabs = await Promise.all(Array.from({ length: CORES }, () => handle.browser.newPage()));
  const shoot = async (tab, url, job) => {
    await tab.setViewport({ width: job.width, height: job.height });
    await tab.goto(`${origin}${url}`, { waitUntil: 'load' });
    await tab.evaluate(() => document.fonts.ready);
    return tab.screenshot({ type: 'png' });
  };
  const urls = [...pages.keys()];
  await Promise.all(tabs.map((tab, index) => shoot(tab, urls[index], pages.get(urls[index]).job)));
  const free = [...tabs];
  const limit = pLimit(CORES);
  const puppeteer = await timed(`Puppeteer screenshots (${urls.length}, ${CORES} pages)`, () =>
    Promise.all(
      urls.map((url) =>
        limit(async () => {
          const tab = free.pop();
          try {
            return await shoot(tab, url, pages.get(url).job);
          } finally {
            free.push(tab);
          }
        }),
      ),
    ),
  );
  await handle.close();
  server.close();

  return {
    cards: cardCount,
    workers: CORES,
    casefileMs: casefile.ms,
    casefilePerCardMs: casefile.ms / cardCount,
    resvgFloorMs: floor.ms,
    puppeteerMs: puppeteer.ms,
    speedupVsPuppeteer: puppeteer.ms / casefile.ms,
    overheadVsResvgFloor: casefile.ms / floor.ms,
  };
}

async function benchDossiers(dataDir) {
  const outDir = path.join(WORK, 'dossiers-casefile');
  const records = await loadAll(dataDir);
  const casefile = await timed(`casefile build (${records.length} dossiers)`, () =>
    buildSite({ ...BUILD_DEFAULTS, records: [], dataDir, outDir, kinds: ['dossier'], force: true, concurrency: CORES }),
  );
  if (casefile.value.failed > 0) throw new Error(`casefile build failed: ${JSON.stringify(casefile.value.failures[0])}`);

  const templates = await loadTemplates();
  const htmlFiles = await writeDossierHtmlFiles(records, templates, dataDir, path.join(WORK, 'dossier-html'));
  const chromium = (await findBrowser()).executablePath;
  const processes = await timed(`chromium --print-to-pdf (${records.length} processes, ${CORES} at a time)`, () =>
    printWithChromiumProcesses(chromium, htmlFiles, path.join(WORK, 'dossiers-chromium'), CORES),
  );
  return { dossiers: records.length, casefileMs: casefile.ms, chromiumProcessesMs: processes.ms, speedup: processes.ms / casefile.ms };
}

async function benchIncremental(dataDir) {
  const options = { ...BUILD_DEFAULTS, records: [], dataDir, outDir: path.join(WORK, 'incremental'), concurrency: CORES };
  const cold = await timed('cold build (dossiers and cards)', () => buildSite({ ...options, force: true }));
  const warm = await timed('rebuild, nothing changed', () => buildSite(options));
  if (warm.value.made !== 0) throw new Error(`the rebuild made ${warm.value.made} outputs; expected none`);
  return { outputs: cold.value.made, coldMs: cold.ms, rebuildMs: warm.ms, ratio: warm.ms / cold.ms };
}

async function benchMemory() {
  const run = async (count) => {
    const dataDir = makeDataDir(path.join(WORK, `memory-${count}`), path.join(ROOT, 'data'), count);
    const args = [path.join(ROOT, 'dist', 'cli.js'), 'build', '--only', 'dossier', '--force', '--quiet', '--data-dir', dataDir, '--out-dir', path.join(WORK, `memory-out-${count}`)];
    log(`bench: peak memory, ${count} dossiers…`);
    const result = await measurePeakMemory(process.execPath, args);
    if (result.code !== 0) throw new Error(`build of ${count} dossiers exited ${result.code}: ${result.stderr}`);
    log(`bench: peak memory, ${count} dossiers: ${Math.round(result.peakKb / 1024)} MB in ${seconds(result.ms)} s`);
    return result;
  };
  const small = await run(MEMORY_SMALL);
  const large = await run(MEMORY_LARGE);
  return { small: MEMORY_SMALL, large: MEMORY_LARGE, smallPeakMb: small.peakKb / 1024, largePeakMb: large.peakKb / 1024, ratio: large.peakKb / small.peakKb };
}

/** `casefile poster` against `casefile pdf` of the same record, whole CLI runs, alternating. */
async function benchPosterCli() {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const cli = (command) => {
    const args = [path.join(ROOT, 'dist', 'cli.js'), command, POSTER_RECORD, '--quiet', '--data-dir', path.join(ROOT, 'data'), '--out-dir', path.join(WORK, 'cli-out')];
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`casefile ${command} exited ${result.status}: ${result.stderr}`);
    return performance.now() - started;
  };
  cli('pdf'); // warm the file cache
  const pdf = [];
  const poster = [];
  for (let round = 0; round < CLI_ROUNDS; round += 1) {
    // Back to back, alternating who goes first: each pair shares the machine's load.
    if (round % 2 === 0) {
      pdf.push(cli('pdf'));
      poster.push(cli('poster'));
    } else {
      poster.push(cli('poster'));
      pdf.push(cli('pdf'));
    }
  }
  const ratios = poster.map((ms, round) => ms / pdf[round]);
  log(`bench: casefile pdf ${pdf.map(Math.round).join('/')} ms, casefile poster ${poster.map(Math.round).join('/')} ms`);
  return { record: POSTER_RECORD, rounds: CLI_ROUNDS, pdfMs: median(pdf), posterMs: median(poster), ratio: median(ratios) };
}

const TARGETS = {
  'cards vs Puppeteer screenshots': { key: ['cards', 'speedupVsPuppeteer'], target: '≥ 5x faster', ok: (v) => v >= 5, format: (v) => `${v.toFixed(1)}x faster` },
  'cards vs resvg floor': { key: ['cards', 'overheadVsResvgFloor'], target: '≤ 2x the floor', ok: (v) => v <= 2, format: (v) => `${v.toFixed(2)}x the floor` },
  'dossier vs the floor, one at a time': { key: ['floor', 'sequentialRatio'], target: '≤ 1.3x the floor', ok: (v) => v <= 1.3, format: (v) => `${v.toFixed(2)}x the floor` },
  'dossiers vs the floor, page pool': { key: ['floor', 'pooledRatio'], target: '≤ 1.3x the floor', ok: (v) => v <= 1.3, format: (v) => `${v.toFixed(2)}x the floor` },
  'dossiers vs chromium --print-to-pdf': { key: ['dossiers', 'speedup'], target: '≥ 4x faster', ok: (v) => v >= 4, format: (v) => `${v.toFixed(1)}x faster` },
  'incremental rebuild': { key: ['incremental', 'ratio'], target: '≤ 5% of cold', ok: (v) => v <= 0.05, format: (v) => `${(v * 100).toFixed(1)}% of cold` },
  [`memory ${MEMORY_LARGE} vs ${MEMORY_SMALL} dossiers`]: { key: ['memory', 'ratio'], target: '≤ 1.3x', ok: (v) => v <= 1.3, format: (v) => `${v.toFixed(2)}x` },
  'poster CLI vs pdf CLI': { key: ['posterCli', 'ratio'], target: '≤ 1.4x', ok: (v) => v <= 1.4, format: (v) => `${v.toFixed(2)}x` },
};

async function main() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const only = process.argv.slice(2);
  const want = (name) => only.length === 0 || only.includes(name);
  // A partial run (`node bench/run.mjs floor memory`) keeps the other sections' last figures.
  const resultsFile = path.join(ROOT, 'bench', 'results.json');
  const previous = only.length > 0 && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
  const figures = { ...(previous?.figures ?? {}) };
  const load = { before: os.loadavg().map((value) => Number(value.toFixed(1))) };
  if (want('cards')) figures.cards = await benchCards(await loadAll(makeDataDir(path.join(WORK, 'cards-data'), path.join(ROOT, 'data'), CARD_RECORDS)));
  const dossierData = makeDataDir(path.join(WORK, 'dossier-data'), path.join(ROOT, 'data'), DOSSIERS);
  if (want('floor')) {
    figures.floor = await benchFloor({
      records: await loadAll(path.join(ROOT, 'data')),
      dataDir: path.join(ROOT, 'data'),
      templates: await loadTemplates(),
      workDir: WORK,
      cores: CORES,
      rounds: FLOOR_ROUNDS,
      log,
    });
  }
  if (want('dossiers')) figures.dossiers = await benchDossiers(dossierData);
  if (want('incremental')) figures.incremental = await benchIncremental(dossierData);
  if (want('memory')) figures.memory = await benchMemory();
  if (want('poster')) figures.posterCli = await benchPosterCli();
  load.after = os.loadavg().map((value) => Number(value.toFixed(1)));

  const rows = Object.entries(TARGETS)
    .map(([name, spec]) => {
      const value = spec.key.reduce((object, key) => object?.[key], figures);
      return value === undefined ? undefined : { name, measured: spec.format(value), target: spec.target, met: spec.ok(value) };
    })
    .filter(Boolean);
  const results = {
    casefile: VERSION,
    date: new Date().toISOString(),
    ...(only.length > 0 ? { sections: only, previousDate: previous?.date } : {}),
    load,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` },
    figures,
    summary: rows,
  };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log('\n| comparison | measured | target | met |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.name} | ${row.measured} | ${row.target} | ${row.met ? 'yes' : 'no'} |`);
  console.log(`\nload average (1/5/15 min) before ${load.before.join(' / ')}, after ${load.after.join(' / ')}`);
  console.log(`\nmachine: ${results.machine.cpus} × ${results.machine.model}, ${results.machine.memoryGb} GiB, Node ${results.machine.node}; details in bench/results.json`);
}

await main();
