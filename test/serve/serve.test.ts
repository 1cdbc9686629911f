/**
 * `casefile serve` as a site's servers and crawlers meet it: the bytes `cards` writes at the
 * paths `build` writes, strong ETags and 304, immutable only under the right `?v=`, records read
 * as they are on disk (JSON and page text), 400/404 before anything is read, identical requests
 * sharing one render, 503 with Retry-After when the line is full, 504 past the time limit, a
 * crashed worker answered with a 5xx and replaced, and a disk cache that outlives the process.
 * Every 200 is a whole image, and every error is sent before any byte of one, never stored.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCards } from '../../src/api/cards.js';
import { startServer, type CasefileServer } from '../../src/serve/server.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { rawRequest, type RawResponse } from '../helpers/http.js';
import { decodePng, PNG_MAGIC } from '../helpers/png.js';
import { tempDir } from '../helpers/tmp.js';

const SLUG = 'enterprise-architect';
const TEXT_SLUG = 'lead-infrastructure-engineer';
const SECRET = 'secret-5e1f-not-for-the-server';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function expectWholePng(response: RawResponse, width: number, height: number): void {
  expect(response.status).toBe(200);
  expect(response.complete).toBe(true);
  expect(response.headers['content-type']).toBe('image/png');
  expect(Number(response.headers['content-length'])).toBe(response.body.byteLength);
  expect(response.body.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  const image = decodePng(response.body);
  expect([image.width, image.height]).toEqual([width, height]);
}

function expectErrorNotStored(response: RawResponse, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers['content-type']).toMatch(/^text\/plain/);
  expect(response.headers.etag).toBeUndefined();
}

/** The process's card workers: tinypool's child processes running dist/cards/worker.js. */
function workerPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('node'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

let root: string;
let dataDir: string;
let server: CasefileServer;
const log: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  root = tempDir('casefile-serve-');
  dataDir = path.join(root, 'data');
  mkdirSync(dataDir);
  copyFileSync(path.join(ROOT, 'data', `${SLUG}.json`), path.join(dataDir, `${SLUG}.json`));
  copyFileSync(path.join(FIXTURES, 'source', `${TEXT_SLUG}.txt`), path.join(dataDir, `${TEXT_SLUG}.txt`));
  writeFileSync(path.join(root, 'secret.txt'), SECRET);
  server = await startServer({ dataDir, workers: 1, maxQueue: 8, log: (line) => log.push(line), onError: (error) => errors.push(error.message) });
});

afterAll(async () => {
  await server?.close();
});

describe('casefile serve', () => {
  it('answers /healthz, and GET and HEAD only', async () => {
    const health = await rawRequest(server.url, '/healthz');
    expect(health.status).toBe(200);
    expect(health.body.toString()).toBe('ok\n');
    expectErrorNotStored(await rawRequest(server.url, `/${SLUG}.pdf`, { method: 'POST' }), 405);
  });

  it('serves the bytes `cards` writes, with a strong ETag, 304, and immutable only under the right ?v=', async () => {
    const outDir = path.join(root, 'out');
    await makeCards(SLUG, { dataDir, outDir, sections: ['cover'] });
    const written = readFileSync(path.join(outDir, SLUG, 'cards', 'cover.png'));

    const plain = await rawRequest(server.url, `/${SLUG}/cards/cover.png`);
    expectWholePng(plain, 1200, 630);
    expect(plain.body.equals(written)).toBe(true);
    const hash = sha256(plain.body);
    expect(plain.headers.etag).toBe(`"${hash}"`);
    expect(plain.headers['cache-control']).toMatch(/max-age=60\b.*stale-while-revalidate/);
    expect(plain.headers['cache-control']).not.toMatch(/immutable/);

    const versioned = await rawRequest(server.url, `/${SLUG}/cards/cover.png?v=${hash.slice(0, 12)}`);
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(versioned.body.equals(written)).toBe(true);
    const stale = await rawRequest(server.url, `/${SLUG}/cards/cover.png?v=000000000000`);
    expect(stale.headers['cache-control']).not.toMatch(/immutable/);
    expect(stale.body.equals(written)).toBe(true);

    const revalidated = await rawRequest(server.url, `/${SLUG}/cards/cover.png`, { headers: { 'If-None-Match': `"${hash}"` } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.byteLength).toBe(0);
    expect(revalidated.headers.etag).toBe(`"${hash}"`);

    const head = await rawRequest(server.url, `/${SLUG}/cards/cover.png`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(written.byteLength));
    expect(head.body.byteLength).toBe(0);
    expect(log.some((line) => / GET \/enterprise-architect\/cards\/cover\.png\?v=[0-9a-f]{12} 200 [\d.]+ms hit$/.test(line))).toBe(true);
  });

  it('serves other sizes, scales and formats at their build paths, and page-text records', async () => {
    expectWholePng(await rawRequest(server.url, `/${SLUG}/cards/salary.800x418@2x.png`), 1600, 836);
    expectWholePng(await rawRequest(server.url, `/${TEXT_SLUG}/cards/flight-risk.png`), 1200, 630);
    const svg = await rawRequest(server.url, `/${SLUG}/cards/cover.square.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body.toString('utf8')).toMatch(/^<svg[^>]*width="1080"/);
  });

  it('refuses bad sizes and paths with 400 and unknown ones with 404, reading nothing outside the data folder', async () => {
    const cases: Array<[string, number]> = [
      [`/${SLUG}/cards/cover.5000x630.png`, 400],
      [`/${SLUG}/cards/cover@8x.png`, 400],
      [`/${SLUG}/cards/cover.story@4x.png`, 400],
      ['/%2e%2e/secret.txt', 400],
      [`/${SLUG}/cards/..%2f..%2fsecret.png`, 400],
      [`/${SLUG}/cards/%2e%2e%2fsecret.png`, 400],
      ['/../secret.pdf', 400],
      ['/..%2fsecret.pdf', 400],
      [`/${SLUG}/cards/cover.png%00`, 400],
      ['/SECRET.pdf', 400],
      ['/secret.pdf', 404],
      [`/${SLUG}/cards/secret.png`, 404],
      [`/${SLUG}/cards/cover.gif`, 404],
      [`/${SLUG}/cards/cover.huge.png`, 404],
      ['/no-such-role/cards/cover.png', 404],
      ['/no-such-role.pdf', 404],
      ['/index.html', 404],
    ];
    for (const [url, status] of cases) {
      const response = await rawRequest(server.url, url);
      expectErrorNotStored(response, status);
      expect(response.body.toString('latin1'), url).not.toContain(SECRET);
    }
  });

  it('serves a record edited on disk anew on the next request', async () => {
    const file = path.join(dataDir, `${SLUG}.json`);
    const before = await rawRequest(server.url, `/${SLUG}/cards/cover.png`);
    const original = readFileSync(file, 'utf8');
    const record = JSON.parse(original) as { title: string };
    writeFileSync(file, JSON.stringify({ ...record, title: 'Enterprise Architect, Edited' }, null, 2));
    try {
      const after = await rawRequest(server.url, `/${SLUG}/cards/cover.png`);
      expectWholePng(after, 1200, 630);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      // A broken edit is the server's 500, never a stale or partial image.
      writeFileSync(file, '{ "slug": ');
      const broken = await rawRequest(server.url, `/${SLUG}/cards/cover.png`);
      expectErrorNotStored(broken, 500);
      expect(broken.body.toString()).not.toContain(dataDir);
      expect(errors.some((message) => /JSON|json/.test(message))).toBe(true);
    } finally {
      writeFileSync(file, original);
    }
    const restored = await rawRequest(server.url, `/${SLUG}/cards/cover.png`);
    expect(restored.headers.etag).toBe(before.headers.etag);
    expect(log.at(-1)).toMatch(/ hit$/);
  });

  it('shares one render among identical requests in flight', async () => {
    const rendersBefore = server.renders;
    const responses = await Promise.all(Array.from({ length: 6 }, () => rawRequest(server.url, `/${SLUG}/cards/metrics.x.png`)));
    for (const response of responses) expectWholePng(response, 1200, 600);
    expect(new Set(responses.map((response) => response.headers.etag)).size).toBe(1);
    expect(server.renders - rendersBefore).toBe(1);
  });

  it('answers a crashed worker with a 5xx, replaces it, and goes on', async () => {
    await rawRequest(server.url, `/${SLUG}/cards/cover.png`);
    const pending = rawRequest(server.url, `/${SLUG}/cards/weaponry.story@2x.png`);
    // The render is under way (its worker holds it) before the worker is killed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pids = workerPids();
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const crashed = await pending;
    expect(crashed.status).toBeGreaterThanOrEqual(500);
    expect(crashed.headers['cache-control']).toBe('no-store');
    expect(crashed.headers['content-type']).toMatch(/^text\/plain/);
    expectWholePng(await rawRequest(server.url, `/${SLUG}/cards/weaponry.story.png`), 1080, 1920);
    expect(workerPids().some((pid) => !pids.includes(pid))).toBe(true);
    // A worker that dies holding nothing (the OOM killer, an operator) takes nothing down with it.
    const idle = workerPids();
    for (const pid of idle) process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expectWholePng(await rawRequest(server.url, `/${SLUG}/cards/weaponry.x.png`), 1200, 600);
  });
});

describe('casefile serve under load and limits', () => {
  it('answers 503 with Retry-After when the line is full, and every 200 is a whole image', async () => {
    const busy = await startServer({ dataDir, workers: 1, maxQueue: 1 });
    try {
      const sizes = Array.from({ length: 10 }, (_, index) => `${600 + index * 10}x400`);
      const responses = await Promise.all(sizes.map((size) => rawRequest(busy.url, `/${SLUG}/cards/habitat.${size}.png`)));
      const statuses = responses.map((response) => response.status);
      expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
      expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
      responses.forEach((response, index) => {
        if (response.status === 200) expectWholePng(response, 600 + index * 10, 400);
        else {
          expectErrorNotStored(response, 503);
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        }
      });
    } finally {
      await busy.close();
    }
  });

  it('answers 504 past the time limit, never a partial image, and keeps the bytes for the next request', async () => {
    const slow = await startServer({ dataDir, workers: 1, cardTimeoutMs: 1 });
    try {
      const late = await rawRequest(slow.url, `/${SLUG}/cards/org-chart.png`);
      expectErrorNotStored(late, 504);
      await expect.poll(() => slow.running, { timeout: 60_000 }).toBe(0);
      expectWholePng(await rawRequest(slow.url, `/${SLUG}/cards/org-chart.png`), 1200, 630);
    } finally {
      await slow.close();
    }
  });

  it('keeps rendered files in --cache-dir across a restart', async () => {
    const cacheDir = path.join(root, 'cache');
    const first = await startServer({ dataDir, workers: 1, cacheDir });
    const drawn = await rawRequest(first.url, `/${SLUG}/cards/burn-ward.png`);
    await first.close();
    const lines: string[] = [];
    const second = await startServer({ dataDir, workers: 1, cacheDir, cacheBytes: 0, log: (line) => lines.push(line) });
    try {
      const again = await rawRequest(second.url, `/${SLUG}/cards/burn-ward.png`);
      expect(again.body.equals(drawn.body)).toBe(true);
      expect(again.headers.etag).toBe(drawn.headers.etag);
      expect(lines.at(-1)).toMatch(/ disk$/);
      expect(second.renders).toBe(0);
    } finally {
      await second.close();
    }
  });
});
