/** `casefile cards` as a subprocess: files written, exit codes, warnings on stderr, --json. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardAltText } from '../../src/cards/alt-text/card-alt.js';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { decodePng, PNG_MAGIC } from '../helpers/png.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const SLUG = 'lead-infrastructure-engineer';

describe('casefile cards', () => {
  it('writes the asked-for cards and sizes, atomically named, and lists them', () => {
    const out = tempDir();
    const result = runCli(['cards', SLUG, '--section', 'cover', 'salary', '--size', 'og,square', '--out-dir', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const dir = path.join(out, SLUG, 'cards');
    expect(readdirSync(dir).sort()).toEqual(['cover.png', 'cover.square.png', 'salary.png', 'salary.square.png']);
    const square = readFileSync(path.join(dir, 'salary.square.png'));
    expect(square.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    expect([decodePng(square).width, decodePng(square).height]).toEqual([1080, 1080]);
    expect(result.stdout).toContain(`${path.join(dir, 'cover.png')} (1200×630,`);
  });

  it('writes SVG and PNG side by side with --format png,svg, at 2x with --scale 2', () => {
    const out = tempDir();
    const result = runCli(['cards', SLUG, '--section', 'habitat', '--format', 'png,svg', '--scale', '2', '--workers', '0', '--out-dir', out]);
    expect(result.status).toBe(0);
    const dir = path.join(out, SLUG, 'cards');
    expect(readdirSync(dir).sort()).toEqual(['habitat@2x.png', 'habitat@2x.svg']);
    expect(readFileSync(path.join(dir, 'habitat@2x.svg'), 'utf8')).toMatch(/^<svg[^>]*width="1200"/);
    expect(decodePng(readFileSync(path.join(dir, 'habitat@2x.png'))).width).toBe(2400);
  });

  it('renders several records through one shared pool', () => {
    const out = tempDir();
    const result = runCli(['cards', SLUG, 'sdet', '--section', 'cover', '--workers', '2', '--out-dir', out]);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([SLUG, 'sdet']);
    const covers = [SLUG, 'sdet'].map((slug) => readFileSync(path.join(out, slug, 'cards', 'cover.png')));
    expect(covers.every((bytes) => bytes.subarray(0, 8).equals(PNG_MAGIC))).toBe(true);
    expect(covers[0]!.equals(covers[1]!)).toBe(false);
  });

  it('prints warnings naming the card when it had to cut, and still succeeds', () => {
    const out = tempDir();
    const result = runCli(['cards', path.join(FIXTURES, 'cards', 'long-record.json'), '--section', 'metrics', '--workers', '0', '--out-dir', out]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^warning: card "long-record\/metrics" \(og 1200x630\): truncated \d+ texts with an ellipsis to fit; moved 37 items to a "\+N more" line$/m);
    expect(existsSync(path.join(out, 'long-record', 'cards', 'metrics.png'))).toBe(true);
  });

  it('reports outputs and warnings as one JSON document with --json', () => {
    const out = tempDir();
    const result = runCli(['cards', SLUG, '--section', 'job-ad-autopsy', '--json', '--out-dir', out]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { outputs: { record: string; relativePath: string; width: number; height: number; bytes: number }[]; warnings: string[] };
    expect(report.outputs).toHaveLength(1);
    expect(report.outputs[0]).toMatchObject({ record: SLUG, relativePath: `${SLUG}/cards/job-ad-autopsy.png`, width: 1200, height: 630 });
    expect(report.outputs[0]!.bytes).toBe(readFileSync(path.join(out, SLUG, 'cards', 'job-ad-autopsy.png')).byteLength);
    expect(report.warnings).toEqual(['card "lead-infrastructure-engineer/job-ad-autopsy" (og 1200x630): truncated 1 text with an ellipsis to fit; moved 1 item to a "+N more" line']);
  });

  it('gives every output its alt text with --json: the card\'s words, the same at every size and format, through the worker pool', () => {
    const out = tempDir();
    const result = runCli(['cards', SLUG, '--section', 'cover,flight-risk', '--size', 'og,square', '--format', 'png,svg', '--workers', '2', '--json', '--out-dir', out]);
    expect(result.status, result.stderr).toBe(0);
    const { outputs } = JSON.parse(result.stdout) as { outputs: { section: 'cover' | 'flight-risk'; alt: string }[] };
    expect(outputs).toHaveLength(8);
    const record = loadDataRecord(SLUG);
    for (const output of outputs) expect(output.alt).toBe(cardAltText(record, output.section));
    const flightRisk = outputs.find((output) => output.section === 'flight-risk')!.alt;
    expect(flightRisk).toMatch(/^Case file: Lead Infrastructure Engineer, exhibit 04: THE FLIGHT RISK\. Flight risk 85%, HIGH RISK\. Diagnosis: As companies optimize cloud spend/);
  });

  it.each([
    [['--size', 'huge'], /Invalid card size "huge"\. Allowed values: og, x, linkedin, square, story or WIDTHxHEIGHT/],
    [['--size', '10x10'], /Invalid card width in "10x10"/],
    [['--size', '1200x'], /Invalid card size "1200x"/],
    [['--section', 'salaries'], /Invalid card section "salaries"\. Allowed values: cover, org-chart/],
    [['--format', 'gif'], /Invalid card format "gif"/],
    [['--format', 'webp'], /^error: The satori engine cannot write webp: webp cards are made by the takumi engine \(--engine takumi\)\.$/m],
    [['--engine', 'chromium'], /Invalid card engine "chromium"\. Allowed values: satori, takumi\./],
    [['--scale', '9'], /Invalid card scale/],
    [['--quality', '80'], /--quality applies to webp and jpeg cards only/],
    [['--workers', '-1'], /Invalid value for --workers/],
  ])('exits 2 for bad usage %j and writes nothing', (args, message) => {
    const out = tempDir();
    const result = runCli(['cards', SLUG, ...args, '--out-dir', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(out)).toEqual([]);
  });

  it('exits 1 for a record that fails validation, naming the file and the field', () => {
    const out = tempDir();
    const file = path.join(FIXTURES, 'cards', 'expect-error-percent.json');
    const result = runCli(['cards', file, '--out-dir', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('expect-error-percent.json');
    expect(result.stderr).toContain('$.sections["flight-risk"].percent');
    expect(readdirSync(out)).toEqual([]);
  });

  it('exits 1 for a record that does not exist', () => {
    const result = runCli(['cards', 'no-such-role', '--out-dir', tempDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no record at/);
  });
});
