/**
 * --browser-ws against a second, real Chromium this test starts with --remote-debugging-port=0
 * (its DevTools URL read from its stderr): the same bytes as a local print, the same page guards,
 * nothing of casefile's left in that browser afterwards, the browser itself left running, and a
 * connection dropped mid-print reconnected with the document retried once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import puppeteer, { type BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDossier } from '../../src/api/dossier.js';
import { findBrowser } from '../../src/browser/find.js';
import { remoteChromiumArgs } from '../../src/browser/connect.js';
import { withBrowser } from '../../src/browser/launch.js';
import { createDossierPrinter } from '../../src/browser/printer.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { pdftotext } from '../helpers/poppler.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const dataDir = path.join(ROOT, 'data');
const record = loadDataRecord('enterprise-architect');
const dir = tempDir('casefile-remote-');
// With the QR code in every footer, so the footer's SVG image is compared too.
const QR = { baseUrl: 'https://example.org/roles' };

interface Remote {
  process: ChildProcess;
  ws: string;
  /** host:port of its DevTools HTTP endpoint. */
  host: string;
}

/** A Chromium casefile did not launch, started with the flags casefile documents for it (remoteChromiumArgs). */
async function startRemoteChromium(): Promise<Remote> {
  const { executablePath } = await findBrowser();
  // A process group of its own, so that the whole browser (its helper processes too) can be stopped at once.
  const child = spawn(executablePath, [...remoteChromiumArgs(), '--remote-debugging-port=0', `--user-data-dir=${path.join(dir, 'remote-profile')}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const ws = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`remote Chromium exited (${code}): ${stderr}`)));
  });
  return { process: child, ws, host: new URL(ws).host };
}

/** What the remote browser holds: its contexts (seen from a connection of our own) and its page targets. */
async function remoteState(remote: Remote): Promise<{ contexts: string[]; pages: string[] }> {
  const observer = await puppeteer.connect({ browserWSEndpoint: remote.ws });
  try {
    const contexts = observer.browserContexts().map((context) => context.id ?? 'default');
    const list = (await (await fetch(`http://${remote.host}/json/list`)).json()) as { type: string; url: string; id: string }[];
    return { contexts, pages: list.filter((target) => target.type === 'page').map((target) => `${target.id} ${target.url}`).sort() };
  } finally {
    await observer.disconnect();
  }
}

/** A TCP relay in front of the remote browser whose connections the test can cut, as a flaky network would. */
function startRelay(target: string): Promise<{ url: (ws: string) => string; cut: () => number; close: () => void }> {
  const [host, port] = target.split(':') as [string, string];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const relayPort = (server.address() as net.AddressInfo).port;
      resolve({
        url: (ws) => ws.replace(target, `127.0.0.1:${relayPort}`),
        cut: () => {
          const count = sockets.size;
          for (const socket of sockets) socket.destroy();
          return count;
        },
        close: () => server.close(),
      });
    }),
  );
}

describe('printing in a remote browser (--browser-ws)', () => {
  let remote: Remote;
  let before: { contexts: string[]; pages: string[] };
  let local: Uint8Array;

  beforeAll(async () => {
    remote = await startRemoteChromium();
    before = await remoteState(remote);
    // The local reference print, in a browser of its own closed before the remote one is used.
    local = await withBrowser({}, async (browser) => (await renderDossier(browser, record, { dataDir, qr: QR })).pdf);
  }, 120_000);
  afterAll(async () => {
    const browser = remote?.process;
    if (!browser?.pid || browser.exitCode !== null || browser.signalCode !== null) return;
    const exited = new Promise((resolve) => browser.once('exit', resolve));
    process.kill(-browser.pid, 'SIGKILL');
    await exited;
  });

  it('prints the same bytes as a local browser, in a context of its own that it disposes, leaving the browser running', async () => {
    const printer = createDossierPrinter({ concurrency: 2, browserWs: remote.ws });
    let during: string[] = [];
    let ownContext = '';
    const pdf = await printer.print(async (pages) => {
      ownContext = (pages as BrowserContext).id!;
      during = (await remoteState(remote)).contexts;
      return (await renderDossier(pages, record, { dataDir, qr: QR })).pdf;
    });
    await printer.close();

    expect(Buffer.from(pdf).equals(Buffer.from(local))).toBe(true);
    expect(ownContext).toMatch(/^[0-9A-F]{32}$/);
    expect(during).toContain(ownContext);
    expect(before.contexts).toEqual(['default']);
    expect(await remoteState(remote)).toEqual(before);
    expect(remote.process.exitCode).toBeNull();
    expect(remote.process.signalCode).toBeNull();
  }, 120_000);

  it('keeps the page guards: JavaScript off, requests answered by casefile', async () => {
    const templates = path.join(dir, 'hostile-templates');
    mkdirSync(path.join(templates, 'partials'), { recursive: true });
    writeFileSync(
      path.join(templates, 'partials', 'cover.hbs'),
      `<p>TEMPLATE-RENDERED</p><script>document.body.insertAdjacentText('beforeend', 'EXEC' + 'UTED')</script><img src="http://127.0.0.1:9/remote-img.png">`,
    );
    const out = path.join(dir, 'guarded');
    const result = runCli(['pdf', 'enterprise-architect', '--out-dir', out, '--templates', templates, '--json'], { env: { CASEFILE_BROWSER_WS: remote.ws } });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).outputs[0].blockedRequests).toContain('http://127.0.0.1:9/remote-img.png');
    const text = pdftotext(path.join(out, 'enterprise-architect.pdf'));
    expect(text).toContain('TEMPLATE-RENDERED');
    expect(text).not.toContain('EXECUTED');
    expect(await remoteState(remote)).toEqual(before);
  }, 120_000);

  it('says which browser it could not reach, without its session id, and exits 1', () => {
    const result = runCli(['pdf', 'sdet', '--out-dir', path.join(dir, 'unreachable'), '--browser-ws', 'ws://127.0.0.1:9/devtools/browser/secret-session']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: could not connect to the browser at ws:\/\/127\.0\.0\.1:9\/…: /m);
    expect(result.stderr).not.toContain('secret-session');
  });

  it('reconnects after the connection drops mid-print and retries the document once', async () => {
    const relay = await startRelay(remote.host);
    const printer = createDossierPrinter({ concurrency: 1, browserWs: relay.url(remote.ws) });
    let attempts = 0;
    let cutSockets = 0;
    try {
      const pdf = await printer.print(async (pages) => {
        attempts += 1;
        if (attempts === 1) {
          // Cut the connection once the document's page is open in the remote browser: a print in flight.
          void (async () => {
            for (let tries = 0; tries < 2000 && cutSockets === 0; tries += 1) {
              const list = (await (await fetch(`http://${remote.host}/json/list`)).json()) as { url: string }[];
              if (list.some((target) => target.url.startsWith('https://casefile.invalid/'))) cutSockets = relay.cut();
              else await new Promise((resolve) => setTimeout(resolve, 10));
            }
          })();
        }
        return (await renderDossier(pages, record, { dataDir, qr: QR })).pdf;
      });
      expect(cutSockets).toBeGreaterThan(0);
      expect(attempts).toBe(2);
      expect(printer.relaunches).toBe(1);
      expect(Buffer.from(pdf).equals(Buffer.from(local))).toBe(true);
    } finally {
      await printer.close();
      relay.close();
    }
    // The context the dropped connection left is disposed from the new one.
    expect(await remoteState(remote)).toEqual(before);
    expect(remote.process.exitCode).toBeNull();
  }, 180_000);
});
