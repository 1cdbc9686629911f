/**
 * Writes a file only when its bytes would change: a build with nothing changed leaves the
 * manifest, the gallery and the cache as they were (same mtime, no write, no fsync), so a
 * deploy that syncs by mtime, or a watcher, sees nothing to do.
 */
import { readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from './atomic.js';

/** Returns whether it wrote. A file of another size is rewritten without being read. */
export async function writeFileIfChanged(target: string, data: Uint8Array | string): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const size = await stat(target).then((stats) => (stats.isFile() ? stats.size : -1), () => -1);
  if (size === bytes.byteLength) {
    const existing = await readFile(target).catch(() => undefined);
    if (existing !== undefined && Buffer.compare(existing, bytes) === 0) return false;
  }
  await writeFileAtomic(target, bytes);
  return true;
}
