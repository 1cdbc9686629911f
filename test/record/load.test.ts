/**
 * Loading records of both kinds: a slug resolves to `<slug>.json` or `<slug>.txt`, a page text
 * in the data folder is named after its slug as a JSON record is, a page text named from
 * anywhere else takes its slug from its text, and a slug with both files is refused by name.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRecordFiles, listRecords } from '../../src/record/list.js';
import { loadRecord, looksLikeFile, parseRecord, resolveRecordFile } from '../../src/record/load.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const TEXT = path.join(ROOT, 'test', 'fixtures', 'page-text', 'cli', 'night-shift-sre.txt');
const SLUG = 'night-shift-sre';

/** A data folder with sdet.json and, unless told otherwise, night-shift-sre.txt. */
function dataFolder(extra: Record<string, string> = { [`${SLUG}.txt`]: readFileSync(TEXT, 'utf8') }): string {
  const dir = path.join(tempDir(), 'data');
  mkdirSync(dir);
  copyFileSync(path.join(ROOT, 'data', 'sdet.json'), path.join(dir, 'sdet.json'));
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('looksLikeFile', () => {
  it('treats *.txt and *.json as files, a bare word as a slug', () => {
    expect(looksLikeFile('page.txt')).toBe(true);
    expect(looksLikeFile('page.json')).toBe(true);
    expect(looksLikeFile('night-shift-sre')).toBe(false);
  });
});

describe('resolveRecordFile', () => {
  it('finds a slug as <slug>.txt when that is its file, and as <slug>.json otherwise', async () => {
    const dir = dataFolder();
    expect(await resolveRecordFile(SLUG, dir)).toBe(path.join(dir, `${SLUG}.txt`));
    expect(await resolveRecordFile('sdet', dir)).toBe(path.join(dir, 'sdet.json'));
    expect(await resolveRecordFile('nobody', dir)).toBe(path.join(dir, 'nobody.json'));
  });
});

describe('loadRecord of a page text', () => {
  it('loads a slug whose record is a .txt, its bare arrows linked to the data folder\'s records', async () => {
    const dir = dataFolder();
    const { record, file } = await loadRecord(SLUG, { dataDir: dir });
    expect(file).toBe(path.join(dir, `${SLUG}.txt`));
    expect(record.slug).toBe(SLUG);
    expect(record.title).toBe('Night Shift SRE');
    // sdet is in the folder, enterprise-architect is not.
    expect(record.sections['related-specimens'].items.map((item) => item.slug)).toEqual(['sdet', undefined]);
  });

  it('uses the slugs it is given instead of reading the folder', async () => {
    const dir = dataFolder();
    const { record } = await loadRecord(SLUG, { dataDir: dir, knownSlugs: new Set(['enterprise-architect']) });
    expect(record.sections['related-specimens'].items.map((item) => item.slug)).toEqual([undefined, 'enterprise-architect']);
  });

  it('refuses a page text in the data folder whose slug is not its file\'s name, at its FILE RECORD line', async () => {
    const dir = dataFolder({ 'other-name.txt': `\n\n${readFileSync(TEXT, 'utf8')}` });
    const error = await loadRecord('other-name', { dataDir: dir }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_TEXT', exitCode: 1, file: path.join(dir, 'other-name.txt'), line: 3, path: '$.slug' });
    expect((error as Error).message).toBe(`FILE RECORD: expected the slug "other-name" (the file's name), received "${SLUG}"`);
  });

  it('takes the slug from the text of a page text named from outside the data folder', async () => {
    const dir = dataFolder({});
    const page = path.join(tempDir(), 'some', 'dir', 'page.txt');
    mkdirSync(path.dirname(page), { recursive: true });
    copyFileSync(TEXT, page);
    const { record, file } = await loadRecord(page, { dataDir: dir });
    expect(file).toBe(page);
    expect(record.slug).toBe(SLUG);
    expect(record.sections['related-specimens'].items[0]!.slug).toBe('sdet');
  });

  it('parses a .txt by its extension and a .json as it always has', () => {
    const record = parseRecord(readFileSync(TEXT, 'utf8'), `/anywhere/${SLUG}.txt`, { knownSlugs: new Set(['sdet']) });
    expect(record.sections['org-chart'].chart).toEqual({ label: 'Night Shift SRE', self: true });
    expect(() => parseRecord(readFileSync(TEXT, 'utf8'), '/anywhere/page.txt')).toThrow(/expected the slug "page"/);
    expect(parseRecord(readFileSync(TEXT, 'utf8'), '/anywhere/page.txt', { matchFileName: false }).slug).toBe(SLUG);
    const json = path.join(ROOT, 'data', 'sdet.json');
    expect(parseRecord(readFileSync(json, 'utf8'), json).slug).toBe('sdet');
  });
});

describe('a slug with both a .json and a .txt', () => {
  const both = () => dataFolder({ 'sdet.txt': readFileSync(TEXT, 'utf8').replace('NIGHT-SHIFT-SRE', 'SDET') });

  it('is refused when loaded by slug or by either file, naming both', async () => {
    const dir = both();
    for (const reference of ['sdet', path.join(dir, 'sdet.json'), path.join(dir, 'sdet.txt')]) {
      const error = await loadRecord(reference, { dataDir: dir }).catch((caught: unknown) => caught);
      expect(error, reference).toMatchObject({ code: 'E_CONFLICT', exitCode: 1 });
      expect((error as Error).message).toContain(path.join(dir, 'sdet.json'));
      expect((error as Error).message).toContain(path.join(dir, 'sdet.txt'));
    }
  });

  it('is listed once, as invalid with the conflict', async () => {
    const dir = both();
    expect(await listRecordFiles(dir)).toEqual([path.join(dir, 'sdet.json')]);
    const [entry] = await listRecords(dir);
    expect(entry).toMatchObject({ slug: 'sdet', error: { code: 'E_CONFLICT' } });
  });
});

describe('listRecords', () => {
  it('lists page texts beside JSON records, with their titles', async () => {
    const dir = dataFolder();
    const records = await listRecords(dir);
    expect(records.map((entry) => [entry.slug, entry.title, entry.error])).toEqual([
      [SLUG, 'Night Shift SRE', undefined],
      ['sdet', 'SDET', undefined],
    ]);
  });
});
