/**
 * What a data folder holds: one record file per slug, `<slug>.json` or `<slug>.txt`. A slug with
 * both is a conflict that is reported, naming both files, never settled by picking one.
 */
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CasefileError, displayPath } from '../errors.js';
import { isRecordFileName, recordFileNames, slugOfFileName } from './file-kinds.js';

export interface DataFolderEntry {
  slug: string;
  /** The slug's file; for a slug with both kinds, the JSON one (loading it reports the conflict). */
  file: string;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** One entry per slug, in the order of the files' names, so every listing and batch has one order. */
export async function readDataFolder(dataDir: string): Promise<DataFolderEntry[]> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch (error) {
    throw new CasefileError('E_NOT_FOUND', `cannot read the data folder ${dataDir}: ${(error as Error).message}`, {
      file: dataDir,
      cause: error,
    });
  }
  const entries = new Map<string, DataFolderEntry>();
  for (const name of names.filter(isRecordFileName).sort()) {
    const slug = slugOfFileName(name);
    if (!entries.has(slug)) entries.set(slug, { slug, file: path.join(dataDir, name) });
  }
  return [...entries.values()];
}

/**
 * The slugs of the records in the data folder, of both kinds: what a page text's bare `→` may
 * link to. A data folder that is not there has none (a page text can be printed without one).
 */
export async function dataFolderSlugs(dataDir: string): Promise<Set<string>> {
  const entries = await readDataFolder(dataDir).catch((error: unknown) => {
    if (error instanceof CasefileError && error.code === 'E_NOT_FOUND') return [];
    throw error;
  });
  return new Set(entries.map((entry) => entry.slug));
}

/** The files of `slug` that exist in `dir`, JSON first. */
export async function existingRecordFiles(dir: string, slug: string): Promise<string[]> {
  const files = recordFileNames(slug).map((name) => path.join(dir, name));
  const found = await Promise.all(files.map(async (file) => ((await exists(file)) ? file : undefined)));
  return found.filter((file): file is string => file !== undefined);
}

/** The message starts with the first file, so the CLI prints it once rather than as a `file:` prefix too. */
export function bothKindsError(slug: string, files: readonly string[]): CasefileError {
  return new CasefileError(
    'E_CONFLICT',
    `${files.map((file) => displayPath(file)).join(' and ')} are both the record ${JSON.stringify(slug)}; expected one file per slug: remove one of them`,
    { file: files[0]! },
  );
}

/** A record file in the data folder must be its slug's only one: `sdet.json` beside `sdet.txt` is refused. */
export async function assertOneFilePerSlug(file: string): Promise<void> {
  const slug = slugOfFileName(file);
  const files = await existingRecordFiles(path.dirname(file), slug);
  if (files.length > 1) throw bothKindsError(slug, files);
}
