/** `casefile export` as a user runs it: one record's page text on stdout, or each to <out-dir>/<slug>.txt, and back with import. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const SLUGS = readdirSync(path.join(ROOT, 'data'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => path.basename(name, '.json'));

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

function withoutSchema(record: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, ...rest } = record;
  return rest;
}

describe('casefile export', () => {
  it('prints one record\'s page text on stdout', () => {
    const result = runCli(['export', 'lead-infrastructure-engineer']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.startsWith('FILE RECORD: LEAD-INFRASTRUCTURE-ENGINEER\nWHAT DOES A LEAD INFRASTRUCTURE ENGINEER ACTUALLY DO?\n')).toBe(true);
    expect(result.stdout).toContain('\nORG CHART:\n');
    expect(result.stdout.endsWith('→ sdet\n')).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('writes <out-dir>/<slug>.txt for each record, reporting each file, the same text as stdout', () => {
    const out = tempDir();
    const result = runCli(['export', ...SLUGS, '--out-dir', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(SLUGS.map((slug) => `${slug}.txt`).sort());
    for (const slug of SLUGS) expect(result.stdout).toContain(path.join(out, `${slug}.txt`));
    expect(readFileSync(path.join(out, 'sdet.txt'), 'utf8')).toBe(runCli(['export', 'sdet']).stdout);
  });

  it('fails a missing record alone: the others are written, and it exits 1', () => {
    const out = tempDir();
    const result = runCli(['export', 'sdet', 'no-such-role', 'enterprise-architect', '--out-dir', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error: .*no-such-role\.json: no record at/);
    expect(readdirSync(out).sort()).toEqual(['enterprise-architect.txt', 'sdet.txt']);
    expect(runCli(['export', 'no-such-role']).status).toBe(1);
  });

  it('refuses a record the page text cannot hold, naming the value, and writes nothing for it', () => {
    const dir = tempDir();
    const record = readJson(path.join(ROOT, 'data', 'sdet.json'));
    record.slug = 'broken-role';
    record.sections.metrics.items[0].name = 'Tests\nwritten';
    const file = path.join(dir, 'broken-role.json');
    writeFileSync(file, JSON.stringify(record));
    const out = path.join(dir, 'out');
    const result = runCli(['export', file, '--out-dir', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('$.sections.metrics.items[0].name: cannot be written as page text');
    expect(result.stderr).toContain('line break');
    expect(existsSync(path.join(out, 'broken-role.txt'))).toBe(false);
  });

  it('sums up as JSON with --json', () => {
    const out = tempDir();
    const result = runCli(['export', 'sdet', 'no-such-role', '--out-dir', out, '--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.outputs).toEqual([expect.objectContaining({ slug: 'sdet', output: path.join(out, 'sdet.txt') })]);
    expect(report.failures).toEqual([expect.objectContaining({ reference: 'no-such-role', error: expect.objectContaining({ code: 'E_NOT_FOUND' }) })]);
  });

  it('shows usage and examples with --help', () => {
    const result = runCli(['export', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('casefile export');
    expect(result.stdout).toMatch(/Examples:[\s\S]*--out-dir/);
  });

  it('round-trips through the CLI: export, then import, gives every record back', () => {
    const dir = tempDir();
    const out = path.join(dir, 'pages');
    const data = path.join(dir, 'data');
    mkdirSync(data);
    expect(runCli(['export', ...SLUGS, '--out-dir', out]).status).toBe(0);
    const imported = runCli(['import', ...SLUGS.map((slug) => path.join(out, `${slug}.txt`)), '--data-dir', data]);
    expect(imported.status, imported.stderr).toBe(0);
    for (const slug of SLUGS) {
      expect(withoutSchema(readJson(path.join(data, `${slug}.json`))), slug).toEqual(withoutSchema(readJson(path.join(ROOT, 'data', `${slug}.json`))));
    }
  });
});
