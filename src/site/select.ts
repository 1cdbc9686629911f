/** Which records a build covers: every record, or those named by slug, glob or file path. */
import picomatch from 'picomatch';
import { CasefileError } from '../errors.js';
import { readDataFolder } from '../record/data-folder.js';
import { slugOfFileName } from '../record/file-kinds.js';
import { assertSlug, looksLikeFile, resolveRecordFile } from '../record/slug.js';

export interface SelectedRecord {
  slug: string;
  file: string;
}

const GLOB_CHARS = /[*?[\]{}!]/;

export async function selectRecords(dataDir: string, patterns: readonly string[]): Promise<SelectedRecord[]> {
  const all = await readDataFolder(dataDir);
  if (patterns.length === 0) return all;

  const chosen = new Map<string, SelectedRecord>();
  for (const pattern of patterns) {
    if (looksLikeFile(pattern)) {
      const file = await resolveRecordFile(pattern, dataDir);
      chosen.set(file, { slug: slugOfFileName(file), file });
    } else if (GLOB_CHARS.test(pattern)) {
      const matches = all.filter((record) => picomatch.isMatch(record.slug, pattern));
      if (matches.length === 0) throw new CasefileError('E_USAGE', `no record in ${dataDir} matches ${JSON.stringify(pattern)}`);
      for (const record of matches) chosen.set(record.file, record);
    } else {
      assertSlug(pattern);
      const file = await resolveRecordFile(pattern, dataDir);
      chosen.set(file, { slug: pattern, file });
    }
  }
  return [...chosen.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
