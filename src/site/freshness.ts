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
  /**
   * The cache this build goes on from: the known entries themselves (not a copy: at 100,000 cards a
   * copy of the map alone was megabytes), or none with --force.
   */
  entries: CacheEntries;
  /** Whether this stage replaced any entry of `entries` (a new stamp or scope); with --force, `entries` is a map of its own. */
  entriesChanged: boolean;
  /** The manifest entries of the outputs kept as they are. */
  kept: ManifestEntry[];
  /** The tasks to run, by record. */
  pending: PendingRecord[];
  /** Whether a card to draw is Takumi's, whose native binding then loads before anything starts. */
  drawsWithTakumi: boolean;
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
 * stamp in `entries` (and `onChange` is told), so the next build need not hash it again.
 */
async function keptEntries(outDir: string, entries: CacheEntries, task: Task, onChange: () => void): Promise<ManifestEntry[] | undefined> {
  const checks = await Promise.all(task.paths.map((file) => checkOutput(outDir, entries, file, task.inputs)));
  const cached = task.paths.map((file) => entries[file]?.entry);
  if (!checks.every((check) => check.fresh) || !cached.every(complete)) return undefined;
  task.paths.forEach((file, index) => {
    const restamp = checks[index]?.restamp;
    const entry = entries[file];
    if (restamp && entry) {
      entries[file] = { ...entry, ...restamp };
      onChange();
    }
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

/** One record's tasks to run. */
export interface PendingRecord {
  record: RecordSummary;
  dossiers: number;
  cards: number;
  /**
   * Its tasks to run. A record with all of its tasks to run (every record of a cold build) holds
   * none: they are made again, as the plan made them, when the run reaches the record. A task is
   * about 0.6 KB (a 10,000-card plan grew the heap by 6 MB), and a cold build of 100,000 cards
   * held them all from here until the run reached each record.
   */
  tasks: () => Task[];
}

/** Pure: how many tasks are to run. */
export const pendingTasks = (pending: readonly PendingRecord[]): number => pending.reduce((sum, record) => sum + record.dossiers + record.cards, 0);

function pendingRecord({ tasksOf }: PlannedRecords, record: RecordSummary, planned: readonly Task[], toRun: Task[]): PendingRecord {
  const dossiers = toRun.filter((task) => task.kind === 'dossier').length;
  const tasks = toRun.length === planned.length ? () => tasksOf(record) : () => toRun;
  return { record, dossiers, cards: toRun.length - dossiers, tasks };
}

/**
 * `total` (outputs and records that failed to load) is told to the caller once the tasks are
 * planned, before the first output is reported. `scope` marks what this build keeps as its own to
 * prune. Each record's tasks are made here, a few records at a time, and only those to run are
 * kept.
 */
export async function sortByFreshness(outDir: string, cache: LoadedCache, plan: PlannedRecords, options: { force: boolean; scope: string; total: number }, events: BuildEvents): Promise<Freshness> {
  const entries: CacheEntries = options.force ? {} : cache.entries;
  let entriesChanged = false;
  const onChange = () => {
    entriesChanged = true;
  };
  events.onPlanned?.(options.total);

  const kept: ManifestEntry[] = [];
  const pending: PendingRecord[] = [];
  const planned = new Set<string>();
  let drawsWithTakumi = false;
  let batch: [RecordSummary, Task[]][] = [];
  let batchTasks = 0;
  // A batch at a time: an output whose stamp moved is read and hashed, and those reads overlap.
  const sortBatch = async () => {
    const verdicts = await Promise.all(batch.flatMap(([, tasks]) => tasks).map((task) => keptEntries(outDir, entries, task, onChange)));
    let index = 0;
    for (const [record, tasks] of batch) {
      const toRun: Task[] = [];
      for (const task of tasks) {
        // The cache's own copy of a path where it has one: the task's copy goes with the task.
        for (const file of task.paths) planned.add(entries[file]?.entry.path ?? file);
        const cached = verdicts[index++];
        if (cached === undefined) {
          toRun.push(task);
          drawsWithTakumi ||= task.kind === 'card' && task.job.engine === 'takumi';
          continue;
        }
        kept.push(...cached);
        // Kept by this build, so this build's to prune should it leave later.
        for (const file of task.paths) {
          const entry = entries[file];
          if (entry && entry.scope !== options.scope) {
            entries[file] = { ...entry, scope: options.scope };
            onChange();
          }
        }
        events.onOutput?.({ record: task.record.slug, kind: task.kind, path: task.paths[0], status: 'skipped' });
      }
      if (toRun.length > 0) pending.push(pendingRecord(plan, record, tasks, toRun));
    }
    batch = [];
    batchTasks = 0;
  };
  for (const record of plan.records) {
    const tasks = plan.tasksOf(record);
    batch.push([record, tasks]);
    batchTasks += tasks.length;
    if (batchTasks >= CHECKS_AT_ONCE) await sortBatch();
  }
  await sortBatch();
  return { read: cache, known: cache.entries, knownPages: cache.pages, entries, entriesChanged, kept, pending, drawsWithTakumi, planned };
}
