import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTextPiecesAtomic } from '../../src/output/atomic.js';
import { writeFileIfChanged, writeTextPiecesIfChanged } from '../../src/output/write-if-changed.js';
import { fileHash } from '../../src/site/hash.js';
import { tempDir } from '../helpers/tmp.js';

/** Several megabytes in pieces of every size, with characters of one to four bytes: the writer's chunks split none of them. */
function pieces(): string[] {
  const made: string[] = [];
  for (let index = 0, length = 0; length < 3_000_000; index += 1) {
    made.push(`${index}: café ✓ 😀 `.repeat(index % 97));
    length += made[index]!.length;
  }
  return made;
}

describe('writing text made piece by piece', () => {
  const dir = tempDir();
  const past = new Date('2020-01-01T00:00:00Z');

  it('writes exactly the pieces joined, in chunks, leaving no temporary file', async () => {
    const target = path.join(dir, 'sub', 'big.json');
    await writeTextPiecesAtomic(target, pieces());
    expect(readFileSync(target, 'utf8')).toBe(pieces().join(''));
    expect(readdirSync(path.dirname(target))).toEqual(['big.json']);
  });

  it('writes pieces larger than a chunk, and pieces that just fit one, between small ones', async () => {
    const target = path.join(dir, 'mixed.txt');
    const small = pieces().slice(0, 120);
    const mixed = [...small.slice(0, 40), 'é'.repeat(700_000), ...small.slice(40, 80), 'a'.repeat(349_000), '😀'.repeat(200_000), ...small.slice(80)];
    await writeTextPiecesAtomic(target, mixed);
    expect(readFileSync(target, 'utf8')).toBe(mixed.join(''));
  });

  it('leaves a file alone when its bytes would not change, and replaces it when they would', async () => {
    const target = path.join(dir, 'same.json');
    writeFileSync(target, pieces().join(''));
    utimesSync(target, past, past);
    expect((await writeTextPiecesIfChanged(target, pieces)).written).toBe(false);
    expect(statSync(target).mtimeMs).toBe(past.getTime());
    // Same size, one byte different: it must be read to tell.
    const text = pieces().join('');
    writeFileSync(target, `${text.slice(0, -2)}x `);
    expect((await writeTextPiecesIfChanged(target, pieces)).written).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(text);
    const made = await writeTextPiecesIfChanged(path.join(dir, 'new.json'), () => ['{', '}']);
    expect(made).toEqual({ written: true, sha256: fileHash(Buffer.from('{}')) });
    expect(readFileSync(path.join(dir, 'new.json'), 'utf8')).toBe('{}');
  });

  it('writes bytes only when they change', async () => {
    const target = path.join(dir, 'page.html');
    expect(await writeFileIfChanged(target, '<p>1</p>')).toBe(true);
    utimesSync(target, past, past);
    expect(await writeFileIfChanged(target, '<p>1</p>')).toBe(false);
    expect(statSync(target).mtimeMs).toBe(past.getTime());
    expect(await writeFileIfChanged(target, '<p>2</p>')).toBe(true);
  });
});
