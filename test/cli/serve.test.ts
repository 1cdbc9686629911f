/**
 * `casefile serve` as an operator runs it: bad flags exit 2 before it listens; one access line per
 * request on stdout, none with --quiet; SIGTERM stops accepting, finishes the dossier it is
 * printing (a whole PDF, not a cut one), closes the browser and workers and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../helpers/cli.js';
import { rawRequest } from '../helpers/http.js';
import { pdfinfo, qpdfCheck } from '../helpers/poppler.js';
import { tempDir } from '../helpers/tmp.js';

const SLUG = 'sdet';

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  exited: Promise<number | null>;
}

/** A port free now, for a server that says nothing (--quiet) and so cannot tell which it took. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServe(args: string[], cwd: string, port = 0): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    if (port !== 0) {
      const url = `http://127.0.0.1:${port}`;
      const poll = () => rawRequest(url, '/healthz').then(() => resolve(url), () => setTimeout(poll, 200));
      poll();
    }
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serve: (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`serve exited ${code} before listening: ${stderr}`)));
  });
  return { child, url, stdout: () => stdout, exited };
}

function dataFolder(): string {
  const dir = tempDir('casefile-serve-cli-');
  mkdirSync(path.join(dir, 'data'));
  copyFileSync(path.join(ROOT, 'data', `${SLUG}.json`), path.join(dir, 'data', `${SLUG}.json`));
  return dir;
}

describe('casefile serve', () => {
  it('exits 2 for a bad flag, naming it, before it listens', () => {
    for (const [flag, value] of [['--max-queue', '-1'], ['--cache-mb', '1.5'], ['--port', '70000'], ['--workers', '0'], ['--engine', 'gpu'], ['--timeout', '0']]) {
      const result = runCli(['serve', flag!, value!]);
      expect(result.status, `${flag} ${value}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(flag!.replace(/^--/, ''));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('logs one line per request, and none with --quiet', async () => {
    const dir = dataFolder();
    const quiet = await startServe(['--quiet'], dir, await freePort());
    try {
      expect((await rawRequest(quiet.url, '/healthz')).status).toBe(200);
      expect((await rawRequest(quiet.url, '/nope.pdf')).status).toBe(404);
    } finally {
      quiet.child.kill('SIGTERM');
    }
    expect(await quiet.exited).toBe(0);
    expect(quiet.stdout()).toBe('');
    const loud = await startServe([], dir);
    try {
      await rawRequest(loud.url, '/healthz');
      await rawRequest(loud.url, '/nope.pdf');
    } finally {
      loud.child.kill('SIGTERM');
    }
    expect(await loud.exited).toBe(0);
    expect(loud.stdout().trim().split('\n').map((line) => line.replace(/^\S+ /, '').replace(/ [\d.]+ms /, ' '))).toEqual(['GET /healthz 200 -', 'GET /nope.pdf 404 -']);
  });

  it('on SIGTERM stops accepting, finishes the dossier in flight whole, and exits 0', async () => {
    const dir = dataFolder();
    writeFileSync(path.join(dir, 'casefile.config.json'), JSON.stringify({ flow: 'compact' }));
    const server = await startServe([], dir);
    const printing = rawRequest(server.url, `/${SLUG}.pdf`);
    // The request is in: the server has logged nothing yet because the PDF is still printing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server.child.kill('SIGTERM');
    const response = await printing;
    expect(response.status).toBe(200);
    expect(response.complete).toBe(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(Number(response.headers['content-length'])).toBe(response.body.byteLength);
    const file = path.join(dir, 'served.pdf');
    writeFileSync(file, response.body);
    expect(qpdfCheck(file).ok).toBe(true);
    expect(Number(pdfinfo(file).Pages)).toBeGreaterThan(1);
    expect(await server.exited).toBe(0);
    await expect(rawRequest(server.url, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
    const lines = server.stdout().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/sdet\.pdf 200 [\d.]+ms miss$/);
  });
});
