import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { CasefileError } from '../errors.js';
import { makeFolder } from './make-folder.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a parent of it is not a folder',
  EISDIR: 'a folder is in the way',
  EEXIST: 'a file is in the way of its folder',
  ENOENT: 'its folder cannot be made there',
  EFBIG: 'the file is larger than this process may write (ulimit -f)',
};

export function describeWriteError(error: unknown, target: string): CasefileError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = REASONS[code] ?? (error instanceof Error ? error.message : String(error));
  return new CasefileError('E_WRITE', `cannot write ${target}: ${reason}; the previous file, if any, is untouched`, {
    file: target,
    cause: error,
  });
}

/**
 * Runs `fill` on a temporary file beside `target`, flushes it, then renames it over `target`:
 * readers see the old file or the new one, never half of one, and a failed write leaves the last
 * good output where it was.
 */
async function writeThroughTemporary(target: string, fill: (handle: FileHandle) => Promise<void>): Promise<void> {
  const directory = path.dirname(target);
  const temporary = path.join(directory, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await makeFolder(directory);
    const handle = await open(temporary, 'w', 0o644);
    try {
      await fill(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw describeWriteError(error, target);
  }
}

/** Writes `data` to `target` atomically (writeThroughTemporary). */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  await writeThroughTemporary(target, (handle) => handle.writeFile(data));
}

/** Text gathered into writes of this many bytes: few system calls, and never the whole file in memory. */
const WRITE_CHUNK = 1 << 20;

/** UTF-8 takes at most three bytes for each UTF-16 code unit (four for a surrogate pair). */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Writes the text `pieces` make, in order, to `target` atomically, without ever holding all of
 * it: the manifest and cache of a 100,000-card site are 70-100 MB of JSON, and building each as one
 * string (then its bytes) was most of the build's peak memory. Each piece is encoded straight into
 * one reused buffer: joining pieces into a string to write made V8 flatten it (as two-byte text,
 * once one piece had a curly quote) and encode it again, most of the time of writing a cache.
 */
export async function writeTextPiecesAtomic(target: string, pieces: Iterable<string>): Promise<void> {
  await writeThroughTemporary(target, async (handle) => {
    const chunk = Buffer.allocUnsafe(WRITE_CHUNK);
    let used = 0;
    const flush = async () => {
      for (let done = 0; done < used; ) done += (await handle.write(chunk, done, used - done)).bytesWritten;
      used = 0;
    };
    for (const piece of pieces) {
      if (used + piece.length * MAX_UTF8_PER_UNIT <= chunk.length) {
        used += chunk.write(piece, used);
        continue;
      }
      await flush();
      if (piece.length * MAX_UTF8_PER_UNIT <= chunk.length) used = chunk.write(piece, 0);
      else await handle.writeFile(piece);
    }
    await flush();
  });
}

/** The name writeFileAtomic gives its temporary files: `.<name>.tmp-<pid>-<8 hex>`. */
const TEMPORARY_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files that a killed writer (kill -9, a power cut) left under `dir`: their
 * process is gone, so they can only be half-written. Files of a live process are left alone.
 * Returns the paths removed. A temporary file is never read, so one left behind is never trusted.
 */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const relative of names) {
    const match = TEMPORARY_NAME.exec(path.basename(relative));
    if (!match || processIsAlive(Number(match[1]))) continue;
    const file = path.join(dir, relative);
    await rm(file, { force: true }).then(
      () => removed.push(file),
      () => undefined,
    );
  }
  return removed.sort();
}
