/**
 * From what a user typed (a slug or a file path) to a validated record:
 * resolve, read, parse, validate. Each step fails with a CasefileError naming the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CasefileError } from '../errors.js';
import { resolveInside } from '../output/safe-path.js';
import { parseJson } from './parse.js';
import { SLUG_PATTERN, MAX_SLUG_LENGTH, type CaseFile } from './schema.js';
import { validateRecord } from './validate.js';

export interface LoadedRecord {
  record: CaseFile;
  /** The file it came from, as resolved. */
  file: string;
}

/** A reference names a file when it looks like one; anything else is a slug in the data folder. */
export function looksLikeFile(reference: string): boolean {
  return reference.endsWith('.json') || reference.includes('/') || reference.includes(path.sep);
}

export function assertSlug(slug: string): void {
  if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) {
    throw new CasefileError(
      'E_SLUG',
      `invalid slug ${JSON.stringify(slug)}: expected lower-case letters, digits and hyphens ([a-z0-9-]+), not starting with a hyphen`,
    );
  }
}

export function resolveRecordFile(reference: string, dataDir: string): string {
  if (looksLikeFile(reference)) return path.resolve(reference);
  assertSlug(reference);
  return resolveInside(dataDir, `${reference}.json`, 'record');
}

export async function readRecordText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new CasefileError('E_NOT_FOUND', `no record at ${file}; run \`casefile list\` to see the records there are`, { file });
    }
    throw new CasefileError('E_READ', `cannot read ${file}: ${(error as Error).message}`, { file, cause: error });
  }
}

/** Parses and validates record text; the slug must match the file's name so outputs are predictable. */
export function parseRecord(text: string, file: string): CaseFile {
  const parsed = parseJson(text, file);
  const record = validateRecord(parsed.value, file, parsed);
  const expectedSlug = path.basename(file, '.json');
  if (record.slug !== expectedSlug) {
    const where = parsed.locate(['slug']);
    throw new CasefileError(
      'E_SCHEMA',
      `$.slug: expected ${JSON.stringify(expectedSlug)} (the file's name), received ${JSON.stringify(record.slug)}`,
      { file, path: '$.slug', ...where },
    );
  }
  return record;
}

export async function loadRecord(reference: string, options: { dataDir: string }): Promise<LoadedRecord> {
  const file = resolveRecordFile(reference, options.dataDir);
  const text = await readRecordText(file);
  return { record: parseRecord(text, file), file };
}
