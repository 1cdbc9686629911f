/**
 * A page text (`.txt`) is a record wherever a `.json` one is: validate, list, pdf, cards and build
 * read it, and a slug with both files fails, naming both, instead of one being picked.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli } from '../helpers/cli.js';
import { pdftotext } from '../helpers/poppler.js';
import { tempDir } from '../helpers/tmp.js';

const TEXT = path.join(FIXTURES, 'page-text', 'cli', 'night-shift-sre.txt');
const SLUG = 'night-shift-sre';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** data/ with sdet.json and night-shift-sre.txt, plus `extra` files. */
function dataDir(extra: Record<string, string> = {}): string {
  const dir = path.join(tempDir(), 'data');
  mkdirSync(dir);
  copyFileSync(path.join(ROOT, 'data', 'sdet.json'), path.join(dir, 'sdet.json'));
  copyFileSync(TEXT, path.join(dir, `${SLUG}.txt`));
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The page text somewhere outside any data folder, under a name that is not its slug. */
function loosePage(): string {
  const page = path.join(tempDir(), 'some', 'dir', 'page.txt');
  mkdirSync(path.dirname(page), { recursive: true });
  copyFileSync(TEXT, page);
  return page;
}

describe('page texts as records', () => {
  it('validate checks .txt records beside .json ones, by default and by slug', () => {
    const data = dataDir();
    const all = runCli(['validate', '--data-dir', data]);
    expect(all.status, all.stderr).toBe(0);
    expect(all.stdout).toContain(`${SLUG}.txt`);
    expect(all.stdout).toMatch(/^2 valid, 0 invalid$/m);
    expect(runCli(['validate', SLUG, '--data-dir', data]).status).toBe(0);
  });

  it('validate refuses a .txt in the data folder that is not named after its slug, at its FILE RECORD line', () => {
    const data = dataDir({ 'wrong-name.txt': readFileSync(TEXT, 'utf8') });
    const result = runCli(['validate', '--data-dir', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/wrong-name\.txt:1: FILE RECORD: expected the slug "wrong-name" \(the file's name\), received "night-shift-sre"/);
  });

  it('list shows a .txt record with its title', () => {
    const result = runCli(['list', '--data-dir', dataDir()]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${SLUG}\\s+Night Shift SRE$`, 'm'));
    expect(result.stdout).toMatch(/^sdet\s+SDET$/m);
  });

  it('a slug with both a .json and a .txt fails validate, list and build with exit 1, naming both files', () => {
    const data = dataDir({ 'sdet.txt': readFileSync(TEXT, 'utf8').replace('NIGHT-SHIFT-SRE', 'SDET') });
    const both = /sdet\.json and .*sdet\.txt are both the record "sdet"/;
    for (const args of [['validate'], ['validate', 'sdet'], ['list'], ['pdf', 'sdet', '--out-dir', tempDir()]]) {
      const result = runCli([...args, '--data-dir', data]);
      expect(result.status, args.join(' ')).toBe(1);
      expect(`${result.stdout}${result.stderr}`, args.join(' ')).toMatch(both);
    }
    const out = tempDir();
    const build = runCli(['build', '--data-dir', data, '--out-dir', out, '--only', 'cards', '--section', 'cover', '--json']);
    expect(build.status, build.stderr).toBe(1);
    expect(build.stdout, build.stderr).not.toBe('');
    const summary = JSON.parse(build.stdout);
    expect(summary.failures).toEqual([expect.objectContaining({ record: 'sdet', code: 'E_CONFLICT', message: expect.stringMatching(both) })]);
    // The other record is built all the same.
    expect(existsSync(path.join(out, SLUG, 'cards', 'cover.png'))).toBe(true);
  });

  it('new refuses a slug whose record is a page text, rather than give it a .json too', () => {
    const data = dataDir();
    const result = runCli(['new', SLUG, '--data-dir', data, '--force']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/night-shift-sre\.txt already holds the record "night-shift-sre"/);
    expect(existsSync(path.join(data, `${SLUG}.json`))).toBe(false);
  });

  it('pdf prints a page text named from anywhere as <out-dir>/<its slug>.pdf', () => {
    const out = tempDir();
    const result = runCli(['pdf', loosePage(), '--out-dir', out, '--data-dir', path.join(ROOT, 'data')]);
    expect(result.status, result.stderr).toBe(0);
    const pdf = path.join(out, `${SLUG}.pdf`);
    expect(existsSync(path.join(out, 'page.pdf'))).toBe(false);
    expect(pdftotext(pdf)).toContain('Night Shift SRE');
  });

  it('cards draws a page text\'s cards under <out-dir>/<its slug>/', () => {
    const out = tempDir();
    const result = runCli(['cards', loosePage(), '--out-dir', out, '--section', 'cover', '--format', 'png']);
    expect(result.status, result.stderr).toBe(0);
    const card = readFileSync(path.join(out, SLUG, 'cards', 'cover.png'));
    expect(card.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  });

  it('build makes a data folder of .json and .txt records, and rebuilds a .txt record when its text changes', () => {
    const data = dataDir();
    const out = path.join(path.dirname(data), 'out');
    const args = ['build', '--data-dir', data, '--out-dir', out, '--section', 'cover', '--json'];
    const first = runCli(args);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ records: 2, made: 4, skipped: 0, failed: 0 });
    for (const file of [`${SLUG}.pdf`, `${SLUG}/cards/cover.png`, 'sdet.pdf', 'sdet/cards/cover.png']) expect(existsSync(path.join(out, file)), file).toBe(true);
    expect(pdftotext(path.join(out, `${SLUG}.pdf`))).toContain('Night Shift SRE');

    const unchanged = runCli(args);
    expect(JSON.parse(unchanged.stdout)).toMatchObject({ made: 0, skipped: 4 });

    const textFile = path.join(data, `${SLUG}.txt`);
    writeFileSync(textFile, readFileSync(textFile, 'utf8').replace('Night Shift SRE\n', 'Graveyard Shift SRE\n'));
    const edited = runCli(args);
    expect(edited.status, edited.stderr).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({ made: 2, skipped: 2 });
    expect(pdftotext(path.join(out, `${SLUG}.pdf`))).toContain('Graveyard Shift SRE');
  });
});
