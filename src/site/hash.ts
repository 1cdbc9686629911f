import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    // A separator keeps ("ab", "c") and ("a", "bc") apart.
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/** The plain SHA-256 of a file's bytes, as `sha256sum` prints it: what manifests publish. */
export function fileHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** JSON with sorted keys: the same value always hashes the same, whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** One hash over every file's relative path and bytes: changes when any file under `dir` does. */
export async function hashTree(dir: string): Promise<string> {
  const files = await filesUnder(dir);
  const parts: (string | Uint8Array)[] = [];
  for (const file of files) parts.push(path.relative(dir, file), await readFile(file));
  return sha256(...parts);
}
