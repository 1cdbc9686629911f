#!/usr/bin/env node
/**
 * Soak test (not part of `npm test`): one `casefile build` of 200 dossiers and 1,000 cards
 * (200 records × cover + 4 sections), sampling the resident memory of casefile's whole process
 * tree (node, Chromium, card workers) twice a second. Prints the peak, and the tree's memory at
 * each quarter of the build, which should stay level rather than grow with the outputs made.
 *
 *   npm run soak            # SOAK_RECORDS=40 for a shorter run
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeRssMb } from './process-tree-memory.mjs';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const records = Number(process.env.SOAK_RECORDS ?? 200);
const work = mkdtempSync(path.join(os.tmpdir(), 'casefile-soak-'));
const data = path.join(work, 'data');
mkdirSync(data);
const sources = readdirSync(path.join(root, 'data')).filter((name) => name.endsWith('.json'));
for (let i = 0; i < records; i += 1) {
  const source = JSON.parse(readFileSync(path.join(root, 'data', sources[i % sources.length]), 'utf8'));
  const slug = `soak-${String(i).padStart(3, '0')}`;
  writeFileSync(path.join(data, `${slug}.json`), JSON.stringify({ ...source, slug, title: `${source.title} ${i}` }));
}


const args = [path.join(root, 'dist', 'cli.js'), 'build', '--data-dir', data, '--out-dir', path.join(work, 'out'), '--section', 'cover,salary,flight-risk,metrics,burn-ward', '--concurrency', String(os.availableParallelism())];
const started = Date.now();
const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
let done = 0;
let total = records * 6;
let peak = 0;
const atQuarter = [];
child.stdout.on('data', (chunk) => {
  for (const line of String(chunk).split('\n')) {
    const match = /^\[(\d+)\/(\d+)\]/.exec(line);
    if (match) {
      done = Number(match[1]);
      total = Number(match[2]);
    }
  }
});
const timer = setInterval(() => {
  const mb = treeRssMb(child.pid);
  peak = Math.max(peak, mb);
  const quarter = Math.floor((done / total) * 4);
  if (quarter >= 1 && quarter > atQuarter.length) atQuarter.push({ outputs: done, rssMb: Math.round(mb) });
}, 500);
const code = await new Promise((resolve) => child.on('close', resolve));
clearInterval(timer);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(JSON.stringify({ exit: code, records, dossiers: records, cards: records * 5, seconds, peakTreeRssMb: Math.round(peak), rssAtQuarters: atQuarter }, null, 2));
rmSync(work, { recursive: true, force: true });
process.exitCode = code === 0 ? 0 : 1;
