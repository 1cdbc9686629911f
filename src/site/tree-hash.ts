/**
 * A folder's hash (hash.ts hashTree) remembered with the stamp of every file under it, so a build
 * need not read casefile's own code, fonts and templates to know they are the ones the last build
 * hashed: while no file comes or goes and every one keeps its size and mtime, the hash stands. At
 * 10,000 cards, reading and hashing those 700 files was a sixth of a build with nothing changed;
 * stating them is a hundredth. Stamps are trusted here as they are for outputs (file-stamp.ts).
 */
import path from 'node:path';
import { readStampSync } from './file-stamp.js';
import { filesUnder, hashFiles } from './hash.js';

/** Each file under a folder by its relative path, with its size and mtime. */
export type TreeFiles = [file: string, size: number, mtimeMs: number][];

export interface TreeMemory {
  hash: string;
  files: TreeFiles;
}

/** Pure: whether two listings name the same files with the same stamps. */
export function sameFiles(a: TreeFiles, b: TreeFiles): boolean {
  return a.length === b.length && a.every(([file, size, mtimeMs], index) => {
    const other = b[index]!;
    return other[0] === file && other[1] === size && other[2] === mtimeMs;
  });
}

/**
 * The folder's hash and stamps: `remembered` itself when every file keeps its stamp, otherwise
 * hashed again. Stated before reading, so a file that changes while it is read has a stamp the
 * next build finds different.
 */
export async function rememberedTreeHash(dir: string, remembered: TreeMemory | undefined): Promise<TreeMemory> {
  const absolute = await filesUnder(dir);
  const files: TreeFiles = [];
  for (const file of absolute) {
    // A file gone between listing and stating: recorded without a stamp, so it never matches.
    const stamp = readStampSync(file) ?? { size: -1, mtimeMs: -1 };
    files.push([path.relative(dir, file), stamp.size, stamp.mtimeMs]);
  }
  if (remembered !== undefined && sameFiles(remembered.files, files)) return remembered;
  return { hash: await hashFiles(dir, absolute), files };
}
