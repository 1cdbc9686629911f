import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { pdftotext } from '../helpers/poppler.js';
import { tempDir } from '../helpers/tmp.js';

const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

describe('casefile CLI basics', () => {
  it('prints its version', () => {
    const result = runCli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(VERSION);
  });

  it.each(['pdf', 'validate', 'list'])('%s --help shows usage and examples', (command) => {
    const result = runCli([command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`casefile ${command}`);
    expect(result.stdout).toMatch(/Examples:/);
  });

  it('refuses a bad dossier layout, QR URL or browser choice for preview before serving, with exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['--layout', 'tiny'], /Invalid values:[\s\S]*layout/],
      [['--base-url', 'ftp://example.org'], /Invalid value for --base-url: expected an http\(s\) URL/],
      [['--browser', '/usr/bin/chromium', '--browser-ws', 'ws://127.0.0.1:9222/devtools/browser/x'], /--browser launches a browser and --browser-ws connects/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(['preview', '--port', '0', ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('lists the records with their titles', () => {
    const result = runCli(['list']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^lead-infrastructure-engineer\s+Lead Infrastructure Engineer$/m);
  });

  it('lists as JSON with --json', () => {
    const result = runCli(['list', '--json']);
    const report = JSON.parse(result.stdout);
    expect(report.records).toContainEqual(expect.objectContaining({ slug: 'lead-infrastructure-engineer', valid: true }));
  });

  it('never colours output when NO_COLOR is set or stdout is not a terminal', () => {
    const result = runCli(['validate', 'test/fixtures/records/expect-error-empty.json'], { env: { FORCE_COLOR: '' } });
    expect(result.stderr).not.toMatch(/\u001b\[/);
  });

  it('colours when asked to with FORCE_COLOR, unless NO_COLOR', () => {
    const coloured = runCli(['validate', 'test/fixtures/records/expect-error-empty.json'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stderr).toMatch(/\u001b\[31merror:/);
  });

  it('prints a dossier PDF, quietly with --quiet, as JSON with --json', () => {
    const out = tempDir();
    const quiet = runCli(['pdf', 'lead-infrastructure-engineer', '--out-dir', out, '--quiet']);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toBe('');
    const json = runCli(['pdf', 'lead-infrastructure-engineer', '--out-dir', out, '--json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.outputs[0]).toMatchObject({ slug: 'lead-infrastructure-engineer', output: path.join(out, 'lead-infrastructure-engineer.pdf') });
    expect(pdftotext(report.outputs[0].output)).toContain('SALARY DELUSION');
  });

  it('says which browser it used with --verbose, on stderr', () => {
    const out = tempDir();
    const result = runCli(['pdf', 'lead-infrastructure-engineer', '--out-dir', out, '--verbose']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/browser: .+ \(from (system|CASEFILE_BROWSER|PUPPETEER_EXECUTABLE_PATH|puppeteer cache)\)/);
  });
});
