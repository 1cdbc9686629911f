/**
 * The build's second stage: the cache read (before the plan, which reads the records it
 * remembers), and the planned tasks sorted into those whose
 * files the cache proves unchanged (kept, not redone) and those to run.
 */
import { checkOutput, loadCache, type CachedPages, type CacheEntries, type LoadedCache } from './cache.js';
import type { BuildEvents } from './events.js';
import type { ManifestEntry } from './manifest.js';
import type { RecordSummary } from './known-records.js';
import type { Task } from './plan.js';

export interface Freshness {
  /** The cache as read: a build that changes nothing in it leaves the file unwritten. */
  read: LoadedCache;
  /** What earlier builds made, --force or not: pruning needs to know. */
  known: CacheEntries;
  knownPages: CachedPages;
  /** The cache this build goes on from: the known entries, or none with --force. */
  entries: CacheEntries;
  /** The manifest entries of the outputs kept as they are. */
  kept: ManifestEntry[];
  /** The tasks to run. */
  pending: Task[];
  /** Every path the plan's tasks write, made or kept. */
  planned: Set<string>;
}

const CHECKS_AT_ONCE = 64;

/**
 * A card's cached entry must carry its alt text: the manifest and the meta tags list it for a card
 * that is not drawn again. The cache keeps it rather than this stage writing it anew, because a
 * user layout's alt is known only by running the layout; the inputs hash covers the record, the
 * layouts and casefile's code, so the alt kept is the one a redraw would give.
 */
function complete(entry: ManifestEntry | undefined): entry is ManifestEntry {
  return entry !== undefined && (entry.kind !== 'card' || entry.alt !== undefined);
}

/**
 * Every file of the task is the one its inputs made, and the cache still has its whole manifest
 * entry. A file that had to be hashed to tell (touched, or cached before stamps) gets its new
 * stamp in `entries`, so the next build need not hash it again.
 */
async function keptEntries(outDir: string, entries: CacheEntries, task: Task): Promise<ManifestEntry[] | undefined> {
  const checks = await Promise.all(task.paths.map((file) => checkOutput(outDir, entries, file, task.inputs)));
  const cached = task.paths.map((file) => entries[file]?.entry);
  if (!checks.every((check) => check.fresh) || !cached.every(complete)) return undefined;
  task.paths.forEach((file, index) => {
    const restamp = checks[index]?.restamp;
    const entry = entries[file];
    if (restamp && entry) entries[file] = { ...entry, ...restamp };
  });
  return cached;
}

/** The cache read (one that cannot be trusted is reported and read as empty). */
export async function openCache(outDir: string, events: BuildEvents): Promise<LoadedCache> {
  const cache = await loadCache(outDir);
  if (cache.discarded) events.onWarning?.(cache.discarded);
  return cache;
}

/** The records whose outputs are planned, and how to plan them (plan.ts). */
export interface PlannedRecords {
  records: readonly RecordSummary[];
  tasksOf: (record: RecordSummary) => Task[];
}

/**
 * `total` (outputs and records that failed to load) is told to the caller once the tasks are
 * planned, before the first output is reported. `scope` marks what this build keeps as its own to
 * prune. Each record's tasks are made here, a few records at a time, and only those to run are
 * kept.
 */
export async function sortByFreshness(outDir: string, cache: LoadedCache, { records, tasksOf }: PlannedRecords, options: { force: boolean; scope: string; total: number }, events: BuildEvents): Promise<Freshness> {
  const entries: CacheEntries = options.force ? {} : { ...cache.entries };
  events.onPlanned?.(options.total);

  const kept: ManifestEntry[] = [];
  const pending: Task[] = [];
  const planned = new Set<string>();
  let batch: Task[] = [];
  // A batch at a time: an output whose stamp moved is read and hashed, and those reads overlap.
  const sortBatch = async () => {
    const verdicts = await Promise.all(batch.map((task) => keptEntries(outDir, entries, task)));
    for (const [index, task] of batch.entries()) {
      for (const file of task.paths) planned.add(file);
      const cached = verdicts[index];
      if (cached === undefined) {
        pending.push(task);
        continue;
      }
      kept.push(...cached);
      // Kept by this build, so this build's to prune should it leave later.
      for (const file of task.paths) {
        const entry = entries[file];
        if (entry && entry.scope !== options.scope) entries[file] = { ...entry, scope: options.scope };
      }
      events.onOutput?.({ record: task.record.slug, kind: task.kind, path: task.paths[0], status: 'skipped' });
    }
    batch = [];
  };
  for (const record of records) {
    batch.push(...tasksOf(record));
    if (batch.length >= CHECKS_AT_ONCE) await sortBatch();
  }
  await sortBatch();
  return { read: cache, known: cache.entries, knownPages: cache.pages, entries, kept, pending, planned };
}
