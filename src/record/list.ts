import { isCasefileError, type CasefileError } from '../errors.js';
import { readDataFolder } from './data-folder.js';
import { loadRecordFile } from './load.js';

export interface RecordSummary {
  slug: string;
  file: string;
  title?: string;
  error?: CasefileError;
}

/**
 * The record files of a data folder (`*.json` and `*.txt`), one per slug, sorted so every listing
 * and batch has one order. A slug with both files is listed once, by its JSON file, and loading
 * that file reports the conflict naming both.
 */
export async function listRecordFiles(dataDir: string): Promise<string[]> {
  return (await readDataFolder(dataDir)).map((entry) => entry.file);
}

/** Every record in the data folder, valid or not; invalid ones carry their error. */
export async function listRecords(dataDir: string): Promise<RecordSummary[]> {
  const entries = await readDataFolder(dataDir);
  const knownSlugs = new Set(entries.map((entry) => entry.slug));
  return Promise.all(
    entries.map(async ({ slug, file }): Promise<RecordSummary> => {
      try {
        const record = await loadRecordFile(file, { dataDir, knownSlugs });
        return { slug, file, title: record.title };
      } catch (error) {
        if (!isCasefileError(error)) throw error;
        return { slug, file, error };
      }
    }),
  );
}
