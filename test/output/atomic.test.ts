import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/output/atomic.js';
import { tempDir } from '../helpers/tmp.js';

describe('writeFileAtomic', () => {
  const dir = tempDir();

  it('writes the file, creating folders, and leaves no temporary file', async () => {
    const target = path.join(dir, 'nested', 'a.pdf');
    await writeFileAtomic(target, 'new bytes');
    expect(readFileSync(target, 'utf8')).toBe('new bytes');
    expect(readdirSync(path.dirname(target))).toEqual(['a.pdf']);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'b.pdf');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
  });

  it('fails with a clear error and keeps the old file when the target cannot be written', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'I am a file');
    await expect(writeFileAtomic(path.join(blocker, 'c.pdf'), 'x')).rejects.toThrow(/cannot write .*c\.pdf: (a file is in the way of its folder|a parent of it is not a folder)/);
    expect(readFileSync(blocker, 'utf8')).toBe('I am a file');
  });

  it('leaves the previous file untouched when the rename fails', async () => {
    const target = path.join(dir, 'd');
    // A folder where the file should go makes rename fail after the temp file was written.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep'), 'keep me');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(/cannot write/);
    expect(readFileSync(path.join(target, 'keep'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});
