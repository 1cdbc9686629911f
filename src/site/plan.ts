/**
 * The build's first stage: the options checked, the records selected and loaded, and every output
 * they make planned as a task with the hash of its inputs. Nothing is started yet (no browser, no
 * card worker), so a bad option fails before anything costly, and a record that does not load
 * fails alone.
 */
import { recordQrUrl, type DossierRenderOptions } from '../api/dossier.js';
import { loadTakumi } from '../cards/engines/takumi.js';
import { cardJobs, parseCardPlan, type CardJob, type CardPlan } from '../cards/plan.js';
import { loadTemplates, type TemplateSet } from '../dossier/templates.js';
import { readDataFolder } from '../record/data-folder.js';
import { loadRecordFile } from '../record/load.js';
import type { CaseFile } from '../record/schema.js';
import type { BuildEvents } from './events.js';
import { reportFailure, toError, type BuildFailure } from './failure.js';
import { cardInputs, computeFingerprint, dossierInputs, installedSources, type Fingerprint } from './fingerprint.js';
import type { BuildOptions } from './options.js';
import { selectRecords } from './select.js';
import { selectShard } from './shard.js';

/** How every dossier of the build is rendered: `printDossier`'s options but the page pool. */
export type DossierRendering = DossierRenderOptions & { templates: TemplateSet };

interface PlannedOutput {
  record: CaseFile;
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
  records: CaseFile[];
  /** The covered records that did not load, each already reported. */
  failures: BuildFailure[];
  tasks: Task[];
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
  records: CaseFile[];
  failures: BuildFailure[];
  covered: Set<string>;
}

/** `knownSlugs`: the data folder's slugs, read once for the whole batch (a page text's bare arrows link to them). */
async function loadSelected(options: BuildOptions, knownSlugs: ReadonlySet<string>, events: BuildEvents): Promise<Loaded> {
  const selected = await selectRecords(options.dataDir, options.records);
  const sharded = options.shard ? selectShard(selected, options.shard) : selected;
  const failures: BuildFailure[] = [];
  const loaded = await Promise.all(
    sharded.map(async ({ slug, file }) => {
      try {
        return await loadRecordFile(file, { dataDir: options.dataDir, knownSlugs });
      } catch (error) {
        failures.push(reportFailure(events, slug, toError(error)));
        return undefined;
      }
    }),
  );
  const records = loaded.filter((record): record is CaseFile => record !== undefined);
  return { records, failures, covered: new Set(sharded.map(({ slug }) => slug)) };
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

function dossierTask(record: CaseFile, { options, fingerprint, dataSlugs }: TaskSources, print: DossierRendering): DossierTask {
  const qrUrl = print.qr ? recordQrUrl(record, print.qr) : undefined;
  const how = { paper: options.paper, flow: options.flow, ...(qrUrl ? { qrUrl } : {}), ...(options.theme ? { theme: options.theme } : {}) };
  return { kind: 'dossier', record, paths: [`${record.slug}.pdf`], inputs: dossierInputs(fingerprint, record, how, dataSlugs), print };
}

function cardTask(record: CaseFile, { options, fingerprint }: TaskSources, job: CardJob): CardTask {
  // A job has at least one format: parseCardPlan never plans none.
  const [first = '', ...rest] = Object.values(job.paths);
  return { kind: 'card', record, paths: [first, ...rest], inputs: cardInputs(fingerprint, record, job, options.theme), job };
}

/** A record's dossier first, then its cards in plan order. */
function tasksOf(record: CaseFile, sources: TaskSources): Task[] {
  const cards = sources.cards ? cardJobs(record, sources.cards).map((job) => cardTask(record, sources, job)) : [];
  return [...(sources.print ? [dossierTask(record, sources, sources.print)] : []), ...cards];
}

export async function planBuild(options: BuildOptions, events: BuildEvents): Promise<BuildPlan> {
  // Everything that can be checked is checked before a browser or a worker starts.
  const cardPlan = parseCardPlan(cardPlanOptions(options));
  const wantsCards = options.kinds.includes('cards');
  if (wantsCards && cardPlan.engine === 'takumi') await loadTakumi();
  const templates = options.kinds.includes('dossier') ? await loadTemplates(options.templatesDir) : undefined;
  const fingerprint = await computeFingerprint(installedSources(options.templatesDir, options.cardLayoutsDir));
  const dataSlugs = (await readDataFolder(options.dataDir)).map((entry) => entry.slug);
  const { records, failures, covered } = await loadSelected(options, new Set(dataSlugs), events);
  const sources: TaskSources = {
    options,
    fingerprint,
    dataSlugs,
    ...(templates ? { print: dossierRendering(options, templates) } : {}),
    ...(wantsCards ? { cards: cardPlan } : {}),
  };
  return { dataSlugs, covered, records, failures, tasks: records.flatMap((record) => tasksOf(record, sources)) };
}
