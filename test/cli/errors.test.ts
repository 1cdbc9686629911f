/** Bad input through the real CLI: one clear message, the right exit code, no stack trace. */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const RECORDS = path.join(FIXTURES, 'records');
const relativeFixture = (name: string) => path.relative(ROOT, path.join(RECORDS, `${name}.json`));

const EXPECTED: Record<string, RegExp> = {
  'expect-error-malformed-json': /:5:3: invalid JSON: comma expected/,
  'expect-error-empty': /:1:1: invalid JSON/,
  'expect-error-missing-field': /:\d+:\d+: \$\.sections\.salary\.quote: missing; expected a string/,
  'expect-error-mistyped-field': /\$\.sections\.salary\.marketAverage: expected a number, received the string "188924"/,
  'expect-error-unknown-section': /\$\.sections\.horoscope: unknown section "horoscope"; expected one of: org-chart/,
  'expect-error-percent-range': /\$\.sections\["flight-risk"\]\.percent: expected a percent from 0 to 100, received the number 150/,
  'expect-error-match-range': /\.match: expected a percent from 0 to 100/,
  'expect-error-bad-slug': /\$\.slug: expected a slug of lower-case letters, digits and hyphens/,
  'expect-error-slug-mismatch': /\$\.slug: expected "expect-error-slug-mismatch"/,
  'expect-error-two-selves': /exactly one position with "self": true/,
  'expect-error-prototype-key': /\$\.__proto__: unknown field "__proto__"/,
};

function assertNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe('casefile validate on bad records', () => {
  const fixtures = readdirSync(RECORDS).filter((name) => name.includes('expect-error')).map((name) => name.replace(/\.json$/, ''));

  it('has an expectation for every expect-error fixture', () => {
    expect(fixtures.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(fixtures)('%s: exits 1 naming the file, the JSON path and what was expected', (name) => {
    const result = runCli(['validate', relativeFixture(name)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${relativeFixture(name)}:`);
    expect(result.stderr).toMatch(EXPECTED[name]!);
    assertNoStackTrace(result.stderr);
  });

  it('accepts a valid record and exits 0', () => {
    const result = runCli(['validate', relativeFixture('valid-record')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/1 valid, 0 invalid/);
  });

  it('validates a whole data folder and reports each bad record', () => {
    const result = runCli(['validate', '--data-dir', path.relative(ROOT, RECORDS)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/1 valid, 11 invalid/);
    for (const name of fixtures) expect(result.stderr).toContain(`${name}.json`);
  });

  it('reports machine-readable errors with --json', () => {
    const result = runCli(['validate', relativeFixture('expect-error-percent-range'), '--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.valid).toBe(false);
    expect(report.results[0].error).toMatchObject({ code: 'E_SCHEMA', path: '$.sections["flight-risk"].percent', line: expect.any(Number) });
  });
});

describe('slugs that are not slugs', () => {
  it.each(['..', 'Lead_Infra', 'a b', 'ROLE'])('refuses %j as bad usage (exit 2)', (slug) => {
    const result = runCli(['validate', slug]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/invalid slug .*\[a-z0-9-\]\+/);
    assertNoStackTrace(result.stderr);
  });

  it('refuses a record linked from outside the data folder', () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    mkdirSync(data);
    copyFileSync(path.join(RECORDS, 'valid-record.json'), path.join(dir, 'valid-record.json'));
    symlinkSync(path.join(dir, 'valid-record.json'), path.join(data, 'valid-record.json'));
    const result = runCli(['validate', 'valid-record', '--data-dir', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/record "valid-record\.json" would leave .*data; expected a path inside it/);
  });

  it('says when a slug has no record', () => {
    const result = runCli(['pdf', 'no-such-role']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no record at .*data\/no-such-role\.json; run `casefile list`/);
  });
});

describe('usage errors', () => {
  it.each([
    [['frobnicate'], /Unknown argument: frobnicate|Did you mean/],
    [[], /Name a command/],
    [['pdf'], /Not enough non-option arguments/],
    [['validate', '--no-such-flag'], /Unknown argument/],
    [['pdf', 'lead-infrastructure-engineer', '--paper', 'napkin'], /Invalid values:[\s\S]*paper/],
  ])('casefile %j exits 2 with the reason and a pointer to --help', (args, message) => {
    const result = runCli(args as string[]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/--help/);
    assertNoStackTrace(result.stderr);
  });
});

describe('no browser', () => {
  it('says in one line what to install or set, and exits 1', () => {
    const out = tempDir();
    const result = runCli(['pdf', 'lead-infrastructure-engineer', '--out-dir', out], { env: { CASEFILE_BROWSER: '/nonexistent/chrome' } });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/CASEFILE_BROWSER names \/nonexistent\/chrome, which is not an executable file/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('a failed render never destroys good output', () => {
  it('keeps the last good PDF when the record turns bad', () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const out = path.join(dir, 'out');
    mkdirSync(data);
    const record = JSON.parse(readFileSync(path.join(RECORDS, 'valid-record.json'), 'utf8'));
    writeFileSync(path.join(data, 'valid-record.json'), JSON.stringify(record));
    expect(runCli(['pdf', 'valid-record', '--data-dir', data, '--out-dir', out]).status).toBe(0);
    const good = readFileSync(path.join(out, 'valid-record.pdf'));

    record.sections['flight-risk'].percent = 300;
    writeFileSync(path.join(data, 'valid-record.json'), JSON.stringify(record));
    const result = runCli(['pdf', 'valid-record', '--data-dir', data, '--out-dir', out]);
    expect(result.status).toBe(1);
    expect(readFileSync(path.join(out, 'valid-record.pdf')).equals(good)).toBe(true);
    expect(readdirSync(out)).toEqual(['valid-record.pdf']);
  });

  it('fails clearly when the output folder cannot be written', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'out'), 'a file, not a folder');
    const result = runCli(['pdf', 'lead-infrastructure-engineer', '--out-dir', path.join(dir, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot write .*lead-infrastructure-engineer\.pdf: /);
    assertNoStackTrace(result.stderr);
  });
});
