/**
 * From what a user typed (a slug or a file path) to a validated record:
 * resolve, read, parse, validate. Each step fails with a CasefileError naming the file.
 * A record is a JSON file or a FILE RECORD page text (docs/page-text.md), told apart by extension.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CasefileError } from '../errors.js';
import { assertOneFilePerSlug, dataFolderSlugs } from './data-folder.js';
import { recordFileKind, RECORD_EXTENSIONS, slugOfFileName } from './file-kinds.js';
import { parsePageText } from './page-text/parse.js';
import { parseJson } from './parse.js';
import type { CaseFile } from './schema.js';
import { resolveRecordFile } from './slug.js';
import { validateRecord } from './validate.js';

export { assertSlug, looksLikeFile, resolveRecordFile } from './slug.js';

export interface LoadedRecord {
  record: CaseFile;
  /** The file it came from, as resolved. */
  file: string;
}

export interface ParseRecordOptions {
  /**
   * Slugs of the records in the data folder. A page text's bare `→` gets its related title's slug
   * only when that slug is one of these; without them it gets none.
   */
  knownSlugs?: ReadonlySet<string>;
  /**
   * Whether a page text's slug must equal its file's name, as a JSON record's always must (default
   * true). Files in the data folder must match; a page text named on the command line from
   * anywhere else need not, and its outputs take the slug its text gives.
   */
  matchFileName?: boolean;
}

export interface LoadRecordOptions {
  dataDir: string;
  /** The data folder's slugs, when the caller has them already (a batch computes them once). */
  knownSlugs?: ReadonlySet<string>;
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
export function parseRecord(text: string, file: string, options: ParseRecordOptions = {}): CaseFile {
  return recordFileKind(file) === 'page-text' ? parsePageTextRecord(text, file, options) : parseJsonRecord(text, file);
}

function parseJsonRecord(text: string, file: string): CaseFile {
  const parsed = parseJson(text, file);
  const record = validateRecord(parsed.value, file, parsed);
  const expectedSlug = path.basename(file, RECORD_EXTENSIONS.json);
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

function parsePageTextRecord(text: string, file: string, options: ParseRecordOptions): CaseFile {
  const { record } = parsePageText(text, { file, ...(options.knownSlugs ? { knownSlugs: options.knownSlugs } : {}) });
  const expectedSlug = slugOfFileName(file);
  if ((options.matchFileName ?? true) && record.slug !== expectedSlug) {
    throw new CasefileError(
      'E_TEXT',
      `FILE RECORD: expected the slug ${JSON.stringify(expectedSlug)} (the file's name), received ${JSON.stringify(record.slug)}`,
      { file, path: '$.slug', line: headerLine(text) },
    );
  }
  return record;
}

/** The line of a page text's `FILE RECORD:` header: its first line that is not blank. */
function headerLine(text: string): number {
  const index = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .findIndex((line) => line.trim() !== '');
  return index + 1 || 1;
}

/**
 * Reads and parses one record file. A file in the data folder must be its slug's only file and,
 * whatever its kind, be named after its slug; a page text gets the data folder's slugs for its
 * bare arrows (computed here unless the caller passes them).
 */
export async function loadRecordFile(file: string, options: LoadRecordOptions): Promise<CaseFile> {
  const inDataFolder = path.dirname(path.resolve(file)) === path.resolve(options.dataDir);
  if (inDataFolder) await assertOneFilePerSlug(file);
  const text = await readRecordText(file);
  if (recordFileKind(file) !== 'page-text') return parseRecord(text, file);
  const knownSlugs = options.knownSlugs ?? (await dataFolderSlugs(options.dataDir));
  return parseRecord(text, file, { knownSlugs, matchFileName: inDataFolder });
}

export async function loadRecord(reference: string, options: LoadRecordOptions): Promise<LoadedRecord> {
  const file = await resolveRecordFile(reference, options.dataDir);
  return { record: await loadRecordFile(file, options), file };
}
