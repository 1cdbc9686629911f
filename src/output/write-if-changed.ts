/**
 * Writes a file only when its bytes would change: a build with nothing changed leaves the
 * manifest, the gallery and the cache as they were (same mtime, no write, no fsync), so a
 * deploy that syncs by mtime, or a watcher, sees nothing to do.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { writeFileAtomic, writeTextPiecesAtomic } from './atomic.js';

/** The size of the file at `target`, or -1 when there is no file there. */
const sizeOf = (target: string) => stat(target).then((stats) => (stats.isFile() ? stats.size : -1), () => -1);

/** Returns whether it wrote. A file of another size is rewritten without being read. */
export async function writeFileIfChanged(target: string, data: Uint8Array | string): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if ((await sizeOf(target)) === bytes.byteLength) {
    const existing = await readFile(target).catch(() => undefined);
    if (existing !== undefined && Buffer.compare(existing, bytes) === 0) return false;
  }
  await writeFileAtomic(target, bytes);
  return true;
}

/** The SHA-256 of a file read as a stream, or undefined if it cannot be read. */
function streamedHash(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', () => resolve(undefined));
  });
}

/** What writeTextPiecesIfChanged did, and the SHA-256 of the text (the file's bytes, written or not). */
export interface TextWrite {
  written: boolean;
  sha256: string;
}

/**
 * writeFileIfChanged for text made piece by piece, too large to hold whole (writeTextPiecesAtomic):
 * `pieces` is called once to size and hash the text and, if the file differs, once more to write it.
 */
export async function writeTextPiecesIfChanged(target: string, pieces: () => Iterable<string>): Promise<TextWrite> {
  const hash = createHash('sha256');
  let size = 0;
  for (const piece of pieces()) {
    hash.update(piece, 'utf8');
    size += Buffer.byteLength(piece, 'utf8');
  }
  const sha256 = hash.digest('hex');
  if ((await sizeOf(target)) === size && (await streamedHash(target)) === sha256) return { written: false, sha256 };
  await writeTextPiecesAtomic(target, pieces());
  return { written: true, sha256 };
}

/** The pieces as they are handed on, each also fed to `hash`. */
function* hashedAlong(pieces: Iterable<string>, hash: ReturnType<typeof createHash>): Generator<string> {
  for (const piece of pieces) {
    hash.update(piece, 'utf8');
    yield piece;
  }
}

/** writeTextPiecesAtomic, for text the caller knows has changed: one pass, which also hashes it. Returns the SHA-256 of what it wrote. */
export async function writeTextPiecesHashed(target: string, pieces: Iterable<string>): Promise<string> {
  const hash = createHash('sha256');
  await writeTextPiecesAtomic(target, hashedAlong(pieces, hash));
  return hash.digest('hex');
}
