/**
 * A file's size and modification time, recorded when casefile wrote it: while both are unchanged
 * the file is taken to hold the bytes written, so a build with nothing changed stats its outputs
 * instead of reading and hashing each one. A hand edit or a copy changes the mtime (and usually
 * the size), so it is still noticed, and then the file is hashed.
 */
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

/** Pure: true when a recorded stamp (absent in caches from before stamps) matches the file's. */
export function sameStamp(recorded: Partial<FileStamp>, current: FileStamp): boolean {
  return recorded.size === current.size && recorded.mtimeMs === current.mtimeMs;
}
