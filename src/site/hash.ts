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

/** fileHash of the text's UTF-8 bytes, without copying them into a buffer first. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * JSON with sorted keys: the same value always hashes the same, whatever order it was built in.
 * Keys sort by code unit, not localeCompare: the same on every machine, and written out directly
 * rather than through JSON.stringify's replacer, since a build hashes every output's job (100,000
 * at the largest) and the replacer's copies were most of a build that changed nothing. Like
 * JSON.stringify, it leaves out object keys whose value is undefined or a function and writes null
 * for them in arrays.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? 'null';
}

function canonical(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonical((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item) ?? 'null').join(',')}]`;
  const object = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(object).sort(byCodeUnit)) {
    const item = canonical(object[key]);
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${item}`);
  }
  return `{${parts.join(',')}}`;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every file under `dir`, sorted, as absolute paths; none when it cannot be read. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** One hash over each file's path relative to `dir` and its bytes, in the order given. */
export async function hashFiles(dir: string, files: readonly string[]): Promise<string> {
  const contents = await Promise.all(files.map((file) => readFile(file)));
  return sha256(...files.flatMap((file, index) => [path.relative(dir, file), contents[index]!]));
}

/** One hash over every file's relative path and bytes: changes when any file under `dir` does. */
export async function hashTree(dir: string): Promise<string> {
  return hashFiles(dir, await filesUnder(dir));
}
