#!/usr/bin/env node
/**
 * Card memory over a long run (not part of `npm test`): `casefile build --only cards` of 1,000
 * cards (200 records × cover + 4 sections) with one engine, sampling the resident memory of the
 * whole process tree (the CLI and its card workers) four times a second, and reporting the peak
 * within each quarter of the outputs. Level quarters mean no leak is left growing. Neither
 * engine's workers are recycled on a card count (src/cards/pool.ts says why): this is the check.
 *
 *   npm run build && node scripts/card-memory.mjs --engine takumi   # or satori; CARD_MEMORY_RECORDS=40 for a short run
 *
 * npm run bench runs it for both engines and keeps the last-to-first quarter ratio.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeRssMb } from './process-tree-memory.mjs';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const SECTIONS = 'cover,salary,flight-risk,metrics,burn-ward';


export async function cardMemory({ engine, records = 200, workers = os.availableParallelism() }) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'casefile-card-memory-'));
  const data = path.join(work, 'data');
  mkdirSync(data);
  const sources = readdirSync(path.join(root, 'data')).filter((name) => name.endsWith('.json')).sort();
  for (let i = 0; i < records; i += 1) {
    const source = JSON.parse(readFileSync(path.join(root, 'data', sources[i % sources.length]), 'utf8'));
    const slug = `memory-${String(i).padStart(3, '0')}`;
    delete source.$schema;
    writeFileSync(path.join(data, `${slug}.json`), JSON.stringify({ ...source, slug, title: `${source.title} ${i}` }));
  }
  const args = [path.join(root, 'dist', 'cli.js'), 'build', '--only', 'cards', '--engine', engine, '--section', SECTIONS, '--concurrency', String(workers), '--data-dir', data, '--out-dir', path.join(work, 'out')];
  const started = Date.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let done = 0;
  let total = records * 5;
  child.stdout.on('data', (chunk) => {
    for (const match of String(chunk).matchAll(/\[(\d+)\/(\d+)\]/g)) {
      done = Number(match[1]);
      total = Number(match[2]);
    }
  });
  const quarters = [0, 0, 0, 0];
  const timer = setInterval(() => {
    const quarter = Math.min(3, Math.floor((done / total) * 4));
    quarters[quarter] = Math.max(quarters[quarter], treeRssMb(child.pid));
  }, 250);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(timer);
  rmSync(work, { recursive: true, force: true });
  if (code !== 0) throw new Error(`card memory run (${engine}) exited ${code}: ${stderr.slice(0, 500)}`);
  const peaks = quarters.map((mb) => Math.round(mb));
  return { engine, cards: records * 5, workers, seconds: Math.round((Date.now() - started) / 100) / 10, quarterPeaksMb: peaks, lastToFirst: Math.round((peaks[3] / peaks[0]) * 100) / 100 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const index = process.argv.indexOf('--engine');
  const engine = index > 0 ? process.argv[index + 1] : 'takumi';
  console.log(JSON.stringify(await cardMemory({ engine, records: Number(process.env.CARD_MEMORY_RECORDS ?? 200) }), null, 2));
}
