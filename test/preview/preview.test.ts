/**
 * `casefile preview` in a real browser: the record page's card changes on its own when the
 * record file changes (server-sent events, no reload by hand), a broken record shows the CLI's
 * message and the server stays up, the open page reconnects after the server restarts, image
 * responses revalidate by ETag, and hostile paths get 400/404 and read nothing.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { rawRequest } from '../helpers/http.js';
import { pdfinfo } from '../helpers/poppler.js';
import { tempDir } from '../helpers/tmp.js';

const SECRET = 'secret-b7c1e0-not-for-the-preview';

/** A raw GET, path sent exactly as given (fetch would normalise `..`). */
function rawGet(base: string, rawPath: string, headers: http.OutgoingHttpHeaders = {}) {
  return rawRequest(base, rawPath, { headers });
}

async function coverImage(page: Page, base: string): Promise<{ src: string; sha: string }> {
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('img[data-card="cover"]');
    return img !== null && img.complete && img.naturalWidth > 0;
  }, { timeout: 60_000 });
  const src = await page.$eval('img[data-card="cover"]', (img) => img.getAttribute('src')!);
  const bytes = (await rawGet(base, src)).body;
  return { src, sha: createHash('sha256').update(bytes).digest('hex') };
}

describe('casefile preview', () => {
  let dir: string;
  let data: string;
  let server: PreviewServer;
  const browser = useBrowser();
  let page: Page;
  let port: number;
  const start = async (atPort = 0) =>
    startPreview({ dataDir: data, port: atPort, sizes: ['og'], sections: ['cover', 'salary'], workers: 1, concurrency: 2, loadSettings: async () => ({}) });

  beforeAll(async () => {
    dir = tempDir();
    data = path.join(dir, 'data');
    mkdirSync(data);
    copyFileSync(path.join(ROOT, 'data', 'sdet.json'), path.join(data, 'sdet.json'));
    writeFileSync(path.join(dir, 'secret.txt'), SECRET);
    writeFileSync(path.join(dir, 'secret.json'), JSON.stringify({ secret: SECRET }));
    server = await start();
    port = Number(new URL(server.url).port);
    page = await browser().newPage();
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('redraws the open page\'s card when the record file changes, with no reload by hand', async () => {
    await page.goto(`${server.url}/records/sdet`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'live');
    const before = await coverImage(page, server.url);
    const record = JSON.parse(readFileSync(path.join(data, 'sdet.json'), 'utf8'));
    const reloaded = page.waitForNavigation({ timeout: 30_000 });
    writeFileSync(path.join(data, 'sdet.json'), JSON.stringify({ ...record, title: 'Chief Flake Hunter' }, null, 2));
    await reloaded;
    const after = await coverImage(page, server.url);
    expect(after.src).not.toBe(before.src);
    expect(after.sha).not.toBe(before.sha);
    expect(await page.$eval('title', (title) => title.textContent)).toContain('Chief Flake Hunter');
    // The card's alt says what it shows, as the manifest and meta tags do.
    expect(await page.$eval('img[data-card="cover"]', (img) => img.getAttribute('alt'))).toMatch(/^Case file: Chief Flake Hunter\. Flight risk \d+%/);
  }, 120_000);

  it('answers an unchanged card with 304 by its ETag, and marks versioned URLs immutable', async () => {
    const src = await page.$eval('img[data-card="cover"]', (img) => img.getAttribute('src')!);
    const first = await rawGet(server.url, src);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(first.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await rawGet(server.url, src, { 'If-None-Match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  }, 60_000);

  it('shows a broken record\'s error in the page, in the CLI\'s words, and stays up', async () => {
    const reloaded = page.waitForNavigation({ timeout: 30_000 });
    writeFileSync(path.join(data, 'sdet.json'), '{ "slug": "sdet", "title": ');
    await reloaded;
    const shown = await page.$eval('[data-error]', (element) => element.textContent);
    expect(shown).toMatch(/^error: .*sdet\.json:1:\d+: invalid JSON/);
    expect((await rawGet(server.url, '/')).status).toBe(200);
  }, 60_000);

  it('reconnects the open page after the server restarts, and reloads it', async () => {
    await server.close();
    copyFileSync(path.join(ROOT, 'data', 'sdet.json'), path.join(data, 'sdet.json'));
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'reconnecting…', { timeout: 30_000 });
    const reloaded = page.waitForNavigation({ timeout: 30_000 });
    server = await start(port);
    await reloaded;
    await coverImage(page, server.url);
    expect(await page.$('[data-error]')).toBeNull();
  }, 120_000);

  it('renders no more cards at once than its concurrency', async () => {
    const bounded = await startPreview({ dataDir: data, sizes: ['og'], workers: 2, concurrency: 1, loadSettings: async () => ({}) });
    try {
      let most = 0;
      const watch = setInterval(() => (most = Math.max(most, bounded.rendering)), 5);
      const responses = await Promise.all(['habitat', 'metrics', 'weaponry'].map((card) => rawGet(bounded.url, `/records/sdet/cards/${card}.og.png`)));
      clearInterval(watch);
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
      expect(most).toBe(1);
    } finally {
      await bounded.close();
    }
  }, 120_000);

  it('refuses hostile paths with 400 or 404 and reads nothing outside its folders', async () => {
    const hostile = [
      '/records/../secret.txt',
      '/records/..%2fsecret',
      '/records/%2e%2e/secret',
      '/records/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/records/sdet/cards/..%2f..%2fsecret.og.png',
      '/assets/data/../secret.txt',
      '/assets/data/%2e%2e/secret.txt',
      '/assets/data/%2e%2e%2fsecret.txt',
      `/assets/data/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
      `/assets/fonts/${path.join(dir, 'secret.txt')}`,
      '/assets/data/../../../../etc/passwd',
      `//${dir}/secret.txt`,
      `/records/${'a'.repeat(101)}`,
      `/records/${'a'.repeat(5000)}`,
      '/records/secret',
      '/records/SDET',
      '/records/sdet/cards/cover.4097x4096.png',
      '/records/sdet/cards/cover.4096x4096@2x.png',
      '/records/sdet/cards/cover.og@9x.png',
      '/records/sdet/cards/secret.og.png',
      '/records/sdet/dossier.html/../../secret.txt',
    ];
    for (const url of hostile) {
      const response = await rawGet(server.url, url);
      expect([400, 404, 414], url).toContain(response.status);
      expect(response.body.toString('latin1'), url).not.toContain(SECRET);
    }
    // What the dossier page needs is served: its fonts, from the mounted folder.
    expect((await rawGet(server.url, '/assets/fonts/IBMPlexMono-Regular.ttf')).status).toBe(200);
  }, 60_000);
  it('shows and prints the dossier as `pdf` would with the same settings: compact flow and the QR code', async () => {
    const compact = await startPreview({
      dataDir: data,
      sizes: ['og'],
      sections: ['cover'],
      workers: 1,
      loadSettings: async () => ({ flow: 'compact', qr: { baseUrl: 'https://example.org/roles' } }),
    });
    try {
      const html = (await rawGet(compact.url, '/records/sdet/dossier.html')).body.toString('utf8');
      expect(html).toMatch(/<body class="dossier[^"]* compact"/);
      expect(html).toContain('@bottom-center { content: url(');
      const plain = (await rawGet(server.url, '/records/sdet/dossier.html')).body.toString('utf8');
      expect(plain).not.toMatch(/<body class="dossier[^"]* compact"/);
      const pages = async (base: string) => {
        const response = await rawGet(base, '/records/sdet/dossier.pdf');
        expect(response.status).toBe(200);
        const file = path.join(dir, `${createHash('sha256').update(base).digest('hex').slice(0, 8)}.pdf`);
        writeFileSync(file, response.body);
        return Number(pdfinfo(file).Pages);
      };
      const [sheets, runOn] = [await pages(server.url), await pages(compact.url)];
      expect(runOn).toBeGreaterThan(1);
      expect(runOn).toBeLessThan(sheets);
    } finally {
      await compact.close();
    }
  });
});
