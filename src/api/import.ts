/**
 * `casefile import`: FILE RECORD page texts (docs/page-text.md) to JSON records in the data
 * folder. Each text is read, checked, and written atomically as `<data-dir>/<slug>.json`, or
 * fails alone with nothing written. Never prints: the results say what happened.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { CasefileError, displayPath, isCasefileError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic.js';
import { resolveInside } from '../output/safe-path.js';
import { dataFolderSlugs, existingRecordFiles } from '../record/data-folder.js';
import { recordFileKind, RECORD_EXTENSIONS } from '../record/file-kinds.js';
import { parseRecord } from '../record/load.js';
import { pageTextSlug } from '../record/page-text/outline.js';
import { parsePageText, type ReadingNote } from '../record/page-text/parse.js';
import { recordJsonText } from '../record/record-json.js';
import type { CaseFile } from '../record/schema.js';
import { DEFAULTS } from '../settings/defaults.js';

export type { ReadingNote, ReadingNoteKind } from '../record/page-text/parse.js';

export interface ImportOptions {
  /** Where the records go (default `data`). */
  dataDir?: string;
  /** Overwrite an existing `<slug>.json`; without it that text fails and the file stays as it was. */
  force?: boolean;
  /**
   * Slugs a bare `→` may link to. Default: the data folder's records, of both kinds, and the
   * slugs the texts imported with this one name (they are records in the folder once it is done).
   */
  knownSlugs?: ReadonlySet<string>;
}

/** One text read and turned into its JSON file's content, not yet written. */
export interface ConvertedText {
  /** The page text, as given. */
  source: string;
  slug: string;
  record: CaseFile;
  /** `<data-dir>/<slug>.json`, where it goes. */
  output: string;
  /** The file's text: `"$schema"` first, then the record, two-space indented. */
  json: string;
  /** What the reader decided (aliases split or kept whole, a one-node org chart …), by line. */
  notes: ReadingNote[];
}

export type ImportResult =
  | (ConvertedText & { imported: true; /** An existing record was replaced (--force). */ overwritten: boolean })
  | { source: string; imported: false; error: CasefileError; notes: ReadingNote[] };

/** A text to import must be a `.txt` page text; anything else is a usage error, found before any work. */
export function assertPageTextFiles(sources: readonly string[]): void {
  if (sources.length === 0) throw new CasefileError('E_USAGE', 'expected one or more page texts (.txt) to import; received none');
  const other = sources.find((source) => recordFileKind(source) !== 'page-text');
  if (other !== undefined) {
    throw new CasefileError('E_USAGE', `expected page texts named *${RECORD_EXTENSIONS['page-text']}; received ${JSON.stringify(other)}`);
  }
}

async function readPageText(source: string): Promise<string> {
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new CasefileError(code === 'ENOENT' ? 'E_NOT_FOUND' : 'E_READ', `cannot read the page text ${source}: ${reason}`, { file: source, cause: error });
  }
}

/** Reads one page text and makes its JSON file's content; writes nothing (`--stdout`). */
export async function convertPageText(source: string, options: ImportOptions = {}): Promise<ConvertedText> {
  const dataDir = options.dataDir ?? DEFAULTS.dataDir;
  const knownSlugs = options.knownSlugs ?? (await dataFolderSlugs(dataDir));
  const { record, notes } = parsePageText(await readPageText(source), { file: source, knownSlugs });
  const output = resolveInside(dataDir, `${record.slug}${RECORD_EXTENSIONS.json}`, 'record');
  const json = recordJsonText(record, output);
  // What is written must load as a JSON record does; the reader validated it, this proves the file.
  parseRecord(json, output);
  return { source, slug: record.slug, record, output, json, notes };
}

/** How many texts are read and written at once: writes wait on the disk (each is flushed), not the CPU. */
const IMPORTS_AT_ONCE = 8;

/**
 * Imports each text. A text fails alone: when it breaks the format, when its slug already has a
 * record (`<slug>.json` without `force`, or a `<slug>.txt` in the data folder), or when an earlier
 * text of this import names the same slug. Usage errors throw before anything is read. Results
 * come in the order of `sources`.
 */
export async function importPageTexts(sources: readonly string[], options: ImportOptions = {}): Promise<ImportResult[]> {
  assertPageTextFiles(sources);
  const dataDir = options.dataDir ?? DEFAULTS.dataDir;
  const named = await namedSlugs(sources);
  const knownSlugs = options.knownSlugs ?? new Set([...(await dataFolderSlugs(dataDir)), ...named.keys()]);
  const limit = pLimit(IMPORTS_AT_ONCE);
  return Promise.all(sources.map((source) => limit(() => importOne(source, { dataDir, knownSlugs, force: options.force ?? false, firstSource: named }))));
}

async function importOne(source: string, options: { dataDir: string; knownSlugs: ReadonlySet<string>; force: boolean; firstSource: ReadonlyMap<string, string> }): Promise<ImportResult> {
  let notes: ReadingNote[] = [];
  try {
    const converted = await convertPageText(source, options);
    notes = converted.notes;
    const earlier = options.firstSource.get(converted.slug);
    const overwritten = await assertImportable(converted, earlier === source ? undefined : earlier, options.force);
    await writeFileAtomic(converted.output, converted.json);
    return { ...converted, imported: true, overwritten };
  } catch (error) {
    if (!isCasefileError(error) || error.exitCode === 2) throw error;
    return { source, imported: false, error, notes };
  }
}

/**
 * The slug each text's FILE RECORD line names → the first text to name it. A bare `→` may link to
 * a record imported alongside, and a second text naming a slug is refused.
 */
async function namedSlugs(sources: readonly string[]): Promise<Map<string, string>> {
  const named = new Map<string, string>();
  for (const source of sources) {
    const slug = pageTextSlug(await readPageText(source).catch(() => ''));
    if (slug !== undefined && !named.has(slug)) named.set(slug, source);
  }
  return named;
}

/** Refuses what would leave a slug with two records or replace one unasked; true when a record is replaced. */
async function assertImportable(converted: ConvertedText, earlierSource: string | undefined, force: boolean): Promise<boolean> {
  const { slug, output, source } = converted;
  if (earlierSource !== undefined) {
    throw new CasefileError('E_CONFLICT', `the slug ${JSON.stringify(slug)} is also that of ${earlierSource}, earlier in this import; expected one text per record`, { file: source });
  }
  const existing = await existingRecordFiles(path.dirname(output), slug);
  const text = existing.find((file) => recordFileKind(file) === 'page-text');
  if (text !== undefined) {
    throw new CasefileError(
      'E_CONFLICT',
      `importing this text would give the slug ${JSON.stringify(slug)} two records, ${displayPath(output)} and ${displayPath(text)}; expected one file per slug: remove ${displayPath(text)} first, or keep the record as page text`,
      { file: source },
    );
  }
  const replaces = existing.includes(output);
  if (replaces && !force) {
    throw new CasefileError('E_CONFLICT', `${displayPath(output)} already exists; use --force to overwrite it`, { file: source });
  }
  return replaces;
}
