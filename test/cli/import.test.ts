/** `casefile import` as a user runs it: page texts in, `<data-dir>/<slug>.json` out, each text failing alone. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const SOURCE = path.join(FIXTURES, 'source', 'lead-infrastructure-engineer.txt');
const GOOD = path.join(FIXTURES, 'page-text', 'cli', 'night-shift-sre.txt');
const BAD = path.join(FIXTURES, 'page-text', 'cli', 'expect-error-missing-salary.txt');
const LEAD = 'lead-infrastructure-engineer';

/** A data folder with copies of data/*.json, except those of `without`. */
function dataDir(without: string[] = []): string {
  const dir = path.join(tempDir(), 'data');
  mkdirSync(dir);
  for (const name of readdirSync(path.join(ROOT, 'data'))) {
    if (name.endsWith('.json') && !without.includes(path.basename(name, '.json'))) copyFileSync(path.join(ROOT, 'data', name), path.join(dir, name));
  }
  return dir;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('casefile import', () => {
  it('turns the shipped page text into the shipped record, with a one-node org chart, and says so', () => {
    const data = dataDir([LEAD]);
    const result = runCli(['import', SOURCE, '--data-dir', data]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^1 imported, 0 failed$/m);
    // Without --verbose only notices are shown, as file:line: kind: message.
    expect(result.stderr).toMatch(/lead-infrastructure-engineer\.txt:\d+: notice: .*org chart/);
    expect(result.stderr).not.toMatch(/: split: /);

    const written = path.join(data, `${LEAD}.json`);
    const text = readFileSync(written, 'utf8');
    const imported = JSON.parse(text);
    const shipped = readJson(path.join(ROOT, 'data', `${LEAD}.json`));
    expect(Object.keys(imported)[0]).toBe('$schema');
    expect(imported.$schema).toBe(path.relative(data, path.join(ROOT, 'docs', 'record.schema.json')).split(path.sep).join('/'));
    expect(text).toBe(`${JSON.stringify(imported, null, 2)}\n`);
    expect(imported.sections['org-chart'].chart).toEqual({ label: shipped.title, self: true });
    const withoutChart = (record: { $schema?: string; sections: Record<string, Record<string, unknown>> }) => {
      const { $schema: _schema, ...rest } = record;
      const { chart: _chart, ...orgChart } = rest.sections['org-chart']!;
      return { ...rest, sections: { ...rest.sections, 'org-chart': orgChart } };
    };
    expect(withoutChart(imported)).toEqual(withoutChart(shipped));
    // What was written is a record the other commands read.
    expect(runCli(['validate', LEAD, '--data-dir', data]).status).toBe(0);
  });

  it('lists every split and word kept whole with --verbose', () => {
    const result = runCli(['import', SOURCE, '--data-dir', dataDir([LEAD]), '--verbose']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/lead-infrastructure-engineer\.txt:7: split: \[01\] aliases: split at /);
    expect(result.stderr).toMatch(/: notice: /);
  });

  it('prints the JSON of one text with --stdout and writes nothing', () => {
    const data = dataDir([LEAD]);
    const result = runCli(['import', SOURCE, '--data-dir', data, '--stdout']);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(path.join(data, `${LEAD}.json`))).toBe(false);
    const printed = JSON.parse(result.stdout);
    expect(printed.slug).toBe(LEAD);
    expect(Object.keys(printed)[0]).toBe('$schema');
    // The same bytes an import writes.
    expect(runCli(['import', SOURCE, '--data-dir', data, '--quiet']).status).toBe(0);
    expect(readFileSync(path.join(data, `${LEAD}.json`), 'utf8')).toBe(result.stdout);
  });

  it('never overwrites an existing record without --force: that text fails, the file stays byte for byte', () => {
    const data = dataDir();
    const target = path.join(data, `${LEAD}.json`);
    const before = readFileSync(target);
    const refused = runCli(['import', SOURCE, '--data-dir', data]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/error: .*lead-infrastructure-engineer\.txt: .*lead-infrastructure-engineer\.json already exists; use --force/);
    expect(refused.stdout).toMatch(/^0 imported, 1 failed$/m);
    expect(readFileSync(target).equals(before)).toBe(true);

    const forced = runCli(['import', SOURCE, '--data-dir', data, '--force']);
    expect(forced.status).toBe(0);
    expect(readJson(target).sections['org-chart'].chart).toEqual({ label: 'Lead Infrastructure Engineer', self: true });
  });

  it('imports the good texts of a batch and fails the bad one alone, with its file and line', () => {
    const data = dataDir();
    const result = runCli(['import', BAD, GOOD, '--data-dir', data]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^1 imported, 1 failed$/m);
    expect(result.stderr).toMatch(/error: .*expect-error-missing-salary\.txt:\d+: .*\[03\]/);
    expect(readJson(path.join(data, 'night-shift-sre.json')).title).toBe('Night Shift SRE');
    expect(existsSync(path.join(data, 'night-shift-sre-broken.json'))).toBe(false);
  });

  it('refuses a text missing a section with exit 1, file:line and the section, and writes nothing', () => {
    const data = dataDir();
    const before = readdirSync(data).sort();
    const result = runCli(['import', BAD, '--data-dir', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: test\/fixtures\/page-text\/cli\/expect-error-missing-salary\.txt:11: .*\[03\] SALARY DELUSION/m);
    expect(readdirSync(data).sort()).toEqual(before);
  });

  it('reports a batch as JSON with --json', () => {
    const data = dataDir();
    const result = runCli(['import', GOOD, BAD, '--data-dir', data, '--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ imported: 1, failed: 1 });
    expect(report.results).toHaveLength(2);
    expect(report.results[0]).toMatchObject({ source: GOOD, imported: true, slug: 'night-shift-sre', output: path.join(data, 'night-shift-sre.json'), overwritten: false });
    expect(report.results[0].notes).toContainEqual(expect.objectContaining({ kind: 'notice', line: expect.any(Number), message: expect.any(String) }));
    expect(report.results[1]).toMatchObject({ source: BAD, imported: false, error: { code: 'E_TEXT', file: BAD, line: 11 } });
    // Nothing but the JSON document on stdout, and no notes on stderr.
    expect(result.stderr).toBe('');
  });

  it('refuses to put <slug>.json beside <slug>.txt in the data folder, naming both', () => {
    const data = dataDir();
    copyFileSync(GOOD, path.join(data, 'night-shift-sre.txt'));
    const result = runCli(['import', GOOD, '--data-dir', data, '--force']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/night-shift-sre\.json and .*night-shift-sre\.txt/);
    expect(existsSync(path.join(data, 'night-shift-sre.json'))).toBe(false);
  });

  it.each([
    [[], /Not enough non-option arguments/],
    [[GOOD, path.join(ROOT, 'data', 'sdet.json')], /expected page texts named \*\.txt; received ".*sdet\.json"/],
    [[GOOD, SOURCE, '--stdout'], /--stdout prints the JSON of one text; received 2 texts/],
  ])('refuses bad usage with exit 2 and writes nothing: %j', (args, message) => {
    const data = dataDir([LEAD]);
    const before = readdirSync(data).sort();
    const result = runCli(['import', ...args, '--data-dir', data]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(data).sort()).toEqual(before);
  });

  it('has examples in --help', () => {
    const result = runCli(['import', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('casefile import <files..>');
    expect(result.stdout).toMatch(/Examples:[\s\S]*casefile import pages\/\*\.txt/);
  });

  it('prints nothing but errors with --quiet', () => {
    const data = dataDir();
    writeFileSync(path.join(data, 'night-shift-sre.json'), '{}');
    const result = runCli(['import', GOOD, SOURCE, '--data-dir', data, '--quiet', '--force']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });
});
