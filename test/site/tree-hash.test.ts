/** A folder's hash is read again only when a file under it comes, goes or changes its stamp. */
import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashTree } from '../../src/site/hash.js';
import { rememberedTreeHash } from '../../src/site/tree-hash.js';
import { tempDir } from '../helpers/tmp.js';

/** A whole second, which utimes sets exactly (a stat's fraction of a millisecond does not survive it). */
const STAMPED_AT = 1_700_000_000;

/** Rewrites `file` with `text` and gives it the mtime it had: an edit its stamp cannot see. */
function editBehindItsStamp(file: string, text: string): void {
  writeFileSync(file, text);
  utimesSync(file, STAMPED_AT, STAMPED_AT);
}

describe('rememberedTreeHash', () => {
  it('hashes a folder as hashTree does, and records every file with its stamp', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'a.js'), 'one');
    writeFileSync(path.join(dir, 'sub', 'b.js'), 'two!');
    const memory = await rememberedTreeHash(dir, undefined);
    expect(memory.hash).toBe(await hashTree(dir));
    expect(memory.files.map(([file, size]) => [file, size])).toEqual([['a.js', 3], [path.join('sub', 'b.js'), 4]]);
    expect(memory.files[0]![2]).toBe(statSync(path.join(dir, 'a.js')).mtimeMs);
  });

  it('gives back what it remembered without reading while every stamp holds, and reads again when one does not', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.js');
    editBehindItsStamp(file, 'one');
    const remembered = await rememberedTreeHash(dir, undefined);

    // The same size and mtime, other bytes: only a read would notice, and none is made.
    editBehindItsStamp(file, 'two');
    expect(await hashTree(dir)).not.toBe(remembered.hash);
    expect(await rememberedTreeHash(dir, remembered)).toBe(remembered);

    // A new mtime: read again, and the new bytes hashed.
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    const touched = await rememberedTreeHash(dir, remembered);
    expect(touched.hash).toBe(await hashTree(dir));
    expect(touched.hash).not.toBe(remembered.hash);
  });

  it('reads again when a file comes or goes, even if every other stamp holds', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.js'), 'one');
    const remembered = await rememberedTreeHash(dir, undefined);

    writeFileSync(path.join(dir, 'b.js'), 'new');
    const added = await rememberedTreeHash(dir, remembered);
    expect(added.hash).toBe(await hashTree(dir));
    expect(added.hash).not.toBe(remembered.hash);

    rmSync(path.join(dir, 'b.js'));
    const removed = await rememberedTreeHash(dir, added);
    expect(removed.hash).toBe(remembered.hash);
    expect(removed).not.toBe(added);
  });
});
