/**
 * Records as the server reads them: from the data folder on every request, so an edit is served
 * at once, but parsed again only when the file changed. A file's identity is its inode, size and
 * modification time (a page text's also the folder's, whose slugs its bare arrows link to); a
 * record that fails to load is remembered with its error the same way. Bounded: the least
 * recently asked records are forgotten first. The data folder is meant to be local: its `stat`s
 * are synchronous.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { CasefileError, isCasefileError } from '../errors.js';
import { dataFolderSlugs } from '../record/data-folder.js';
import { recordFileNames } from '../record/file-kinds.js';
import { loadRecordFile } from '../record/load.js';
import type { CaseFile } from '../record/schema.js';

export interface SourcedRecord {
  record: CaseFile;
  /** Changes whenever the record's file (or, for a page text, the data folder) does. */
  stamp: string;
}

export interface RecordSource {
  /** `slug` was checked against the slug pattern. Throws E_NOT_FOUND, or the record's own error. */
  load(slug: string): Promise<SourcedRecord>;
  /** The data folder's slugs now (a dossier's related links depend on them). */
  slugs(): Promise<string[]>;
}

const MAX_REMEMBERED = 10_000;

function fileStamp(name: string, stats: { ino: number; size: number; mtimeMs: number }): string {
  return `${name}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

export function createRecordSource(dataDir: string): RecordSource {
  const remembered = new LRUCache<string, { stamp: string; outcome: CaseFile | CasefileError }>({ max: MAX_REMEMBERED });
  let folder: { stamp: string; slugs: Set<string> } | undefined;

  async function folderSlugs(): Promise<{ stamp: string; slugs: Set<string> }> {
    const stats = statSync(dataDir, { throwIfNoEntry: false });
    const stamp = stats ? `${stats.ino}:${stats.mtimeMs}` : 'absent';
    if (folder?.stamp !== stamp) folder = { stamp, slugs: await dataFolderSlugs(dataDir) };
    return folder;
  }

  return {
    async load(slug) {
      const files = recordFileNames(slug).map((name) => path.join(dataDir, name));
      // Synchronous, and no error for a missing file: on the hot path a thread-pool round trip and
      // an ENOENT error with its stack cost more than the rest of the request (bench/serve.mjs).
      const stats = files.map((file) => statSync(file, { throwIfNoEntry: false }));
      const present = files.flatMap((file, index) => (stats[index]?.isFile() ? [{ file, stats: stats[index] }] : []));
      if (present.length === 0) throw new CasefileError('E_NOT_FOUND', `no record "${slug}"`);
      const pageText = present.some(({ file }) => file.endsWith('.txt'));
      const known = pageText ? await folderSlugs() : undefined;
      const stamp = [...present.map(({ file, stats }) => fileStamp(path.basename(file), stats)), known?.stamp ?? ''].join('|');
      let entry = remembered.get(slug);
      if (entry?.stamp !== stamp) {
        const outcome = await loadRecordFile(present[0]!.file, { dataDir, ...(known ? { knownSlugs: known.slugs } : {}) }).catch((error: unknown) => {
          if (isCasefileError(error)) return error;
          throw error;
        });
        entry = { stamp, outcome };
        remembered.set(slug, entry);
      }
      if (entry.outcome instanceof CasefileError) throw entry.outcome;
      return { record: entry.outcome, stamp };
    },
    async slugs() {
      // In the data folder's order, as `build` hashes them.
      return [...(await folderSlugs()).slugs];
    },
  };
}
