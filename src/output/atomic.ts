import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CasefileError } from '../errors.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a parent of it is not a folder',
  EISDIR: 'a folder is in the way',
  EEXIST: 'a file is in the way of its folder',
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
 * Writes `data` to a temporary file beside `target`, flushes it, then renames it over
 * `target`: readers see the old file or the new one, never half of one, and a failed
 * write leaves the last good output where it was.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const directory = path.dirname(target);
  const temporary = path.join(directory, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(directory, { recursive: true });
    const handle = await open(temporary, 'w', 0o644);
    try {
      await handle.writeFile(data);
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
