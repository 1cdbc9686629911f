/**
 * The build's third stage: the tasks the cache could not keep, dossiers in one browser and cards
 * in one worker pool, a few records at a time; each file is written as soon as it is made. A task
 * that fails fails alone; an interrupt closes the browser and the pool, and what was written stays.
 *
 * A few records at a time, not every task at once: at 100,000 cards, every task started at once
 * queued 100,000 renders (or, drawing in-process, began 100,000 layouts), and every record stayed
 * parsed until the end. Each record is loaded again here, used for its outputs, and let go.
 */
import path from 'node:path';
import { cardBytes } from '../cards/render.js';
import { createCardRenderer, type CardRenderer } from '../cards/renderer.js';
import { chooseCardWorkers, describeCardWorkers } from '../cards/workers.js';
import { CasefileError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic.js';
import type { BuildEvents } from './events.js';
import { assertNotAborted, reportFailure, toError, type BuildFailure } from './failure.js';
import { readStamp } from './file-stamp.js';
import type { EntrySpool, Written } from './entry-spool.js';
import { scopeTag } from './prune.js';
import { fileHash } from './hash.js';
import { recordHash } from './fingerprint.js';
import type { RecordSummary } from './known-records.js';
import { ManifestEntrySchema, withVersion, type ManifestEntry } from './manifest.js';
import { loadRecordFile } from '../record/load.js';
import type { CaseFile } from '../record/schema.js';
import type { BuildOptions } from './options.js';
import type { PendingRecord } from './freshness.js';
import type { CardTask, DossierTask, Task } from './plan.js';
import type { DossierPrinter } from '../browser/printer.js';

export type { Written } from './entry-spool.js';

export interface RunResult {
  /** Every file written, whether or not its task then finished, a record's at a time. */
  spool: EntrySpool;
  /** Tasks that failed or were cut short: the cache may trust none of their files. */
  unfinished: Task[];
  /** Already reported; a task cut short by an interrupt is not a failure. */
  failures: BuildFailure[];
  blockedRequests: number;
  browserRelaunches: number;
}

/** What every task of one run shares. */
interface Run {
  outDir: string;
  /** Which build makes the files (prune.ts scopeTag), for the cache. */
  scope: string;
  events: BuildEvents;
  signal: AbortSignal | undefined;
  result: RunResult;
  /** Each record's files written since its entries last went to the spool. */
  unspooled: Map<RecordSummary, Written[]>;
}

/** Card fields a written card adds to its entry. */
type CardFields = Pick<ManifestEntry, 'section' | 'size' | 'engine' | 'alt' | 'width' | 'height'>;

/**
 * Keys in the schema's order, the order an entry read back from the cache has: a kept entry and a
 * made one then print alike, so the manifest and cache of a build with nothing changed are the
 * same bytes as the last build's and are not rewritten.
 */
function manifestEntry(task: Task, file: string, bytes: Uint8Array, card: CardFields): ManifestEntry {
  // The schema's own string, not a new one per card.
  const format = ManifestEntrySchema.shape.format.options.find((known) => known === path.extname(file).slice(1));
  if (card.alt !== undefined) card = { ...card, alt: ownCopy(card.alt) };
  // With its version now, not copied to add it when the manifest is written: at 100,000 cards each copy is kept to the end.
  return withVersion(ManifestEntrySchema.parse({ record: task.record.slug, title: task.record.title, kind: task.kind, ...card, format, path: file, bytes: bytes.byteLength, hash: fileHash(bytes) }));
}

/**
 * The text as a string of its own. A card's alt text is joined from pieces of its record, and a
 * joined string keeps every piece, and each piece the whole text it was cut from: held for the
 * rest of the build, that was about 0.3 KB a card of record text no longer needed.
 */
const ownCopy = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

async function write(run: Run, task: Task, file: string, bytes: Uint8Array, card: CardFields): Promise<void> {
  const target = path.join(run.outDir, file);
  await writeFileAtomic(target, bytes);
  const stamp = await readStamp(target);
  const entry = manifestEntry(task, file, bytes, card);
  const written = run.unspooled.get(task.record) ?? [];
  written.push({ inputs: task.inputs, output: entry.hash, entry, scope: run.scope, ...stamp });
  run.unspooled.set(task.record, written);
}

/** The record's files written so far, handed to the spool. */
function spoolWritten(run: Run, record: RecordSummary): void {
  const written = run.unspooled.get(record);
  run.unspooled.delete(record);
  if (written) run.result.spool.add(record.slug, written);
}

async function makeDossier(run: Run, printer: DossierPrinter, record: CaseFile, task: DossierTask): Promise<void> {
  const { finishDossier, printDossier } = await import('../api/dossier.js');
  const printed = await printer.print((pages, pool) => printDossier(pages, record, { ...task.print, pages: pool }));
  // Out of the printer's slot: this dossier is finished while the next one prints.
  assertNotAborted(run.signal);
  const { pdf, blockedRequests } = await finishDossier(printed);
  run.result.blockedRequests += blockedRequests.length;
  for (const url of blockedRequests) run.events.onInfo?.(`${task.record.slug}: blocked request: ${url}`);
  assertNotAborted(run.signal);
  await write(run, task, task.paths[0], pdf, {});
}

async function makeCard(run: Run, renderer: CardRenderer, record: CaseFile, task: CardTask): Promise<void> {
  const [rendered] = await renderer.render(record, [task.job]);
  assertNotAborted(run.signal);
  if (rendered === undefined) throw new CasefileError('E_RENDER', `the card renderer returned nothing for ${task.paths[0]}`);
  for (const warning of rendered.warnings) run.events.onWarning?.(warning);
  const { job } = task;
  const card = { width: rendered.width, height: rendered.height, section: job.section, size: job.size, engine: rendered.engine, alt: rendered.alt };
  for (const format of job.formats) {
    const bytes = cardBytes(rendered, format);
    const file = job.paths[format];
    if (bytes && file) await write(run, task, file, bytes, card);
  }
}

async function attempt(run: Run, task: Task, work: () => Promise<void>): Promise<void> {
  try {
    assertNotAborted(run.signal);
    await work();
    run.events.onOutput?.({ record: task.record.slug, kind: task.kind, path: task.paths[0], status: 'made' });
  } catch (error) {
    run.result.unfinished.push(task);
    if (run.signal?.aborted) return;
    run.result.failures.push(reportFailure(run.events, task.record.slug, toError(error), { kind: task.kind, path: task.paths[0] }));
  }
}

/** Loaded only for a build with dossiers to print: the browser and PDF finishing (pdf-lib) are most of the run's imports, and a build of cards needs none of them. */
async function startPrinter(options: BuildOptions, events: BuildEvents): Promise<DossierPrinter> {
  const { createDossierPrinter } = await import('../browser/printer.js');
  // A relaunched browser would repeat what it says (browser path, --no-sandbox): say it once.
  const said = new Set<string>();
  const onInfo = (message: string) => {
    if (said.has(message)) return;
    said.add(message);
    events.onInfo?.(message);
  };
  return createDossierPrinter({
    concurrency: options.concurrency,
    launch: { ...(options.browserPath ? { explicitPath: options.browserPath } : {}), onInfo },
    ...(options.browserWs ? { browserWs: options.browserWs } : {}),
  });
}

/** Card workers are the engine's default unless asked for; pages printing at once (`concurrency`) are no part of it. */
function startCardRenderer(options: BuildOptions, cardCount: number, events: BuildEvents): CardRenderer {
  const settings = { ...(options.theme ? { theme: options.theme } : {}), ...(options.cardLayoutsDir ? { layoutsDir: options.cardLayoutsDir } : {}) };
  const choice = chooseCardWorkers(options.engine, cardCount, options.workers);
  events.onInfo?.(describeCardWorkers(options.engine, choice));
  return createCardRenderer({ workers: choice.workers, settings });
}

/** How the plan read the records, for reading them again alike. */
export interface RecordReader {
  dataDir: string;
  knownSlugs: ReadonlySet<string>;
}

/** The record the plan summarised: one edited since fails its outputs rather than give them inputs they were not made from. */
async function reload(reader: RecordReader, summary: RecordSummary): Promise<CaseFile> {
  const record = await loadRecordFile(summary.file, reader);
  if (recordHash(record) !== summary.contentHash) {
    throw new CasefileError('E_READ', `${summary.file} changed while the build was running; build again to make its outputs`, { file: summary.file });
  }
  return record;
}

/** A record's tasks of one kind, made when its turn comes (freshness.ts PendingRecord). */
type Group<T extends Task> = () => T[];

/** Each record's tasks, dossiers apart from cards: the one list of them this stage keeps. */
interface Groups {
  dossiers: (Group<DossierTask> | undefined)[];
  cards: (Group<CardTask> | undefined)[];
  cardCount: number;
}

const isDossier = (task: Task): task is DossierTask => task.kind === 'dossier';
const isCard = (task: Task): task is CardTask => task.kind === 'card';

function groupsOf(pending: readonly PendingRecord[]): Groups {
  return {
    dossiers: pending.filter((record) => record.dossiers > 0).map((record) => () => record.tasks().filter(isDossier)),
    cards: pending.filter((record) => record.cards > 0).map((record) => () => record.tasks().filter(isCard)),
    cardCount: pending.reduce((sum, record) => sum + record.cards, 0),
  };
}

/** Cards in flight at once, about: enough to keep every worker (or Takumi's own threads) busy. */
const CARDS_IN_FLIGHT = 48;

/** One record's tasks with its record loaded once for them; a record that cannot be loaded again fails each of them. */
async function runGroup<T extends Task>(run: Run, reader: RecordReader, group: readonly T[], make: (record: CaseFile, task: T) => Promise<void>): Promise<void> {
  const first = group[0];
  if (first === undefined || run.signal?.aborted) {
    await Promise.all(group.map((task) => attempt(run, task, async () => undefined)));
    return;
  }
  const record = reload(reader, first.record);
  // Each task awaits it; this keeps a failed load from counting as unhandled before they do.
  record.catch(() => undefined);
  try {
    await Promise.all(group.map((task) => attempt(run, task, async () => make(await record, task))));
  } finally {
    spoolWritten(run, first.record);
  }
}

/**
 * Runs the groups `atOnce` at a time, each taken out of `groups` as it starts, so a record's
 * tasks are let go once its outputs are made.
 */
async function runByRecord<T extends Task>(run: Run, reader: RecordReader, groups: (Group<T> | undefined)[], atOnce: number, make: (record: CaseFile, task: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < groups.length) {
      const index = next++;
      const group = groups[index]?.() ?? [];
      groups[index] = undefined;
      await runGroup(run, reader, group, make);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, groups.length)) }, lane));
}

/** Where the run writes: its files under `outDir`, and their entries to `spool`, which the caller removes once the build is done with it. */
export interface RunTarget {
  outDir: string;
  spool: EntrySpool;
}

/**
 * Takes the records out of `pending` (which it leaves empty: only this stage then holds them, and
 * it makes each record's tasks when their turn comes and lets them go once they are done). The browser starts on the first dossier and the
 * pool on the first card: neither when there is none to make.
 */
export async function runTasks(pending: PendingRecord[], options: BuildOptions, { outDir, spool }: RunTarget, reader: RecordReader, events: BuildEvents, signal?: AbortSignal): Promise<RunResult> {
  const run: Run = { outDir, scope: scopeTag(options.shard), events, signal, result: { spool, unfinished: [], failures: [], blockedRequests: 0, browserRelaunches: 0 }, unspooled: new Map() };
  const groups = groupsOf(pending.splice(0));
  const printer = groups.dossiers.length > 0 ? await startPrinter(options, events) : undefined;
  const renderer = groups.cardCount > 0 ? startCardRenderer(options, groups.cardCount, events) : undefined;
  const closeAll = () => Promise.all([printer?.close(), renderer?.close()]);
  const onAbort = () => void closeAll();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const cardsPerRecord = groups.cardCount / Math.max(1, groups.cards.length);
    await Promise.all([
      // Twice the pages printing at once: one record's dossier is finished while the next prints.
      printer ? runByRecord(run, reader, groups.dossiers, options.concurrency * 2, (record, task) => makeDossier(run, printer, record, task)) : undefined,
      renderer ? runByRecord(run, reader, groups.cards, Math.ceil(CARDS_IN_FLIGHT / cardsPerRecord), (record, task) => makeCard(run, renderer, record, task)) : undefined,
    ]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await closeAll();
  }
  return { ...run.result, browserRelaunches: printer?.relaunches ?? 0 };
}
