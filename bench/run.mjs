// npm run bench: casefile against its peers, measured side by side in one run, reported as ratios.
// Not part of `npm test`: it takes minutes and its numbers depend on the machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import Tinypool from 'tinypool';
import { buildSite } from '../dist/site/batch.js';
import { BUILD_DEFAULTS } from '../dist/site/options.js';
import { launchBrowser } from '../dist/browser/launch.js';
import { findBrowser } from '../dist/browser/find.js';
import { planCards } from '../dist/cards/plan.js';
import { createCardRenderer, IN_PROCESS_CARDS } from '../dist/cards/renderer.js';
import { cardTree, renderCard, renderEnvironment } from '../dist/cards/render.js';
import { rasterize } from '../dist/cards/rasterize.js';
import { renderSvg } from '../dist/cards/svg.js';
import { cardMemory } from '../scripts/card-memory.mjs';
import { loadTemplates } from '../dist/dossier/templates.js';
import { BUNDLED_FONTS, fontFaceCss } from '../dist/fonts/registry.js';
import { FONTS_DIR } from '../dist/paths.js';
import { listRecordFiles } from '../dist/record/list.js';
import { parseRecord } from '../dist/record/load.js';
import { VERSION } from '../dist/version.js';
import { measureSetups } from './cards.mjs';
import { makeDataDir } from './fixtures.mjs';
import { benchFloor } from './floor.mjs';
import { benchImport } from './import.mjs';
import { benchServe } from './serve.mjs';
import { benchSite } from './site.mjs';
import { cardHtmlDocument } from './html-card.mjs';
import { measurePeakMemory } from './memory.mjs';
import { printWithChromiumProcesses, writeDossierHtmlFiles } from './peers.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const WORK = path.join(ROOT, 'bench', '.tmp');
const CORES = os.availableParallelism();
const CARD_RECORDS = Number(process.env.BENCH_CARD_RECORDS ?? 17); // × 12 cards ≥ 200
// The defaults against the alternatives, end to end (bench/cards.mjs): records for Takumi (240
// cards, the run) and for Satori (slower, so fewer), in interleaved rounds.
const DEFAULT_RECORDS = { takumi: Number(process.env.BENCH_DEFAULT_RECORDS ?? 20), satori: Number(process.env.BENCH_SATORI_DEFAULT_RECORDS ?? 10) };
const DEFAULT_ROUNDS = Number(process.env.BENCH_DEFAULT_ROUNDS ?? 3);
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 50);
const MEMORY_SMALL = 20;
const MEMORY_LARGE = Number(process.env.BENCH_MEMORY_LARGE ?? 200);
const POOL_ROUNDS = Number(process.env.BENCH_POOL_ROUNDS ?? 3);
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

/** Renders every record's jobs with one renderer and returns the wall time (the renderer is warmed first). */
async function timeRenderer(label, records, jobsOf, options) {
  const renderer = createCardRenderer(options);
  try {
    // Warm with one whole pass, as the in-process rows are: workers started, fonts parsed and the
    // text-width and fallback caches filled, so both sides are timed in the steady state of a long batch.
    await Promise.all(records.map((record) => renderer.render(record, jobsOf(record))));
    const run = await timed(label, () => Promise.all(records.map((record) => renderer.render(record, jobsOf(record)))));
    return run.ms;
  } finally {
    await renderer.close();
  }
}

/**
 * Cards: casefile in-process and with 1 and CORES workers, per engine; the bare engines on the
 * same trees; the resvg floor; and Puppeteer screenshots of the same cards as HTML.
 */
async function benchCards(records) {
  const jobsFor = (engine) => (record, formats = ['png']) => planCards(record, { formats, engine });
  const satoriJobs = jobsFor('satori');
  const takumiJobs = jobsFor('takumi');
  const cardCount = records.reduce((sum, record) => sum + satoriJobs(record).length, 0);
  const figures = { cards: cardCount, workers: CORES, loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10) };

  // The same trees, for the bare engines and the browser.
  const env = await renderEnvironment();
  const trees = [];
  for (const record of records) for (const job of satoriJobs(record)) trees.push({ job, tree: (await cardTree(record, job, env)).tree });

  // Bare Satori + resvg and bare Takumi (fromJsx + render) on the same trees, in this process.
  const fonts = env.book.satoriFonts([]);
  // Between cards the bare loop lets the event loop turn, as casefile does, so resvg's pixel
  // buffers are freed (src/cards/engines/satori.ts) and neither side pays for fresh pages.
  const bareSatori = async () => {
    for (const { job, tree } of trees) {
      rasterize((await renderSvg(tree, { width: job.width, height: job.height, fonts })).svg, 1);
      await nextTurn();
    }
  };
  const { Renderer } = await import('@takumi-rs/core');
  const { fromJsx } = await import('@takumi-rs/helpers/jsx');
  const takumi = new Renderer();
  for (const font of env.book.bundled) await takumi.registerFont({ name: font.family, data: font.data, weight: font.weight, style: font.style });
  const bareTakumi = async () => {
    for (const { job, tree } of trees) {
      const { node, css } = await fromJsx(tree, { defaultStyles: false });
      await takumi.render(node, { width: job.width, height: job.height, css, format: 'png' });
    }
  };
  await bareSatori();
  await bareTakumi();
  // In-process runs are compared by the CPU time this process used (Takumi's native threads
  // included): on a shared machine a process's wall time depends on what else runs, its CPU time
  // much less. Each is run twice, back to back with its pair, and the lower kept.
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const best = async (label, work) => {
    const runs = [];
    for (let round = 0; round < 2; round++) {
      const before = cpuMs();
      const { ms } = await timed(label, work);
      runs.push({ ms, cpu: cpuMs() - before });
    }
    log(`bench: ${label}: CPU ${runs.map((run) => Math.round(run.cpu)).join(', ')} ms`);
    return { ms: Math.min(...runs.map((run) => run.ms)), cpu: Math.min(...runs.map((run) => run.cpu)) };
  };
  const inProcess = (engine, jobsOf) => async () => {
    for (const record of records) for (const job of jobsOf(record)) await renderCard(record, job, env);
  };
  await inProcess('satori', satoriJobs)();
  await inProcess('takumi', takumiJobs)();
  const cpu = {};
  for (const [key, label, work] of [
    ['bareSatori', 'bare Satori + resvg', bareSatori],
    ['satoriInProcess', 'casefile satori', inProcess('satori', satoriJobs)],
    ['bareTakumi', 'bare Takumi', bareTakumi],
    ['takumiInProcess', 'casefile takumi', inProcess('takumi', takumiJobs)],
  ]) {
    const run = await best(`${label} (${cardCount}, in-process)`, work);
    figures[`${key}Ms`] = run.ms;
    cpu[key] = run.cpu;
  }
  figures.cpuPerCardMs = Object.fromEntries(Object.entries(cpu).map(([key, ms]) => [key, Math.round((ms / cardCount) * 10) / 10]));

  figures.satoriOneWorkerMs = await timeRenderer(`casefile satori (${cardCount}, 1 worker)`, records, satoriJobs, { workers: 1 });
  figures.takumiOneWorkerMs = await timeRenderer(`casefile takumi (${cardCount}, 1 worker)`, records, takumiJobs, { workers: 1 });

  // The pool rows, in rounds: each round times both engines in-process and with CORES workers back
  // to back, so each ratio is taken between runs that shared the machine's load of that minute,
  // and the median round is reported (on a shared machine one run's ratio swung from 1.5x to 1.8x).
  const pools = { satori: createCardRenderer({ workers: CORES }), takumi: createCardRenderer({ workers: CORES }) };
  const jobsOf = { satori: satoriJobs, takumi: takumiJobs };
  const poolPass = (engine) => Promise.all(records.map((record) => pools[engine].render(record, jobsOf[engine](record))));
  // casefile's own in-process renderer, handed every record at once as build hands it its cards:
  // Takumi's cards IN_PROCESS_CARDS.takumi at a time, the layout of the next beside the drawing.
  const inProcessRenderer = createCardRenderer({ workers: 0 });
  const atOncePass = () => Promise.all(records.map((record) => inProcessRenderer.render(record, takumiJobs(record))));
  await poolPass('satori');
  await poolPass('takumi');
  await atOncePass();
  const rounds = [];
  for (let round = 1; round <= POOL_ROUNDS; round++) {
    const times = {};
    for (const engine of ['satori', 'takumi']) {
      times[`${engine}InProcessMs`] = (await timed(`casefile ${engine} (${cardCount}, in-process, round ${round})`, inProcess(engine, jobsOf[engine]))).ms;
      times[`${engine}PoolMs`] = (await timed(`casefile ${engine} (${cardCount}, ${CORES} workers, round ${round})`, () => poolPass(engine))).ms;
    }
    times.takumiAtOnceMs = (await timed(`casefile takumi (${cardCount}, in-process, ${IN_PROCESS_CARDS.takumi} at once, round ${round})`, atOncePass)).ms;
    rounds.push(times);
  }
  await Promise.all([pools.satori.close(), pools.takumi.close(), inProcessRenderer.close()]);
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const medianOf = (ratio) => median(rounds.map(ratio));
  figures.poolRounds = rounds;
  figures.satoriPoolMs = medianOf((round) => round.satoriPoolMs);
  figures.takumiPoolMs = medianOf((round) => round.takumiPoolMs);
  figures.takumiAtOnceMs = medianOf((round) => round.takumiAtOnceMs);
  const pooled = {
    satoriPoolVsInProcess: medianOf((round) => round.satoriInProcessMs / round.satoriPoolMs),
    takumiPoolVsInProcess: medianOf((round) => round.takumiInProcessMs / round.takumiPoolMs),
    takumiPoolVsAtOnce: medianOf((round) => round.takumiAtOnceMs / round.takumiPoolMs),
    takumiAtOnceVsInProcess: medianOf((round) => round.takumiInProcessMs / round.takumiAtOnceMs),
    takumiPoolVsSatoriPool: medianOf((round) => round.satoriPoolMs / round.takumiPoolMs),
  };

  const renderer = createCardRenderer({ workers: CORES });
  const svgs = (await Promise.all(records.map((record) => renderer.render(record, satoriJobs(record, ['svg']))))).flat().map((card) => card.svg);
  await renderer.close();
  const pool = new Tinypool({ filename: path.join(ROOT, 'bench', 'resvg-worker.mjs'), runtime: 'child_process', minThreads: CORES, maxThreads: CORES });
  await Promise.all(svgs.slice(0, CORES).map((svg) => pool.run({ svg, scale: 1 })));
  figures.resvgFloorMs = (await timed(`resvg floor (${svgs.length} SVGs, ${CORES} workers)`, () => Promise.all(svgs.map((svg) => pool.run({ svg, scale: 1 }))))).ms;
  await pool.destroy();

  // The usual way: an HTML card per image, screenshotted by one warm browser with reused pages.
  const fontFiles = new Map(BUNDLED_FONTS.map((font) => [`/fonts/${font.file}`, readFileSync(path.join(FONTS_DIR, font.file))]));
  const css = fontFaceCss((file) => `/fonts/${file}`);
  const pages = new Map();
  trees.forEach(({ job, tree }, index) => pages.set(`/card/${index}`, { html: cardHtmlDocument(tree, { width: job.width, height: job.height, fontFaceCss: css }), job }));
  const server = createServer((request, response) => {
    const font = fontFiles.get(request.url);
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
  figures.puppeteerMs = (
    await timed(`Puppeteer screenshots (${urls.length}, ${CORES} pages)`, () =>
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
    )
  ).ms;
  await handle.close();
  server.close();

  return {
    ...figures,
    perCardMs: Object.fromEntries(Object.entries(figures).filter(([key, ms]) => key.endsWith('Ms') && typeof ms === 'number').map(([key, ms]) => [key.replace(/Ms$/, ''), Math.round((ms / cardCount) * 10) / 10])),
    ...pooled,
    satoriPoolVsPuppeteer: figures.puppeteerMs / figures.satoriPoolMs,
    takumiPoolVsPuppeteer: figures.puppeteerMs / figures.takumiPoolMs,
    takumiVsBareTakumi: cpu.takumiInProcess / cpu.bareTakumi,
    satoriVsBareSatori: cpu.satoriInProcess / cpu.bareSatori,
    satoriPoolVsResvgFloor: figures.satoriPoolMs / figures.resvgFloorMs,
    defaults: benchCardDefaults(),
  };
}

/**
 * Each engine's default card workers (src/cards/workers.ts) against the alternatives, end to end
 * as users run them (bench/cards.mjs): `casefile cards` and `casefile build --only cards` as
 * subprocesses, so Node's start, the fonts and a pool's start are counted, in interleaved rounds.
 * Each setup's `vsDefault` is its time ÷ the default's: at least 1, the default was no slower.
 */
function benchCardDefaults() {
  const measure = (command, engine, setups) =>
    measureSetups({ command, engine, records: DEFAULT_RECORDS[engine], rounds: DEFAULT_ROUNDS, setups: ['default', ...setups], workDir: path.join(WORK, 'card-setups'), log });
  return {
    takumiCards: measure('cards', 'takumi', ['workers-1', `workers-${CORES}`]),
    takumiBuild: measure('build', 'takumi', [`workers-${CORES}`]),
    satoriCards: measure('cards', 'satori', ['workers-0', 'workers-1']),
  };
}

async function benchCardMemory() {
  const records = Number(process.env.BENCH_CARD_MEMORY_RECORDS ?? 200);
  const result = {};
  for (const engine of ['satori', 'takumi']) {
    log(`bench: card memory, ${records * 5} cards, ${engine}…`);
    result[engine] = await cardMemory({ engine, records, workers: CORES });
    log(`bench: card memory, ${engine}: quarter peaks ${result[engine].quarterPeaksMb.join(', ')} MB`);
  }
  return result;
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

const faster = (v) => `${v.toFixed(2)}x`;
const TARGETS = {
  [`satori cards, ${CORES} workers vs in-process`]: { key: ['cards', 'satoriPoolVsInProcess'], target: `≥ ${(0.85 * CORES).toFixed(1)}x`, ok: (v) => v >= 0.85 * CORES, format: faster },
  [`satori cards, ${CORES} workers vs Puppeteer screenshots (${CORES} pages)`]: { key: ['cards', 'satoriPoolVsPuppeteer'], target: '≥ 2x faster', ok: (v) => v >= 2, format: faster },
  'satori cards, casefile vs bare Satori + resvg (same trees, CPU time)': { key: ['cards', 'satoriVsBareSatori'], target: '≤ 1.15x the time', ok: (v) => v <= 1.15, format: faster },
  'satori cards vs resvg floor': { key: ['cards', 'satoriPoolVsResvgFloor'], target: '≤ 2x the floor', ok: (v) => v <= 2, format: (v) => `${v.toFixed(2)}x the floor` },
  [`takumi cards, ${CORES} workers vs satori, ${CORES} workers`]: { key: ['cards', 'takumiPoolVsSatoriPool'], target: '≥ 5x faster', ok: (v) => v >= 5, format: faster },
  [`takumi cards, ${CORES} workers vs Puppeteer screenshots`]: { key: ['cards', 'takumiPoolVsPuppeteer'], target: '≥ 8x faster', ok: (v) => v >= 8, format: faster },
  'takumi cards, casefile vs bare Takumi (same trees, CPU time)': { key: ['cards', 'takumiVsBareTakumi'], target: '≤ 1.3x the time', ok: (v) => v <= 1.3, format: faster },
  // Warm (workers started, fonts parsed), a pool of Takumi workers is not the cores' multiple a pool of Satori's is: Takumi already draws on every core from its own threads.
  [`takumi cards, ${CORES} workers vs in-process (${IN_PROCESS_CARDS.takumi} at once), both warm`]: { key: ['cards', 'takumiPoolVsAtOnce'], target: `< ${(0.8 * CORES).toFixed(1)}x`, ok: (v) => v < 0.8 * CORES, format: faster },
  [`takumi cards, in-process: ${IN_PROCESS_CARDS.takumi} at once vs one at a time`]: { key: ['cards', 'takumiAtOnceVsInProcess'], target: '≥ 1.0x', ok: (v) => v >= 1, format: faster },
  [`takumi cards, ${DEFAULT_RECORDS.takumi * 12} end to end (casefile cards): default (in this process) vs 1 worker`]: { key: ['cards', 'defaults', 'takumiCards', 'setups', 'workers-1', 'vsDefault'], target: '≥ 1.0x', ok: (v) => v >= 1, format: faster },
  [`takumi cards, ${DEFAULT_RECORDS.takumi * 12} end to end (casefile cards): default (in this process) vs ${CORES} workers`]: { key: ['cards', 'defaults', 'takumiCards', 'setups', `workers-${CORES}`, 'vsDefault'], target: '≥ 1.0x', ok: (v) => v >= 1, format: faster },
  [`takumi cards, ${DEFAULT_RECORDS.takumi * 12} end to end (casefile build --only cards): default (in this process) vs ${CORES} workers`]: { key: ['cards', 'defaults', 'takumiBuild', 'setups', `workers-${CORES}`, 'vsDefault'], target: '≥ 1.0x', ok: (v) => v >= 1, format: faster },
  [`satori cards, ${DEFAULT_RECORDS.satori * 12} end to end (casefile cards): default (${CORES} workers) vs in this process`]: { key: ['cards', 'defaults', 'satoriCards', 'setups', 'workers-0', 'vsDefault'], target: '≥ 1.0x', ok: (v) => v >= 1, format: faster },
  [`satori cards, ${DEFAULT_RECORDS.satori * 12} end to end (casefile cards): default (${CORES} workers) vs 1 worker`]: { key: ['cards', 'defaults', 'satoriCards', 'setups', 'workers-1', 'vsDefault'], target: '≥ 1.0x', ok: (v) => v >= 1, format: faster },
  'card memory, satori, 1,000 cards: last quarter peak vs first': { key: ['cardMemory', 'satori', 'lastToFirst'], target: '≤ 1.2x', ok: (v) => v <= 1.2, format: faster },
  'card memory, takumi, 1,000 cards: last quarter peak vs first': { key: ['cardMemory', 'takumi', 'lastToFirst'], target: '≤ 1.2x', ok: (v) => v <= 1.2, format: faster },
  'dossier vs the floor, one at a time': { key: ['floor', 'sequentialRatio'], target: '≤ 1.3x the floor', ok: (v) => v <= 1.3, format: (v) => `${v.toFixed(2)}x the floor` },
  'dossiers vs the floor, page pool': { key: ['floor', 'pooledRatio'], target: '≤ 1.3x the floor', ok: (v) => v <= 1.3, format: (v) => `${v.toFixed(2)}x the floor` },
  'dossiers vs chromium --print-to-pdf': { key: ['dossiers', 'speedup'], target: '≥ 4x faster', ok: (v) => v >= 4, format: (v) => `${v.toFixed(1)}x faster` },
  'incremental rebuild': { key: ['incremental', 'ratio'], target: '≤ 5% of cold', ok: (v) => v <= 0.05, format: (v) => `${(v * 100).toFixed(1)}% of cold` },
  [`memory ${MEMORY_LARGE} vs ${MEMORY_SMALL} dossiers`]: { key: ['memory', 'ratio'], target: '≤ 1.3x', ok: (v) => v <= 1.3, format: (v) => `${v.toFixed(2)}x` },
  'page text, 1,000 texts read in-process: ms per 100': { key: ['import', 'msPer100Texts'], target: '< 1,000 ms', ok: (v) => v < 1000, format: (v) => `${v.toFixed(0)} ms` },
  'page text vs JSON, the same 1,000 records read and validated': { key: ['import', 'textVsJson'], target: '≤ 2.5x the time', ok: (v) => v <= 2.5, format: faster },
  'casefile import, 1,000 texts end to end (each JSON flushed to disk): ms per 100': { key: ['import', 'importCliMsPer100'], target: '< 1,000 ms', ok: (v) => v < 1000, format: (v) => `${v.toFixed(0)} ms` },
  'serve, hot path: one cached card at 16 connections vs bare http.createServer (req/s)': { key: ['serve', 'hot', 'ratio'], target: '≥ 0.5x', ok: (v) => v >= 0.5, format: faster },
  'serve, cold path: distinct cards on request vs casefile cards (cards/s, satori)': { key: ['serve', 'cold', 'ratio'], target: '≥ 0.8x', ok: (v) => v >= 0.8, format: faster },
  'serve, hot path: CPU a request, bare http.createServer vs serve': { key: ['serve', 'hot', 'cpuRatio'], target: '≥ 0.5x', ok: (v) => v >= 0.5, format: faster },
  'serve, cold path: CPU a card, casefile cards vs serve (whole process trees)': { key: ['serve', 'cold', 'cpuRatio'], target: '≥ 0.8x', ok: (v) => v >= 0.8, format: faster },
  'serve, memory: resident after 20,000 mixed requests vs after 2,000': { key: ['serve', 'memory', 'ratio'], target: '≤ 1.2x', ok: (v) => v <= 1.2, format: faster },
  'serve, overload: 48 distinct requests, --max-queue 4: only 200/503, every 200 whole': { key: ['serve', 'overload', 'met'], target: 'all', ok: (v) => v === 1, format: (v) => (v === 1 ? 'all' : 'not all') },
  'site, 10k og cards: a build with nothing changed': { key: ['site', '10k', 'noopShare'], target: '≤ 2% of cold', ok: (v) => v <= 0.02, format: (v) => `${(v * 100).toFixed(1)}% of cold` },
  'site, 10k og cards: one record edited': { key: ['site', '10k', 'editShare'], target: '≤ 3% of cold', ok: (v) => v <= 0.03, format: (v) => `${(v * 100).toFixed(1)}% of cold` },
  'site, ms per card cold, 10k vs 1k': { key: ['site', 'msPerCard10kVs1k'], target: '≤ 1.2x', ok: (v) => v <= 1.2, format: faster },
  'site, peak memory, 100k vs 10k cards': { key: ['site', 'peak100kVs10k'], target: '≤ 1.5x', ok: (v) => v <= 1.5, format: faster },
  'site, largest gallery index page': { key: ['site', 'largestIndexPageBytes'], target: '< 1 MB', ok: (v) => v < 2 ** 20, format: (v) => `${Math.round(v / 1024)} KB` },
  'poster CLI vs pdf CLI': { key: ['posterCli', 'ratio'], target: '≤ 1.4x', ok: (v) => v <= 1.4, format: (v) => `${v.toFixed(2)}x` },
};

async function main() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const only = process.argv.slice(2);
  const want = (name) => only.length === 0 || only.includes(name);
  const figures = {};
  const stamp = (part) => figures[part] && (figures[part].measuredAt = new Date().toISOString());
  // The machine's load average (1, 5, 15 min) goes with every part measured: ratios on a busy machine need it.
  const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(1)));
  const loadBefore = loadAverage();
  if (want('cards')) figures.cards = await benchCards(await loadAll(makeDataDir(path.join(WORK, 'cards-data'), path.join(ROOT, 'data'), CARD_RECORDS)));
  if (want('cardmemory')) figures.cardMemory = await benchCardMemory();
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
  if (want('import')) figures.import = await benchImport({ root: ROOT, workDir: WORK, log });
  if (want('serve')) figures.serve = await benchServe({ root: ROOT, dataDir: makeDataDir(path.join(WORK, 'serve-data'), path.join(ROOT, 'data'), CARD_RECORDS), outDir: path.join(WORK, 'serve-cards'), log });
  // 100,000 cards take many minutes and gigabytes of disk: asked for by BENCH_SITE_100K=1.
  if (want('site')) figures.site = await benchSite({ root: ROOT, workDir: WORK, log }, [1000, 10000, ...(process.env.BENCH_SITE_100K === '1' ? [100000] : [])]);
  const load = { before: loadBefore, after: loadAverage() };
  const partName = { cardMemory: 'cardmemory', posterCli: 'poster' };
  for (const part of ['cards', 'cardMemory', 'floor', 'dossiers', 'incremental', 'memory', 'posterCli', 'import', 'serve', 'site']) {
    if (!want(partName[part] ?? part) || !figures[part]) continue;
    stamp(part);
    figures[part].loadAverage = load;
  }
  // Read at the end, so two partial runs at once each keep what the other wrote.
  // Running some parts (`node bench/run.mjs cards cardmemory`) keeps the other parts' last figures.
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results.json'), 'utf8')).figures ?? {};
    } catch {
      return {};
    }
  })();
  if (only.length > 0) for (const [part, value] of Object.entries(previous)) figures[part] ??= value;

  const rows = Object.entries(TARGETS)
    .map(([name, spec]) => {
      const value = spec.key.reduce((object, key) => object?.[key], figures);
      return value === undefined ? undefined : { name, measured: spec.format(value), target: spec.target, met: spec.ok(value) };
    })
    .filter(Boolean);
  const results = {
    casefile: VERSION,
    date: new Date().toISOString(),
    load,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` },
    figures,
    summary: rows,
  };
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\n| comparison | measured | target | met |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.name} | ${row.measured} | ${row.target} | ${row.met ? 'yes' : 'no'} |`);
  console.log(`\nload average (1/5/15 min) before ${load.before.join(' / ')}, after ${load.after.join(' / ')}`);
  console.log(`\nmachine: ${results.machine.cpus} × ${results.machine.model}, ${results.machine.memoryGb} GiB, Node ${results.machine.node}; details in bench/results.json`);
}

await main();
