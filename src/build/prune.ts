/**
 * Stale outputs: files an earlier build made (the cache remembers each one and the hash of the
 * bytes it wrote) that this build no longer makes, because their record, card size or section
 * left the build. Only files in this build's scope go: a build of some records, of one kind or
 * of one shard leaves everyone else's outputs alone, and a file whose bytes are no longer the
 * ones casefile wrote is not casefile's any more, so it stays.
 */
import { readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { CacheEntries } from './cache.js';
import { fileHash } from './hash.js';
import type { OutputKind } from './options.js';

export interface PruneScope {
  /** Output kinds this build makes. */
  kinds: readonly OutputKind[];
  /** The records this build covers (after selection and sharding). */
  records: ReadonlySet<string>;
  /** Every record in the data folder: an output of a record not among them belongs to a record that was removed. */
  existing: ReadonlySet<string>;
  /** A removed record's outputs are pruned only by a build of the same scope that made them: every record, or the same shard. */
  scopeTag: string;
  /** Whether removed records are this build's to prune at all (false when records were named). */
  coversRemoved: boolean;
  /** Records that failed to load: their earlier outputs are kept until they build again. */
  failed: ReadonlySet<string>;
}

const kindOf = (kind: 'dossier' | 'card'): OutputKind => (kind === 'card' ? 'cards' : 'dossier');

/** Pure: which cached outputs this build would have made once and no longer makes. */
export function staleOutputs(known: CacheEntries, wanted: ReadonlySet<string>, scope: PruneScope): string[] {
  return Object.entries(known)
    .filter(([file, { entry, scope: madeBy }]) => {
      if (wanted.has(file) || scope.failed.has(entry.record)) return false;
      if (!scope.kinds.includes(kindOf(entry.kind))) return false;
      if (scope.records.has(entry.record)) return true;
      return scope.coversRemoved && !scope.existing.has(entry.record) && (madeBy ?? 'all') === scope.scopeTag;
    })
    .map(([file]) => file)
    .sort();
}

export interface PruneResult {
  removed: string[];
  /** Stale outputs left in place because their bytes changed since casefile wrote them. */
  kept: string[];
  /** Stale outputs already deleted by someone else: only the cache still named them. */
  missing: string[];
}

/** Removes each stale file that still holds the bytes casefile wrote, then any folder that left empty. */
export async function removeStaleOutputs(outDir: string, known: CacheEntries, stale: readonly string[]): Promise<PruneResult> {
  const result: PruneResult = { removed: [], kept: [], missing: [] };
  const folders = new Set<string>();
  for (const file of stale) {
    const absolute = path.join(outDir, file);
    const bytes = await readFile(absolute).catch(() => undefined);
    if (bytes === undefined) {
      result.missing.push(file);
      continue;
    }
    if (fileHash(bytes) !== known[file]?.output) {
      result.kept.push(file);
      continue;
    }
    await rm(absolute, { force: true });
    result.removed.push(file);
    for (let folder = path.dirname(file); folder !== '.' && folder !== '/' && folder !== ''; folder = path.dirname(folder)) folders.add(folder);
  }
  // Deepest first, so out/<slug>/cards goes before out/<slug>; rmdir refuses a folder with anything left in it.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(path.join(outDir, folder)).catch(() => undefined);
  }
  return result;
}
