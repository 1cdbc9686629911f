// Card setups end to end, as users run them: `casefile cards` and `casefile build --only cards`
// as subprocesses on data folders of synthetic records (the shipped ones under distinct slugs), so
// every time includes Node's start, the modules, the font parsing and, with workers, the pool's
// start. Each round runs every setup once, back to back and in a rotated order, so the setups
// compared share the machine's load of that minute; the medians of the rounds are reported, with
// each setup's time as a ratio to the default's (above 1: the default is faster).
//
// Run: npm run build && node bench/cards.mjs [--engine takumi] [--records 1,20,167] [--rounds 3]
//        [--command cards|build] [--setups default,workers-2,in-process-4,…]
// `node bench/run.mjs cards` runs it for its rows: the default against each alternative.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeDataDir } from './fixtures.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = path.join(ROOT, 'dist', 'cli.js');
const DRIVER = path.join(ROOT, 'bench', 'cards-driver.mjs');
const CARDS_PER_RECORD = 12;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(1)));

/**
 * CPU seconds of this process's children that have exited, their own children included (Linux:
 * /proc/self/stat's cutime and cstime), so a setup's CPU counts its worker processes too.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * A setup's arguments by name: `default` (the command as a user runs it), `workers-N` (the same
 * with --workers N) or `in-process-N` (this process with N cards drawn at once: no flag sets that,
 * so it runs the command's path through the library, bench/cards-driver.mjs).
 */
export function setupArgs(command, engine, name, dataDir, outDir) {
  const base = [CLI, command, ...(command === 'build' ? ['--only', 'cards', '--force'] : []), '--quiet', '--engine', engine, '--data-dir', dataDir, '--out-dir', outDir];
  const records = command === 'cards' ? slugsIn(dataDir) : [];
  if (name === 'default') return [...base, ...records];
  const workers = /^workers-(\d+)$/.exec(name);
  if (workers) return [...base, '--workers', workers[1], ...records];
  const inProcess = /^in-process-(\d+)$/.exec(name);
  if (inProcess && command === 'cards') return [DRIVER, dataDir, outDir, engine, '0', inProcess[1]];
  throw new Error(`unknown setup ${JSON.stringify(name)} for ${command}: default, workers-N or (cards) in-process-N`);
}

/** The data folder's slugs, for `casefile cards`, which takes the records by name. */
function slugsIn(dataDir) {
  return readdirSync(dataDir).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
}

/**
 * One run of a setup: wall and CPU milliseconds, the out folder emptied first (untimed). A run
 * that fails is said and run again, once: the figures are of runs that made every card.
 */
function runSetup(args, outDir, log, again = true) {
  rmSync(outDir, { recursive: true, force: true });
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  if (result.status === 0) return { ms, cpuMs: childrenCpuMs() - cpuBefore };
  const failed = `${path.basename(args[0])} ${args.slice(1).filter((arg) => arg.startsWith('--') || /^\d+$/.test(arg)).join(' ')} exited ${result.status ?? result.signal}: ${result.stderr.slice(0, 500)}`;
  if (!again) throw new Error(failed);
  log(`bench: ${failed}; running it again`);
  return { ...runSetup(args, outDir, log, false), failedOnce: true };
}

/**
 * Every setup at one size, in `rounds` interleaved rounds. Returns per setup the median wall and
 * CPU ms, and the median of the rounds' ratios setup ÷ default (≥ 1: the default was no slower).
 */
export function measureSetups({ command, engine, records, rounds, setups, workDir, log = () => {} }) {
  const dataDir = makeDataDir(path.join(workDir, `${command}-${engine}-${records}-data`), path.join(ROOT, 'data'), records);
  const outDir = path.join(workDir, `${command}-${engine}-${records}-out`);
  const names = [...new Set(setups ?? ['default', 'workers-0', 'workers-1', 'workers-2', ...(command === 'cards' ? ['in-process-1', 'in-process-2', 'in-process-8'] : [])])];
  const argsOf = Object.fromEntries(names.map((name) => [name, setupArgs(command, engine, name, dataDir, outDir)]));
  // The file cache warm for every setup alike (a large folder is warm enough after its first round's first run).
  if (records <= 50) runSetup(argsOf[names[0]], outDir, log);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  const loads = [];
  for (let round = 0; round < rounds; round++) {
    loads.push(loadAverage()[0]);
    // Rotated, so no setup always runs first (or right after the heaviest).
    const order = names.map((_, index) => names[(index + round) % names.length]);
    for (const name of order) {
      const run = runSetup(argsOf[name], outDir, log);
      runs[name].push(run);
      log(`bench: ${command} ${engine} ${records * CARDS_PER_RECORD} cards, ${name}, round ${round + 1}: ${(run.ms / 1000).toFixed(2)} s (CPU ${(run.cpuMs / 1000).toFixed(2)} s), load ${loadAverage()[0]}`);
    }
  }
  rmSync(outDir, { recursive: true, force: true });
  const result = { command, engine, cards: records * CARDS_PER_RECORD, rounds, loadAverage: { min: Math.min(...loads), max: Math.max(...loads, loadAverage()[0]) }, setups: {} };
  for (const name of names) {
    const vsDefault = runs.default ? median(runs[name].map((run, round) => run.ms / runs.default[round].ms)) : undefined;
    result.setups[name] = { ms: Math.round(median(runs[name].map((run) => run.ms))), cpuMs: Math.round(median(runs[name].map((run) => run.cpuMs))), ...(vsDefault === undefined ? {} : { vsDefault: Number(vsDefault.toFixed(3)) }) };
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'takumi' }, records: { type: 'string', default: '1,20,167' }, rounds: { type: 'string', default: '3' }, command: { type: 'string', default: 'cards' }, setups: { type: 'string' } } });
  const workDir = path.join(ROOT, 'bench', '.tmp', 'card-setups');
  console.log(`${os.availableParallelism()} cores, load average ${loadAverage().join(' ')}`);
  for (const records of values.records.split(',').map(Number)) {
    const result = measureSetups({ command: values.command, engine: values.engine, records, rounds: Number(values.rounds), ...(values.setups ? { setups: values.setups.split(',') } : {}), workDir, log: (line) => process.stderr.write(`${line}\n`) });
    console.log(`\n${result.command} --engine ${result.engine}, ${result.cards} cards, ${result.rounds} rounds, load average ${result.loadAverage.min}–${result.loadAverage.max}`);
    console.log('| setup | wall (median) | CPU (median) | vs default (median of rounds) |\n|---|---|---|---|');
    for (const [name, setup] of Object.entries(result.setups)) console.log(`| ${name} | ${(setup.ms / 1000).toFixed(2)} s | ${(setup.cpuMs / 1000).toFixed(2)} s | ${setup.vsDefault?.toFixed(2) ?? ''}x |`);
  }
}
