/**
 * What a record's slug may be, and how a reference a user typed (a slug or a file path) becomes a
 * record file. Apart from the schema and the parsers, so choosing records does not load them.
 */
import path from 'node:path';
import { CasefileError } from '../errors.js';
import { resolveInside } from '../output/safe-path.js';
import { existingRecordFiles } from './data-folder.js';
import { recordFileKind, recordFileNames } from './file-kinds.js';

/** Lower-case letters, digits and hyphens, not starting with a hyphen (it would read as a CLI flag). */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const MAX_SLUG_LENGTH = 120;

/** A reference names a file when it looks like one; anything else is a slug in the data folder. */
export function looksLikeFile(reference: string): boolean {
  return recordFileKind(reference) !== undefined || reference.includes('/') || reference.includes(path.sep);
}

export function assertSlug(slug: string): void {
  if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) {
    throw new CasefileError(
      'E_SLUG',
      `invalid slug ${JSON.stringify(slug)}: expected lower-case letters, digits and hyphens ([a-z0-9-]+), not starting with a hyphen`,
    );
  }
}

/**
 * A file path as given, or a slug's file in the data folder: `<slug>.json` or `<slug>.txt`,
 * whichever exists. A slug with both resolves to its JSON file, and loading that reports the
 * conflict; a slug with neither resolves to `<slug>.json`, and reading that says it is missing.
 */
export async function resolveRecordFile(reference: string, dataDir: string): Promise<string> {
  if (looksLikeFile(reference)) return path.resolve(reference);
  assertSlug(reference);
  const candidates = recordFileNames(reference).map((name) => resolveInside(dataDir, name, 'record'));
  const [found] = await existingRecordFiles(path.dirname(candidates[0]!), reference);
  return found ?? candidates[0]!;
}
