/**
 * importPageTexts and convertPageText: page texts to `<data-dir>/<slug>.json`, written atomically,
 * each text failing alone with nothing written, and never an existing record replaced unasked.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertPageText, importPageTexts } from '../../src/api/import.js';
import { schemaPathFor } from '../../src/record/record-json.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const CLI_TEXTS = path.join(ROOT, 'test', 'fixtures', 'page-text', 'cli');
const GOOD = path.join(CLI_TEXTS, 'night-shift-sre.txt');
const BAD = path.join(CLI_TEXTS, 'expect-error-missing-salary.txt');

function emptyDataDir(): string {
  const dir = path.join(tempDir(), 'data');
  mkdirSync(dir);
  return dir;
}

describe('convertPageText', () => {
  it('makes the JSON file\'s text with "$schema" first, as `casefile new` sets it, and writes nothing', async () => {
    const dataDir = emptyDataDir();
    const converted = await convertPageText(GOOD, { dataDir });
    expect(converted.output).toBe(path.join(dataDir, 'night-shift-sre.json'));
    const parsed = JSON.parse(converted.json);
    expect(Object.keys(parsed)).toEqual(['$schema', 'slug', 'title', 'question', 'aliases', 'sections']);
    expect(parsed.$schema).toBe(schemaPathFor(converted.output));
    expect(parsed.$schema).toMatch(/docs\/record\.schema\.json$/);
    expect(converted.json).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(converted.notes.some((note) => note.kind === 'notice')).toBe(true);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('importPageTexts', () => {
  it('writes each text as <slug>.json; a bad text fails alone and writes nothing', async () => {
    const dataDir = emptyDataDir();
    const results = await importPageTexts([BAD, GOOD], { dataDir });
    expect(results.map((result) => result.imported)).toEqual([false, true]);
    expect(results[0]).toMatchObject({ source: BAD, error: { code: 'E_TEXT', line: 11 } });
    expect(readdirSync(dataDir)).toEqual(['night-shift-sre.json']);
  });

  it('never replaces an existing record without force, and replaces it with force', async () => {
    const dataDir = emptyDataDir();
    const target = path.join(dataDir, 'night-shift-sre.json');
    writeFileSync(target, 'keep me');
    const [refused] = await importPageTexts([GOOD], { dataDir });
    expect(refused).toMatchObject({ imported: false, error: { code: 'E_CONFLICT', exitCode: 1 } });
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const [forced] = await importPageTexts([GOOD], { dataDir, force: true });
    expect(forced).toMatchObject({ imported: true, overwritten: true });
    expect(JSON.parse(readFileSync(target, 'utf8')).slug).toBe('night-shift-sre');
  });

  it('refuses to give a slug a .json beside its .txt in the data folder, even with force', async () => {
    const dataDir = emptyDataDir();
    copyFileSync(GOOD, path.join(dataDir, 'night-shift-sre.txt'));
    const [result] = await importPageTexts([GOOD], { dataDir, force: true });
    expect(result).toMatchObject({ imported: false, error: { code: 'E_CONFLICT' } });
    const message = result!.imported ? '' : result!.error.message;
    expect(message).toContain('night-shift-sre.json');
    expect(message).toContain('night-shift-sre.txt');
    expect(existsSync(path.join(dataDir, 'night-shift-sre.json'))).toBe(false);
  });

  it('refuses a second text of the same slug in one import, even with force', async () => {
    const dataDir = emptyDataDir();
    const copy = path.join(tempDir(), 'copy.txt');
    writeFileSync(copy, readFileSync(GOOD, 'utf8').replace('Night Shift SRE\n', 'Night Shift SRE (copy)\n'));
    const results = await importPageTexts([GOOD, copy], { dataDir, force: true });
    expect(results[1]).toMatchObject({ imported: false, error: { code: 'E_CONFLICT' } });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'night-shift-sre.json'), 'utf8')).title).toBe('Night Shift SRE');
  });

  it('links a bare arrow to a record imported alongside it, as to one already in the folder', async () => {
    const dataDir = emptyDataDir();
    const pages = tempDir();
    const sdet = path.join(pages, 'sdet.txt');
    // An SDET page text of its own: the night shift's bare "→ SDET" should link to it.
    writeFileSync(sdet, readFileSync(GOOD, 'utf8').replace('FILE RECORD: NIGHT-SHIFT-SRE', 'FILE RECORD: SDET'));
    await importPageTexts([GOOD, sdet], { dataDir });
    const record = JSON.parse(readFileSync(path.join(dataDir, 'night-shift-sre.json'), 'utf8'));
    expect(record.sections['related-specimens'].items.map((item: { slug?: string }) => item.slug)).toEqual(['sdet', undefined]);
  });

  it('refuses anything but .txt files as usage, before reading any', async () => {
    await expect(importPageTexts([GOOD, path.join(ROOT, 'data', 'sdet.json')], { dataDir: emptyDataDir() })).rejects.toMatchObject({ code: 'E_USAGE', exitCode: 2 });
    await expect(importPageTexts([], { dataDir: emptyDataDir() })).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('fails a text that is not there alone, naming it', async () => {
    const [result] = await importPageTexts([path.join(CLI_TEXTS, 'no-such-page.txt')], { dataDir: emptyDataDir() });
    expect(result).toMatchObject({ imported: false, error: { code: 'E_NOT_FOUND', message: expect.stringContaining('no-such-page.txt') } });
  });
});
