// `casefile serve` against its peers in one run, on loopback only, every loop bounded:
// - hot path: one cached card at 16 connections, against a bare http.createServer answering the same bytes;
// - cold path: distinct cards drawn on request, against `casefile cards` drawing the same cards;
// - memory: the server's resident size (with its card workers) after 20,000 mixed requests against after 2,000;
// - overload: 48 distinct requests at once with --max-queue 4: only 200s and 503s, every 200 a whole PNG.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { PNG } from 'pngjs';
import { CARD_IDS } from '../dist/cards/plan.js';
import { httpLoad } from './http-load.mjs';

const HOT_CONNECTIONS = 16;
const HOT_REQUESTS = Number(process.env.BENCH_SERVE_HOT_REQUESTS ?? 10_000);
const COLD_RECORDS = Number(process.env.BENCH_SERVE_COLD_RECORDS ?? 6);
const COLD_ROUNDS = 3;
const COLD_CONNECTIONS = 8;
const MEMORY_EARLY = 2_000;
const MEMORY_LATE = 20_000;
const OVERLOAD = 48;

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks), complete: response.complete }));
      })
      .on('error', reject);
  });
}

async function waitUntilUp(url) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const up = await get(`${url}/healthz`).then(() => true, () => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up in 60 s`);
}

/** A child process serving on a free loopback port; `stop` sends SIGTERM and waits for its exit code. */
async function startChild(args, { root, env = {} }) {
  const port = await freePort();
  const child = spawn(process.execPath, [...args(port)], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([waitUntilUp(url), exited.then((code) => Promise.reject(new Error(`exited ${code}: ${stderr}`)))]);
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`server exited ${code} on SIGTERM: ${stderr}`);
    },
  };
}

const serveArgs = (root, dataDir, extra = []) => (port) => [path.join(root, 'dist', 'cli.js'), 'serve', '--quiet', '--port', String(port), '--data-dir', dataDir, ...extra];

/** A bare server answering one file's bytes for every request: the floor of an HTTP answer in Node. */
const BARE_SERVER = `
const http = require('node:http');
const bytes = require('node:fs').readFileSync(process.argv[1]);
http.createServer((request, response) => {
  if (request.url === '/healthz') return response.end('ok');
  response.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': bytes.length, ETag: '"x"', 'Cache-Control': 'public, max-age=60' });
  response.end(bytes);
}).listen(Number(process.argv[2]), '127.0.0.1');
`;

/** Resident kB of a process and its children (the card workers), from /proc. */
function residentKb(pid) {
  const pids = [pid, ...spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout.split('\n').map(Number).filter(Boolean)];
  return pids.reduce((sum, one) => {
    try {
      return sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${one}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return sum;
    }
  }, 0);
}

/** CPU seconds a process has used (user + system), from /proc: what a request costs the server, whatever the client's speed. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds of this process's finished children and theirs (the CLI and its workers, a stopped server and its workers). */
function childrenCpuSeconds() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function isWholePng(response) {
  if (response.status !== 200 || !response.complete || Number(response.headers['content-length']) !== response.body.length) return false;
  try {
    PNG.sync.read(response.body);
    return true;
  } catch {
    return false;
  }
}

async function hotPath({ root, dataDir, slug, log, rounds = 3 }) {
  const server = await startChild(serveArgs(root, dataDir), { root });
  const cardPath = `/${slug}/cards/cover.png`;
  const first = await get(`${server.url}${cardPath}`);
  const bytesFile = path.join(dataDir, '..', 'hot-card.png');
  (await import('node:fs')).writeFileSync(bytesFile, first.body);
  const bare = await startChild((port) => ['-e', BARE_SERVER, bytesFile, String(port)], { root });
  const serveRps = [];
  const bareRps = [];
  const cpuRatios = [];
  const measure = async (target, pathname, amount = HOT_REQUESTS) => {
    const cpu = cpuSeconds(target.pid);
    const result = await httpLoad(target.url, { connections: HOT_CONNECTIONS, amount, pathOf: () => pathname });
    if ((result.statuses[200] ?? 0) !== amount) throw new Error(`hot path: ${JSON.stringify(result.statuses)}, ${result.errors} errors`);
    return { result, cpuPerRequest: (cpuSeconds(target.pid) - cpu) / amount };
  };
  try {
    // Warm both, then alternate rounds so a change in the machine's load falls on both alike.
    await measure(server, cardPath, 2000);
    await measure(bare, cardPath, 2000);
    for (let round = 0; round < rounds; round++) {
      const { result: served, cpuPerRequest: serveCpu } = await measure(server, cardPath);
      const { result: floor, cpuPerRequest: bareCpu } = await measure(bare, cardPath);
      serveRps.push(served.requestsPerSecond);
      bareRps.push(floor.requestsPerSecond);
      cpuRatios.push(bareCpu / serveCpu);
      log(`bench: serve hot path round ${round + 1}: ${Math.round(served.requestsPerSecond)} req/s and ${(serveCpu * 1e6).toFixed(0)} µs CPU a request; bare http ${Math.round(floor.requestsPerSecond)} req/s and ${(bareCpu * 1e6).toFixed(0)} µs`);
    }
  } finally {
    await bare.stop().catch(() => {});
    await server.stop();
  }
  const ratios = serveRps.map((rps, index) => rps / bareRps[index]);
  // The CPU ratio is the server's own cost: on a busy machine the client can be what limits req/s.
  return { connections: HOT_CONNECTIONS, requests: HOT_REQUESTS, serveRps: median(serveRps), bareRps: median(bareRps), ratio: median(ratios), cpuRatio: median(cpuRatios) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function coldPath({ root, dataDir, slugs, outDir, engine, log }) {
  const urls = slugs.flatMap((slug) => CARD_IDS.map((card) => `/${slug}/cards/${card}.png`));
  const cliRun = async () => {
    const started = performance.now();
    const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'cards', ...slugs, '--quiet', '--engine', engine, '--data-dir', dataDir, '--out-dir', outDir], { encoding: 'utf8' });
    if (cli.status !== 0) throw new Error(`casefile cards exited ${cli.status}: ${cli.stderr}`);
    return performance.now() - started;
  };
  // A fresh server each round (nothing cached), up first as a site's would be, then every card asked for once.
  const serveRun = async () => {
    const server = await startChild(serveArgs(root, dataDir, ['--engine', engine, '--max-queue', String(urls.length)]), { root });
    try {
      await get(`${server.url}/${slugs[0]}/cards/cover.square.png`); // workers started, fonts parsed
      const started = performance.now();
      let next = 0;
      const failures = [];
      await Promise.all(
        Array.from({ length: COLD_CONNECTIONS }, async () => {
          while (next < urls.length) {
            const url = urls[next++];
            const response = await get(`${server.url}${url}`);
            if (!isWholePng(response)) failures.push(`${url} ${response.status}`);
          }
        }),
      );
      if (failures.length > 0) throw new Error(`cold path: ${failures.length} failed, e.g. ${failures[0]}`);
      return performance.now() - started;
    } finally {
      await server.stop();
    }
  };
  // CPU of the whole process trees as well as wall time: on a busy machine the wall time of one run
  // swings by 2x with the neighbours' load; the CPU a card costs does not. The server's CPU includes
  // its start (fingerprint, fonts), the CLI's its own.
  const measured = async (run) => {
    const cpu = childrenCpuSeconds();
    const ms = await run();
    return { ms, cpu: childrenCpuSeconds() - cpu };
  };
  const cli = [];
  const served = [];
  for (let round = 0; round < COLD_ROUNDS; round++) {
    // Alternating which goes first, so a change in the load falls on both alike.
    if (round % 2 === 0) cli.push(await measured(cliRun));
    served.push(await measured(serveRun));
    if (round % 2 === 1) cli.push(await measured(cliRun));
    log(`bench: serve cold path (${engine}) round ${round + 1}: ${urls.length} cards in ${Math.round(served.at(-1).ms)} ms (${served.at(-1).cpu.toFixed(1)} CPU s); casefile cards ${Math.round(cli.at(-1).ms)} ms (${cli.at(-1).cpu.toFixed(1)} CPU s)`);
  }
  const cards = urls.length;
  const serveMs = median(served.map((run) => run.ms));
  const cliMs = median(cli.map((run) => run.ms));
  return {
    engine,
    cards,
    rounds: COLD_ROUNDS,
    serveMs,
    cliMs,
    serveCardsPerSecond: (cards / serveMs) * 1000,
    cliCardsPerSecond: (cards / cliMs) * 1000,
    ratio: median(cli.map((run, index) => run.ms / served[index].ms)),
    cpuRatio: median(cli.map((run, index) => run.cpu / served[index].cpu)),
  };
}

async function memory({ root, dataDir, slugs, log }) {
  const server = await startChild(serveArgs(root, dataDir), { root });
  const hits = slugs.flatMap((slug) => CARD_IDS.map((card) => `/${slug}/cards/${card}.png`));
  let sent = 0;
  const mixed = (index) => {
    switch (index % 5) {
      case 0:
        return { path: '/healthz' };
      case 1:
        return { path: `/no-such-role-${index % 97}/cards/cover.png` };
      case 2:
        return { path: `/${slugs[0]}/cards/cover.${200 + (index % 3000)}x${100000}.png` }; // 400
      default:
        return { path: hits[index % hits.length] };
    }
  };
  const run = (amount) => httpLoad(server.url, { connections: HOT_CONNECTIONS, amount, pathOf: () => mixed(sent++).path, headersOf: (index) => (index % 7 === 0 ? { 'if-none-match': '"stale"' } : {}) });
  try {
    // Every card drawn first, so the mixed requests measure the server, not the first renders.
    for (const url of hits) await get(`${server.url}${url}`);
    await run(MEMORY_EARLY);
    const early = residentKb(server.pid);
    await run(MEMORY_LATE - MEMORY_EARLY);
    const late = residentKb(server.pid);
    log(`bench: serve memory: ${Math.round(early / 1024)} MB after ${MEMORY_EARLY} requests, ${Math.round(late / 1024)} MB after ${MEMORY_LATE}`);
    return { earlyRequests: MEMORY_EARLY, lateRequests: MEMORY_LATE, earlyMb: early / 1024, lateMb: late / 1024, ratio: late / early };
  } finally {
    await server.stop();
  }
}

async function overload({ root, dataDir, slugs, log }) {
  const server = await startChild(serveArgs(root, dataDir, ['--max-queue', '4']), { root });
  try {
    await get(`${server.url}/healthz`);
    const urls = Array.from({ length: OVERLOAD }, (_, index) => `/${slugs[index % slugs.length]}/cards/${CARD_IDS[index % CARD_IDS.length]}.${600 + index}x400.png`);
    const responses = await Promise.all(urls.map((url) => get(`${server.url}${url}`)));
    const statuses = {};
    for (const response of responses) statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    const oks = responses.filter((response) => response.status === 200);
    const whole = oks.filter(isWholePng).length;
    const onlyOkOrBusy = responses.every((response) => response.status === 200 || (response.status === 503 && response.headers['retry-after']));
    log(`bench: serve overload: ${JSON.stringify(statuses)}, ${whole} of ${oks.length} 200s whole PNGs`);
    return { requests: OVERLOAD, maxQueue: 4, statuses, wholeImages: whole, ok: oks.length, met: onlyOkOrBusy && whole === oks.length ? 1 : 0 };
  } finally {
    await server.stop();
  }
}

export async function benchServe({ root, dataDir, outDir, log }) {
  const slugs = (await import('node:fs')).readdirSync(dataDir).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
  return {
    hot: await hotPath({ root, dataDir, slug: slugs[0], log }),
    cold: await coldPath({ root, dataDir, slugs: slugs.slice(0, COLD_RECORDS), outDir, engine: 'satori', log }),
    memory: await memory({ root, dataDir, slugs, log }),
    overload: await overload({ root, dataDir, slugs, log }),
  };
}
