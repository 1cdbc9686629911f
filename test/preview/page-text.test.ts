/**
 * `casefile preview` with a page text (`.txt`) record: it is listed and shown like a JSON record,
 * and editing the text tells the open pages of that record, and only those, to redraw.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const SLUG = 'night-shift-sre';

async function text(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

/** Opens the server's event stream and resolves with the first `change` event's slug. */
function nextChange(base: string): { ready: Promise<void>; change: Promise<string>; close: () => void } {
  let request: http.ClientRequest | undefined;
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const change = new Promise<string>((resolve, reject) => {
    request = http.get(`${base}/events`, (response) => {
      onReady();
      let buffered = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffered += chunk;
        const match = /event: change\ndata: (.+)\n/.exec(buffered);
        if (match) resolve((JSON.parse(match[1]!) as { slug: string }).slug);
      });
    });
    request.on('error', reject);
  });
  return { ready, change, close: () => request?.destroy() };
}

describe('casefile preview with a page text record', () => {
  let data: string;
  let server: PreviewServer;

  beforeAll(async () => {
    data = path.join(tempDir(), 'data');
    mkdirSync(data);
    copyFileSync(path.join(ROOT, 'data', 'sdet.json'), path.join(data, 'sdet.json'));
    copyFileSync(path.join(FIXTURES, 'page-text', 'cli', `${SLUG}.txt`), path.join(data, `${SLUG}.txt`));
    server = await startPreview({ dataDir: data, port: 0, sizes: ['og'], sections: ['cover'], workers: 1, concurrency: 1, loadSettings: async () => ({}) });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('lists and shows the .txt record', async () => {
    const index = await text(`${server.url}/`);
    expect(index.body).toContain(SLUG);
    const page = await text(`${server.url}/records/${SLUG}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Night Shift SRE');
  });

  it('tells that record\'s pages to redraw when its text is edited, and shows the edit', async () => {
    const events = nextChange(server.url);
    try {
      await events.ready;
      const file = path.join(data, `${SLUG}.txt`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('Night Shift SRE\n', 'Graveyard Shift SRE\n'));
      expect(await events.change).toBe(SLUG);
    } finally {
      events.close();
    }
    expect((await text(`${server.url}/records/${SLUG}`)).body).toContain('Graveyard Shift SRE');
  }, 30_000);
});
