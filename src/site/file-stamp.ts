/**
 * A file's size and modification time, recorded when casefile wrote it: while both are unchanged
 * the file is taken to hold the bytes written, so a build with nothing changed stats its outputs
 * instead of reading and hashing each one. A hand edit or a copy changes the mtime (and usually
 * the size), so it is still noticed, and then the file is hashed.
 */
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';

export interface FileStamp {
  size: number;
  /** Milliseconds with the file system's fraction (nanoseconds on ext4, APFS, NTFS): compared exactly. */
  mtimeMs: number;
}

/** The file's stamp, or undefined when it is missing (or not a file). */
export async function readStamp(file: string): Promise<FileStamp | undefined> {
  const stats = await stat(file).catch(() => undefined);
  if (!stats?.isFile()) return undefined;
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

/**
 * readStamp without a round trip through the thread pool: a build with nothing changed stats
 * every output, and 10,000 awaited stats were mostly waiting for their turn, where a stat of a
 * file the kernel has cached returns in microseconds.
 */
export function readStampSync(file: string): FileStamp | undefined {
  let stats;
  try {
    stats = statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stats?.isFile()) return undefined;
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

/** Pure: true when a recorded stamp (absent in caches from before stamps) matches the file's. */
export function sameStamp(recorded: Partial<FileStamp>, current: FileStamp): boolean {
  return recorded.size === current.size && recorded.mtimeMs === current.mtimeMs;
}
