/**
 * The build's first stage: the options checked, the records selected and loaded, and every output
 * they make planned as a task with the hash of its inputs. Nothing is started yet (no browser, no
 * card worker), so a bad option fails before anything costly, and a record that does not load
 * fails alone.
 */
import path from 'node:path';
import pLimit from 'p-limit';
import type { DossierRenderOptions } from '../api/dossier.js';
import { cardJobs, jobsPerRecord, parseCardPlan, type CardJob, type CardPlan } from '../cards/plan.js';
import { qrUrl } from '../dossier/qr-code.js';
import { loadTemplates, type TemplateSet } from '../dossier/templates.js';
import { readDataFolder } from '../record/data-folder.js';
import type { CachedRecords, CachedTrees } from './cache.js';
import type { BuildEvents } from './events.js';
import { reportFailure, toError, type BuildFailure } from './failure.js';
import { cardInputs, dossierInputs, installedSources, rememberedFingerprint, type Fingerprint } from './fingerprint.js';
import type { BuildOptions } from './options.js';
import { readingContexts, readRecord, type RecordSummary } from './known-records.js';
import { selectRecords } from './select.js';
import { selectShard } from './shard.js';

/** How every dossier of the build is rendered: `printDossier`'s options but the page pool. */
export type DossierRendering = DossierRenderOptions & { templates: TemplateSet };

interface PlannedOutput {
  /** Not the record: the run loads it again when the output must be made (known-records.ts). */
  record: RecordSummary;
  /** Output paths relative to the out folder (a card may have png and svg); the first names the task in events. */
  paths: [string, ...string[]];
  /** The hash of everything the output is made from (fingerprint.ts): equal inputs, equal file. */
  inputs: string;
}

export interface DossierTask extends PlannedOutput {
  kind: 'dossier';
  print: DossierRendering;
}

export interface CardTask extends PlannedOutput {
  kind: 'card';
  job: CardJob;
}

export type Task = DossierTask | CardTask;

export interface BuildPlan {
  /** Every slug in the data folder, whether or not this build covers it. */
  dataSlugs: string[];
  /** The slugs this build covers (after selection and sharding), whether or not they load. */
  covered: Set<string>;
  /** The covered records that loaded. */
  records: RecordSummary[];
  /** The covered records that did not load, each already reported. */
  failures: BuildFailure[];
  /**
   * A record's outputs to make or keep, made when asked for: the freshness stage asks a few
   * records at a time and keeps only the tasks it must run. Made all at once, a rebuild of 100,000
   * cards held 100,000 tasks (about 0.6 KB each) beside the cache's 100,000 entries.
   */
  tasksOf: (record: RecordSummary) => Task[];
  /** How many tasks `tasksOf` gives for all the records together (a record's count depends only on the options). */
  taskCount: number;
  /** The data folder's slugs, for loading a record again as it was loaded here. */
  knownSlugs: ReadonlySet<string>;
  /** What the cache is to remember of the record files, for the next build to trust their stamps. */
  rememberedRecords: CachedRecords;
  /** What the cache is to remember of the folders the fingerprint hashed (tree-hash.ts), likewise. */
  rememberedTrees: CachedTrees;
  /** casefile's code, fonts and version (fingerprint.ts): what the site files are made by. */
  code: string;
}

function cardPlanOptions(options: BuildOptions) {
  return {
    sizes: options.sizes,
    scale: options.scale,
    formats: options.formats,
    engine: options.engine,
    ...(options.quality !== undefined ? { quality: options.quality } : {}),
    ...(options.sections ? { sections: options.sections } : {}),
  };
}

function dossierRendering(options: BuildOptions, templates: TemplateSet): DossierRendering {
  return {
    templates,
    paper: options.paper,
    flow: options.flow,
    dataDir: options.dataDir,
    timeoutMs: options.timeoutMs,
    ...(options.theme ? { theme: options.theme } : {}),
    ...(options.qr ? { qr: options.qr } : {}),
  };
}

interface Loaded {
  records: RecordSummary[];
  failures: BuildFailure[];
  covered: Set<string>;
  remembered: CachedRecords;
}

/** Records read at once: their stats and reads overlap, and only this many parsed records are alive. */
const READS_AT_ONCE = 16;

/**
 * `knownSlugs`: the data folder's slugs, read once for the whole batch (a page text's bare arrows
 * link to them). `cached`: the record files earlier builds read, by path.
 */
async function loadSelected(options: BuildOptions, knownSlugs: ReadonlySet<string>, code: string, cached: CachedRecords, events: BuildEvents): Promise<Loaded> {
  const selected = await selectRecords(options.dataDir, options.records);
  const sharded = options.shard ? selectShard(selected, options.shard) : selected;
  const failures: BuildFailure[] = [];
  const reading = { dataDir: options.dataDir, knownSlugs, contexts: readingContexts(code, knownSlugs), cached: options.force ? {} : cached };
  const limit = pLimit(READS_AT_ONCE);
  const read = await Promise.all(
    sharded.map(({ slug, file }) =>
      limit(async () => {
        try {
          return await readRecord(file, reading);
        } catch (error) {
          failures.push(reportFailure(events, slug, toError(error)));
          return undefined;
        }
      }),
    ),
  );
  const remembered: CachedRecords = {};
  const records: RecordSummary[] = [];
  for (const result of read) {
    if (result === undefined) continue;
    records.push(result.summary);
    if (result.remembered) remembered[result.absolute] = result.remembered;
  }
  return { records, failures, covered: new Set(sharded.map(({ slug }) => slug)), remembered };
}

/** The cache's memory of record files this build did not read but that are still in the data folder (another shard's, or not selected). */
function keptMemories(cached: CachedRecords, dataFiles: readonly string[], read: CachedRecords): CachedRecords {
  const kept: CachedRecords = {};
  for (const file of dataFiles) {
    const memory = read[file] ?? cached[file];
    if (memory) kept[file] = memory;
  }
  for (const [file, memory] of Object.entries(read)) kept[file] ??= memory;
  return kept;
}

interface TaskSources {
  options: BuildOptions;
  fingerprint: Fingerprint;
  dataSlugs: readonly string[];
  /** Absent when the build makes no dossiers. */
  print?: DossierRendering;
  /** Absent when the build makes no cards. */
  cards?: CardPlan;
}

function dossierTask(record: RecordSummary, { options, fingerprint, dataSlugs }: TaskSources, print: DossierRendering): DossierTask {
  const url = print.qr ? qrUrl(record.slug, print.qr.baseUrl, print.qr.urlTemplate) : undefined;
  const how = { paper: options.paper, flow: options.flow, ...(url ? { qrUrl: url } : {}), ...(options.theme ? { theme: options.theme } : {}) };
  return { kind: 'dossier', record, paths: [`${record.slug}.pdf`], inputs: dossierInputs(fingerprint, record, how, dataSlugs), print };
}

function cardTask(record: RecordSummary, { options, fingerprint }: TaskSources, job: CardJob): CardTask {
  // A job has at least one format: parseCardPlan never plans none.
  const [first = '', ...rest] = Object.values(job.paths);
  return { kind: 'card', record, paths: [first, ...rest], inputs: cardInputs(fingerprint, record, job, options.theme), job };
}

/** A record's dossier first, then its cards in plan order. */
function tasksOf(record: RecordSummary, sources: TaskSources): Task[] {
  const cards = sources.cards ? cardJobs(record, sources.cards).map((job) => cardTask(record, sources, job)) : [];
  return [...(sources.print ? [dossierTask(record, sources, sources.print)] : []), ...cards];
}

/** What earlier builds remembered (cache.ts): of the record files, and of the folders the fingerprint hashes. */
export interface PlanMemory {
  records: CachedRecords;
  trees: CachedTrees;
}

export async function planBuild(options: BuildOptions, remembered: PlanMemory, events: BuildEvents): Promise<BuildPlan> {
  const cachedRecords = remembered.records;
  // Everything that can be checked is checked before a browser or a worker starts.
  const cardPlan = parseCardPlan(cardPlanOptions(options));
  const wantsCards = options.kinds.includes('cards');
  const templates = options.kinds.includes('dossier') ? await loadTemplates(options.templatesDir) : undefined;
  // --force reads everything again, casefile's own files too.
  const { fingerprint, trees } = await rememberedFingerprint(installedSources(options.templatesDir, options.cardLayoutsDir), options.force ? {} : remembered.trees);
  const dataFolder = await readDataFolder(options.dataDir);
  const dataSlugs = dataFolder.map((entry) => entry.slug);
  const knownSlugs = new Set(dataSlugs);
  const { records, failures, covered, remembered: read } = await loadSelected(options, knownSlugs, fingerprint.engine, cachedRecords, events);
  const sources: TaskSources = {
    options,
    fingerprint,
    dataSlugs,
    ...(templates ? { print: dossierRendering(options, templates) } : {}),
    ...(wantsCards ? { cards: cardPlan } : {}),
  };
  return {
    dataSlugs,
    covered,
    records,
    failures,
    tasksOf: (record) => tasksOf(record, sources),
    taskCount: records.length * ((sources.print ? 1 : 0) + (sources.cards ? jobsPerRecord(sources.cards) : 0)),
    knownSlugs,
    code: fingerprint.engine,
    rememberedRecords: keptMemories(cachedRecords, dataFolder.map((entry) => path.resolve(entry.file)), read),
    rememberedTrees: trees,
  };
}
