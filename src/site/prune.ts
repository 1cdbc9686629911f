/**
 * Stale outputs: files an earlier build made (the cache remembers each one and the hash of the
 * bytes it wrote) that this build no longer makes, because their record, card size or section
 * left the build. Only files in this build's scope go: a build of some records, of one kind or
 * of one shard leaves everyone else's outputs alone, and a file whose bytes are no longer the
 * ones casefile wrote is not casefile's any more, so it stays.
 */
import { readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { CachedPages, CacheEntries } from './cache.js';
import { fileHash } from './hash.js';
import type { OutputKind } from './options.js';
import type { Shard } from './shard.js';

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

/** Which build made an output (`scope` in the cache): a shard prunes only what the same shard made. */
export function scopeTag(shard: Shard | undefined): string {
  return shard ? `shard ${shard.index}/${shard.count}` : 'all';
}

/** What pruning needs to know of a file an earlier build wrote. */
export interface KnownOutput {
  record: string;
  /** The kind of build that makes it: a record's meta.html shares its cards, so it is the cards'. */
  kind: OutputKind;
  /** Hash of the bytes written. */
  output: string;
  scope?: string;
}

/**
 * The cache's outputs and pages, in the one shape pruning reads, each made when read: made all at
 * once, 100,000 of them were held beside the cache they copy, at the build's busiest moment.
 */
export class KnownOutputs implements Iterable<[string, KnownOutput]> {
  constructor(
    private readonly entries: CacheEntries,
    private readonly pages: CachedPages,
  ) {}

  get(file: string): KnownOutput | undefined {
    const page = this.pages[file];
    if (page) return { ...page, kind: 'cards' };
    const output = this.entries[file];
    return output ? outputOf(output) : undefined;
  }

  /** A key at a time: Object.entries would make 100,000 pairs at once. */
  *[Symbol.iterator](): Generator<[string, KnownOutput]> {
    for (const file of Object.keys(this.entries)) if (!Object.hasOwn(this.pages, file)) yield [file, outputOf(this.entries[file]!)];
    for (const file of Object.keys(this.pages)) yield [file, { ...this.pages[file]!, kind: 'cards' }];
  }
}

const outputOf = ({ entry, output, scope }: CacheEntries[string]): KnownOutput => ({ record: entry.record, kind: entry.kind === 'card' ? 'cards' : 'dossier', output, ...(scope ? { scope } : {}) });

/** Pure: the cache's outputs and meta pages, in the one shape pruning reads. */
export const knownOutputs = (entries: CacheEntries, pages: CachedPages): KnownOutputs => new KnownOutputs(entries, pages);

/** Pure: which known outputs this build would have made once and no longer makes. */
export function staleOutputs(known: Iterable<[string, KnownOutput]>, wanted: Pick<ReadonlySet<string>, 'has'>, scope: PruneScope): string[] {
  const stale: string[] = [];
  for (const [file, { record, kind, scope: madeBy }] of known) {
    if (wanted.has(file) || scope.failed.has(record)) continue;
    if (!scope.kinds.includes(kind)) continue;
    if (scope.records.has(record) || (scope.coversRemoved && !scope.existing.has(record) && (madeBy ?? 'all') === scope.scopeTag)) stale.push(file);
  }
  return stale.sort();
}

export interface PruneResult {
  removed: string[];
  /** Stale outputs left in place because their bytes changed since casefile wrote them. */
  kept: string[];
  /** Stale outputs already deleted by someone else: only the cache still named them. */
  missing: string[];
}

/** Removes each stale file that still holds the bytes casefile wrote, then any folder that left empty. */
export async function removeStaleOutputs(outDir: string, known: Pick<KnownOutputs, 'get'>, stale: readonly string[]): Promise<PruneResult> {
  const result: PruneResult = { removed: [], kept: [], missing: [] };
  const folders = new Set<string>();
  for (const file of stale) {
    const absolute = path.join(outDir, file);
    const bytes = await readFile(absolute).catch(() => undefined);
    if (bytes === undefined) {
      result.missing.push(file);
      continue;
    }
    if (fileHash(bytes) !== known.get(file)?.output) {
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
