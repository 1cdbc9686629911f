import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CasefileError, isCasefileError } from '../errors.js';
import { readRecordText, parseRecord } from './load.js';

export interface RecordSummary {
  slug: string;
  file: string;
  title?: string;
  error?: CasefileError;
}

/** The record files of a data folder, sorted so every listing and batch has one order. */
export async function listRecordFiles(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch (error) {
    throw new CasefileError('E_NOT_FOUND', `cannot read the data folder ${dataDir}: ${(error as Error).message}`, {
      file: dataDir,
      cause: error,
    });
  }
  return names
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .sort()
    .map((name) => path.join(dataDir, name));
}

/** Every record in the data folder, valid or not; invalid ones carry their error. */
export async function listRecords(dataDir: string): Promise<RecordSummary[]> {
  const files = await listRecordFiles(dataDir);
  return Promise.all(
    files.map(async (file): Promise<RecordSummary> => {
      const slug = path.basename(file, '.json');
      try {
        const record = parseRecord(await readRecordText(file), file);
        return { slug, file, title: record.title };
      } catch (error) {
        if (!isCasefileError(error)) throw error;
        return { slug, file, error };
      }
    }),
  );
}
