/** What a data folder holds: one record file per slug, of either kind, and a slug with both refused by name. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CasefileError } from '../../src/errors.js';
import { assertOneFilePerSlug, dataFolderSlugs, existingRecordFiles, readDataFolder } from '../../src/record/data-folder.js';
import { isRecordFileName, recordFileKind, slugOfFileName } from '../../src/record/file-kinds.js';
import { tempDir } from '../helpers/tmp.js';

function folder(names: string[]): string {
  const dir = tempDir();
  for (const name of names) writeFileSync(path.join(dir, name), '');
  return dir;
}

describe('record file kinds', () => {
  it('tells a JSON record from a page text by its extension, and nothing else is a record', () => {
    expect(recordFileKind('data/sdet.json')).toBe('json');
    expect(recordFileKind('pages/sdet.txt')).toBe('page-text');
    expect(recordFileKind('notes.md')).toBeUndefined();
    expect(isRecordFileName('sdet.txt')).toBe(true);
    expect(isRecordFileName('.sdet.txt.tmp-1-abcdef12')).toBe(false);
    expect(isRecordFileName('.hidden.json')).toBe(false);
    expect(slugOfFileName('/a/b/night-shift-sre.txt')).toBe('night-shift-sre');
  });
});

describe('readDataFolder', () => {
  it('lists .json and .txt records, one per slug, in the order of their names, and skips everything else', async () => {
    const dir = folder(['sdet.json', 'night-shift-sre.txt', 'README.md', '.draft.txt', 'a-b.json', 'a.txt']);
    mkdirSync(path.join(dir, 'sub'));
    expect(await readDataFolder(dir)).toEqual([
      { slug: 'a-b', file: path.join(dir, 'a-b.json') },
      { slug: 'a', file: path.join(dir, 'a.txt') },
      { slug: 'night-shift-sre', file: path.join(dir, 'night-shift-sre.txt') },
      { slug: 'sdet', file: path.join(dir, 'sdet.json') },
    ]);
  });

  it('lists a slug with both files once, by its JSON file; loading that file reports the conflict', async () => {
    const dir = folder(['sdet.json', 'sdet.txt']);
    expect(await readDataFolder(dir)).toEqual([{ slug: 'sdet', file: path.join(dir, 'sdet.json') }]);
    expect(await existingRecordFiles(dir, 'sdet')).toEqual([path.join(dir, 'sdet.json'), path.join(dir, 'sdet.txt')]);
  });

  it('fails with E_NOT_FOUND for a folder that is not there', async () => {
    await expect(readDataFolder(path.join(tempDir(), 'nope'))).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });
});

describe('dataFolderSlugs', () => {
  it('gives the slugs of both kinds', async () => {
    expect(await dataFolderSlugs(folder(['sdet.json', 'night-shift-sre.txt', 'x.md']))).toEqual(new Set(['sdet', 'night-shift-sre']));
  });

  it('gives none for a missing data folder, so a page text prints without one', async () => {
    expect(await dataFolderSlugs(path.join(tempDir(), 'nope'))).toEqual(new Set());
  });
});

describe('assertOneFilePerSlug', () => {
  it('refuses a slug with both files, naming both, as bad data (exit 1)', async () => {
    const dir = folder(['sdet.json', 'sdet.txt']);
    const error = await assertOneFilePerSlug(path.join(dir, 'sdet.txt')).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(CasefileError);
    expect(error).toMatchObject({ code: 'E_CONFLICT', exitCode: 1, file: path.join(dir, 'sdet.json') });
    expect((error as Error).message).toContain(path.join(dir, 'sdet.json'));
    expect((error as Error).message).toContain(path.join(dir, 'sdet.txt'));
  });

  it('accepts a slug with one file', async () => {
    const dir = folder(['sdet.txt']);
    await expect(assertOneFilePerSlug(path.join(dir, 'sdet.txt'))).resolves.toBeUndefined();
  });
});
