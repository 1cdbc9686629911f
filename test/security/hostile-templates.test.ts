/**
 * Templates are trusted code, but the page they make is not given the means to do harm: a
 * hostile --templates folder (script, network and file: URLs, links out of its folder) runs no
 * script, reaches no listener, reads no file outside the mounted folders, and every refused
 * request is counted. Template names cannot reach outside the templates folder. And the page's
 * other limits: HTML size, a time limit per document, the sandbox unless root.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDossier } from '../../src/api/dossier.js';
import { runningAsRoot } from '../../src/browser/launch.js';
import { MAX_HTML_BYTES, renderPdf } from '../../src/dossier/pdf.js';
import { pageGeometry } from '../../src/dossier/paper.js';
import { loadTemplates } from '../../src/dossier/templates.js';
import { useBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { pdftotext } from '../helpers/poppler.js';
import { fixtureRecordFile, loadFixtureRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';
import { startListener, type Listener } from './listener.js';
import { CANARY, PASSWD_MARK } from './payloads.js';

const RUN = `'EXEC'+'UTED-'+6*7`;
const root = tempDir('casefile-hostile-templates-');
const templatesDir = path.join(root, 'templates');
const dataDir = path.join(root, 'data');
const recordFile = fixtureRecordFile('valid-record');
const record = loadFixtureRecord('valid-record');
const page = pageGeometry('a4', false, { bleedMm: 0, cropMarks: false });
let listener: Listener;
const browser = useBrowser();

function hostilePartial(url: string): string {
  return `<p>TEMPLATE-RENDERED</p>
<script>document.body.insertAdjacentText('beforeend', ${RUN})</script>
<img src="x" onerror="document.body.insertAdjacentText('beforeend', ${RUN})">
<svg onload="document.body.insertAdjacentText('beforeend', ${RUN})"></svg>
<iframe srcdoc="<p><script>document.write(${RUN})</script></p>"></iframe>
<iframe src="data:text/html,<p><script>document.write(${RUN})</script></p>"></iframe>
<img src="${url}/tpl-img">
<link rel="stylesheet" href="${url}/tpl-link.css">
<iframe src="${url}/tpl-iframe"></iframe>
<object data="${url}/tpl-object"></object>
<svg><image href="${url}/tpl-svg-image" width="10" height="10"/></svg>
<video poster="${url}/tpl-poster"></video>
<link rel="stylesheet" href="file:///etc/passwd">
<iframe src="file:///etc/passwd"></iframe>
<object data="file:///etc/passwd" type="text/plain"></object>
<img src="file:///etc/passwd">
<link rel="stylesheet" href="https://casefile.invalid/assets/theme/outside-link.css">
<link rel="stylesheet" href="https://casefile.invalid/assets/theme/%2e%2e%2fsecret.css">
<link rel="stylesheet" href="https://casefile.invalid/assets/data/..%2fsecret.css">
<link rel="stylesheet" href="https://casefile.invalid/assets/fonts/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd.css">
<link rel="stylesheet" href="https://casefile.invalid/etc/passwd">
`;
}

beforeAll(async () => {
  listener = await startListener();
  mkdirSync(path.join(templatesDir, 'partials'), { recursive: true });
  mkdirSync(dataDir);
  writeFileSync(path.join(templatesDir, 'partials', 'habitat.hbs'), hostilePartial(listener.url));
  writeFileSync(
    path.join(templatesDir, 'dossier.css'),
    `@import url("${listener.url}/tpl-import.css");\n@import url("file:///etc/passwd");\n` +
      `body { background: url("${listener.url}/tpl-background.png"); }\n` +
      `@font-face { font-family: Leak; src: url("file:///etc/passwd"); }\n.habitat { font-family: Leak, serif; }\n`,
  );
  // Files outside the mounted folders, each of which would print a marker if it were served.
  writeFileSync(path.join(root, 'secret.css'), 'body::after { content: "LEAKED-OUTSIDE"; }\n');
  writeFileSync(path.join(root, 'outside.hbs'), 'LEAKED-PARTIAL\n');
  symlinkSync(path.join(root, 'secret.css'), path.join(templatesDir, 'outside-link.css'));
});

afterAll(async () => {
  await listener?.close();
});

describe('a hostile --templates folder', () => {
  let text: string;
  let blocked: string[];

  beforeAll(async () => {
    const rendered = await renderDossier(browser(), record, { templatesDir, dataDir });
    blocked = rendered.blockedRequests;
    const file = path.join(root, 'templated.pdf');
    writeFileSync(file, rendered.pdf);
    text = pdftotext(file);
  });

  it('is used (its partial printed), yet runs no script', () => {
    expect(text).toContain('TEMPLATE-RENDERED');
    expect(text).not.toContain(CANARY);
    expect(text.replace(/\s+/g, '')).not.toContain(CANARY);
  });

  it('reaches no listener: every network request was refused and counted', () => {
    expect(listener.requests).toEqual([]);
    const toListener = blocked.filter((url) => url.startsWith(listener.url));
    expect(toListener.length).toBeGreaterThanOrEqual(5);
    expect(toListener.some((url) => url.endsWith('/tpl-img'))).toBe(true);
    expect(toListener.some((url) => url.endsWith('/tpl-import.css'))).toBe(true);
  });

  it('reads no file outside the mounted folders: file: URLs, encoded .. and links out are refused', () => {
    expect(text).not.toContain(PASSWD_MARK);
    expect(text).not.toContain('LEAKED');
    // Chromium itself refuses file: from an https page; were one asked for, it would be blocked here.
    expect(blocked.filter((url) => !url.startsWith('https://casefile.invalid/') && !url.startsWith(listener.url))).toEqual(
      blocked.filter((url) => url.startsWith('file:')),
    );
    expect(blocked).toEqual(
      expect.arrayContaining([
        'https://casefile.invalid/assets/theme/outside-link.css',
        'https://casefile.invalid/assets/theme/%2e%2e%2fsecret.css',
        'https://casefile.invalid/assets/data/..%2fsecret.css',
      ]),
    );
  });
});

describe('template names stay inside the templates folder', () => {
  it('does not resolve a partial by a path: {{> ../outside}} is an unknown partial, not a file read', async () => {
    const dir = path.join(root, 'dotdot');
    mkdirSync(path.join(dir, 'partials'), { recursive: true });
    writeFileSync(path.join(dir, 'partials', 'habitat.hbs'), '{{> ../outside}}{{> ../../outside}}{{> [/etc/passwd]}}');
    const templates = await loadTemplates(dir);
    const failure = await renderDossier(browser(), record, { templates, dataDir }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'E_TEMPLATE' });
    expect(String((failure as Error).message)).toMatch(/could not be found/);
    expect(String((failure as Error).message)).not.toContain('LEAKED');
  });

  it.each([
    ['a partial', 'partials/cover.hbs'],
    ['a layout', 'dossier.hbs'],
  ])('refuses %s that links out of the folder', async (_what, name) => {
    const dir = path.join(root, `link-${name.replace(/\W/g, '-')}`);
    mkdirSync(path.join(dir, 'partials'), { recursive: true });
    symlinkSync(path.join(root, 'outside.hbs'), path.join(dir, name));
    await expect(loadTemplates(dir)).rejects.toMatchObject({ code: 'E_PATH' });
  });

  it('refuses a layout that links to /etc/passwd, through the CLI too', () => {
    const dir = path.join(root, 'passwd');
    mkdirSync(dir);
    symlinkSync('/etc/passwd', path.join(dir, 'dossier.hbs'));
    const result = runCli(['pdf', recordFile, '--templates', dir, '--out-dir', path.join(root, 'cli-out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/template "dossier.hbs" would leave/);
    expect(result.stderr + result.stdout).not.toContain(PASSWD_MARK);
  });
});

describe('the page\'s limits', () => {
  it('refuses HTML over the size cap before opening a page', async () => {
    const before = (await browser().pages()).length;
    const failure = await renderPdf(browser(), `<p>${'x'.repeat(MAX_HTML_BYTES)}</p>`, { page, mounts: {} }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'E_RENDER' });
    expect(String((failure as Error).message)).toContain(`expected at most ${MAX_HTML_BYTES}`);
    expect((await browser().pages()).length).toBe(before);
  });

  it('refuses a record that balloons into more HTML than the cap (200 items of 4000 "<", escaped)', async () => {
    const huge = structuredClone(record);
    const item = { name: '<'.repeat(4000), description: '<'.repeat(4000) };
    huge.sections.metrics.items = Array.from({ length: 200 }, () => item);
    huge.sections.weaponry.items = Array.from({ length: 200 }, () => item);
    await expect(renderDossier(browser(), huge, { dataDir })).rejects.toMatchObject({ code: 'E_RENDER', message: expect.stringMatching(/expected at most/) });
  });

  it('stops a document that runs past its time limit, and leaves the browser usable', async () => {
    await expect(renderDossier(browser(), record, { dataDir, timeoutMs: 1 })).rejects.toMatchObject({ code: 'E_TIMEOUT' });
    const after = await renderDossier(browser(), record, { dataDir });
    expect(Buffer.from(after.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('wires --timeout through the CLI, and refuses 0 (which would mean no limit)', () => {
    const out = path.join(root, 'timeout-out');
    const slow = runCli(['pdf', recordFile, '--timeout', '0.001', '--out-dir', out]);
    expect(slow.status).toBe(1);
    expect(slow.stderr).toMatch(/timeout|timed out|exceeded/i);
    const zero = runCli(['pdf', recordFile, '--timeout', '0', '--out-dir', out]);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('Invalid value for --timeout');
  });

  it('keeps Chromium\'s sandbox unless running as root, and says so once with --verbose', () => {
    const args = browser().process()!.spawnargs;
    expect(args.includes('--no-sandbox')).toBe(runningAsRoot());
    const out = path.join(root, 'verbose-out');
    const data = path.join(root, 'verbose-data');
    mkdirSync(data);
    for (const slug of ['one', 'two']) writeFileSync(path.join(data, `${slug}.json`), JSON.stringify({ ...record, slug }));
    const result = runCli(['build', '--data-dir', data, '--out-dir', out, '--only', 'dossier', '--templates', templatesDir, '--verbose', '--json']);
    expect(result.status).toBe(0);
    const notices = result.stderr.split('\n').filter((line) => line.includes('--no-sandbox'));
    expect(notices).toHaveLength(runningAsRoot() ? 1 : 0);
    // Blocked requests are counted in the result and named with --verbose.
    expect(JSON.parse(result.stdout).blockedRequests).toBeGreaterThanOrEqual(20);
    expect(result.stderr).toContain(`one: blocked request: ${listener.url}/tpl-img`);
    expect(listener.requests).toEqual([]);
  });
});
