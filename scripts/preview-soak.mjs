#!/usr/bin/env node
/**
 * Preview soak (not part of `npm test`): starts `casefile preview` as a process and asks it for
 * 1,000 card images (no If-None-Match, so every one is rendered), four at a time, sampling the
 * resident memory of its whole process tree (server and card workers) after every 100. The
 * figures should stay level: resvg's pixel buffers are freed between cards (src/cards/engines/satori.ts).
 *
 *   npm run build && node scripts/preview-soak.mjs      # PREVIEW_SOAK_REQUESTS=200 for a short run
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeRssMb } from './process-tree-memory.mjs';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const requests = Number(process.env.PREVIEW_SOAK_REQUESTS ?? 1000);
const port = Number(process.env.PREVIEW_SOAK_PORT ?? 4391);

/** Resident memory (MB) of `pid` alone. */
function ownRssMb(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Math.round((Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[21]) * 4096) / 1024 / 1024);
}


const server = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'preview', '--port', String(port), '--data-dir', path.join(root, 'data'), '--concurrency', '2'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('preview:') && resolve());
  server.on('exit', (code) => reject(new Error(`preview exited with ${code}`)));
});

const slugs = readdirSync(path.join(root, 'data')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5));
const cards = ['cover', 'org-chart', 'habitat', 'salary', 'flight-risk', 'metrics', 'weaponry', 'survival-guide', 'job-ad-autopsy', 'day-in-the-life', 'burn-ward', 'related-specimens'];
const urls = Array.from({ length: requests }, (_, i) => `http://127.0.0.1:${port}/records/${slugs[i % slugs.length]}/cards/${cards[i % cards.length]}.og.png`);

const started = performance.now();
const sample = (count) => ({ requests: count, mb: Math.round(treeRssMb(server.pid)), server: ownRssMb(server.pid) });
const samples = [sample(0)];
let next = 0;
let done = 0;
let failed = 0;
async function worker() {
  while (next < urls.length) {
    const url = urls[next++];
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) failed++;
    done++;
    if (done % 100 === 0) samples.push(sample(done));
  }
}
await Promise.all([worker(), worker(), worker(), worker()]);
const seconds = (performance.now() - started) / 1000;
server.kill('SIGTERM');

console.log(`${done} card requests (${failed} failed) in ${seconds.toFixed(1)} s (${((seconds * 1000) / done).toFixed(0)} ms each, 2 workers)`);
console.log(`process tree resident memory (MB) after every 100: ${samples.map((sample) => sample.mb).join(' ')}`);
console.log(`of which the server process itself: ${samples.map((sample) => sample.server).join(' ')}; the card workers: ${samples.map((sample) => sample.mb - sample.server).join(' ')}`);
const later = samples.slice(2).map((sample) => sample.mb);
console.log(`first 200: ${Math.max(...samples.slice(0, 3).map((sample) => sample.mb))} MB peak; after that: ${Math.min(...later)}–${Math.max(...later)} MB`);
