/**
 * `casefile build`: every selected record's dossier and cards, in one browser and one card pool,
 * skipping what the cache proves unchanged. One bad record fails its own outputs only.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { finishDossier, printDossier, recordQrUrl, type QrLink } from '../api/dossier.js';
import { createCardRenderer, type CardRenderer } from '../cards/renderer.js';
import { planCards, type CardJob } from '../cards/plan.js';
import { cardBytes } from '../cards/render.js';
import { loadTakumi, takumiVersion } from '../cards/engines/takumi.js';
import { loadTemplates, type TemplateSet } from '../dossier/templates.js';
import { CasefileError, isCasefileError } from '../errors.js';
import { removeStaleTemporaries, writeFileAtomic } from '../output/atomic.js';
import { readDataFolder } from '../record/data-folder.js';
import { loadRecordFile } from '../record/load.js';
import type { CaseFile } from '../record/schema.js';
import { VERSION } from '../version.js';
import { isFresh, loadCache, saveCache, type CachedPages, type CacheEntries } from './cache.js';
import type { BuildEvents } from './events.js';
import { computeFingerprint, installedSources, type Fingerprint } from './fingerprint.js';
import { brandName, type ResolvedTheme } from '../theme/load.js';
import { canonicalJson, fileHash, sha256 } from './hash.js';
import { sortEntries, withVersion, type Manifest, type ManifestEntry } from './manifest.js';
import type { BuildOptions } from './options.js';
import { createDossierPrinter, type DossierPrinter } from '../browser/printer.js';
import { knownOutputs, removeStaleOutputs, staleOutputs, type PruneScope } from './prune.js';
import { metaPages, writeSiteFiles } from './site-files.js';
import { selectRecords } from './select.js';
import { selectShard } from './shard.js';

export interface BuildFailure {
  record: string;
  path?: string;
  code: string;
  message: string;
}

export interface BuildSummary {
  records: number;
  made: number;
  skipped: number;
  failed: number;
  durationMs: number;
  failures: BuildFailure[];
  manifest: Manifest;
  /** Times the browser died and was replaced during the build. */
  browserRelaunches: number;
  /** Requests dossier pages made that casefile refused (each is also told to onInfo). */
  blockedRequests: number;
  /** Outputs of earlier builds this build no longer makes, removed (relative paths). */
  pruned: string[];
}

interface LoadedEntry {
  slug: string;
  file: string;
  record: CaseFile;
}

interface Task {
  record: CaseFile;
  kind: 'dossier' | 'card';
  /** Output paths relative to the out folder (a card may have png and svg). */
  paths: string[];
  inputs: string;
  job?: CardJob;
}

function toError(error: unknown): CasefileError {
  if (isCasefileError(error)) return error;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return new CasefileError('E_RENDER', message, { cause: error });
}

/** The dossier depends on the record, the templates, the print options and which related records exist (links). */
export function dossierInputs(fingerprint: Fingerprint, record: CaseFile, options: BuildOptions, dataSlugs: string[]): string {
  const qr = dossierQr(options);
  // The QR code's URL is part of the printed page; without one the hash is what it always was.
  // The layout joins the hash only when it is not the default, so sheets dossiers keep their cache.
  const layout = options.flow === 'sheets' ? {} : { layout: options.flow };
  const printed = qr ? { paper: options.paper, ...layout, qr: recordQrUrl(record, qr) } : { paper: options.paper, ...layout };
  return sha256(fingerprint.engine, fingerprint.templates, canonicalJson(record), canonicalJson(printed), dataSlugs.join(','), ...(options.theme ? [options.theme.hash] : []));
}

/** With a base URL every dossier carries a QR code to its record's page. */
function dossierQr(options: BuildOptions): QrLink | undefined {
  return options.qr;
}

/**
 * The job names its engine; a takumi card also depends on the installed Takumi's version. A
 * theme or user layouts add their hashes; without them a card hashes as it always did.
 */
export function cardInputs(fingerprint: Fingerprint, record: CaseFile, job: CardJob, theme?: ResolvedTheme): string {
  const engineVersion = job.engine === 'takumi' ? `takumi ${takumiVersion() ?? 'absent'}` : '';
  const site = theme || fingerprint.layouts ? [theme?.hash ?? '', fingerprint.layouts] : [];
  return sha256(fingerprint.engine, canonicalJson(record), canonicalJson(job), engineVersion, ...site);
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

function planTasks(entries: LoadedEntry[], options: BuildOptions, fingerprint: Fingerprint, dataSlugs: string[]): Task[] {
  return entries.flatMap(({ record }) => {
    const tasks: Task[] = [];
    if (options.kinds.includes('dossier')) {
      tasks.push({ record, kind: 'dossier', paths: [`${record.slug}.pdf`], inputs: dossierInputs(fingerprint, record, options, dataSlugs) });
    }
    if (options.kinds.includes('cards')) {
      for (const job of planCards(record, cardPlanOptions(options))) {
        tasks.push({ record, kind: 'card', paths: Object.values(job.paths), inputs: cardInputs(fingerprint, record, job, options.theme), job });
      }
    }
    return tasks;
  });
}

interface Selection {
  loaded: LoadedEntry[];
  /** Slugs this build covers, whether or not they load. */
  covered: Set<string>;
}

/** `knownSlugs`: the data folder's slugs, read once for the whole batch (a page text's bare arrows link to them). */
async function loadSelected(options: BuildOptions, knownSlugs: ReadonlySet<string>, fail: (record: string, error: CasefileError) => void): Promise<Selection> {
  const selected = await selectRecords(options.dataDir, options.records);
  const sharded = options.shard ? selectShard(selected, options.shard) : selected;
  const loaded = await Promise.all(
    sharded.map(async ({ slug, file }) => {
      try {
        return { slug, file, record: await loadRecordFile(file, { dataDir: options.dataDir, knownSlugs }) };
      } catch (error) {
        fail(slug, toError(error));
        return undefined;
      }
    }),
  );
  return { loaded: loaded.filter((entry): entry is LoadedEntry => entry !== undefined), covered: new Set(sharded.map(({ slug }) => slug)) };
}

/** Which build made an output: a shard prunes only what the same shard made. */
function scopeTag(options: BuildOptions): string {
  return options.shard ? `shard ${options.shard.index}/${options.shard.count}` : 'all';
}

function assertNotAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CasefileError('E_INTERRUPTED', 'build interrupted; finished outputs are kept, nothing half-written is left');
}

export async function buildSite(options: BuildOptions, events: BuildEvents = {}, signal?: AbortSignal): Promise<BuildSummary> {
  const started = performance.now();
  const outDir = path.resolve(options.outDir);
  const failures: BuildFailure[] = [];
  const fail = (record: string, error: CasefileError, output?: { kind: 'dossier' | 'card'; path: string }) => {
    failures.push({ record, ...(output ? { path: output.path } : {}), code: error.code, message: error.message });
    events.onOutput?.({ record, kind: output?.kind ?? 'dossier', ...(output ? { path: output.path } : {}), status: 'failed', error });
  };

  // Everything that can be checked is checked before a browser or a worker starts.
  planCards({ slug: 'check' }, cardPlanOptions(options));
  if (options.kinds.includes('cards') && options.engine === 'takumi') await loadTakumi();
  const templates: TemplateSet | undefined = options.kinds.includes('dossier') ? await loadTemplates(options.templatesDir) : undefined;
  const fingerprint = await computeFingerprint(installedSources(options.templatesDir, options.cardLayoutsDir));
  const dataSlugs = (await readDataFolder(options.dataDir)).map((entry) => entry.slug);
  const { loaded, covered } = await loadSelected(options, new Set(dataSlugs), fail);

  // A build killed with SIGKILL leaves its temporary files behind; they are half-written, so go.
  for (const file of await removeStaleTemporaries(outDir)) events.onInfo?.(`removed ${file}, left by an interrupted build`);

  // --force ignores the cache for freshness, but it still names what earlier builds made, for pruning.
  const cache = await loadCache(outDir);
  if (cache.discarded) events.onWarning?.(cache.discarded);
  const known: CacheEntries = cache.entries;
  const entries: CacheEntries = options.force ? {} : { ...known };

  const tasks = planTasks(loaded, options, fingerprint, dataSlugs);
  events.onPlanned?.(tasks.length + failures.length);

  const outputs: ManifestEntry[] = [];
  const pending: Task[] = [];
  for (const task of tasks) {
    const fresh = (await Promise.all(task.paths.map((file) => isFresh(outDir, entries, file, task.inputs)))).every(Boolean);
    const cached = task.paths.map((file) => entries[file]?.entry);
    if (fresh && cached.every((entry) => entry !== undefined)) {
      outputs.push(...(cached as ManifestEntry[]));
      // Kept by this build, so this build's to prune should it leave later.
      for (const file of task.paths) entries[file] = { ...entries[file]!, scope: scopeTag(options) };
      events.onOutput?.({ record: task.record.slug, kind: task.kind, path: task.paths[0]!, status: 'skipped' });
    } else {
      pending.push(task);
    }
  }

  const record = (task: Task, file: string, bytes: Uint8Array, extra: Partial<ManifestEntry>): ManifestEntry => {
    const entry: ManifestEntry = {
      record: task.record.slug,
      title: task.record.title,
      kind: task.kind,
      format: path.extname(file).slice(1) as ManifestEntry['format'],
      path: file,
      bytes: bytes.byteLength,
      hash: fileHash(bytes),
      ...extra,
    };
    entries[file] = { inputs: task.inputs, output: entry.hash, entry, scope: scopeTag(options) };
    outputs.push(entry);
    return entry;
  };

  const write = async (task: Task, file: string, bytes: Uint8Array, extra: Partial<ManifestEntry>) => {
    await writeFileAtomic(path.join(outDir, file), bytes);
    record(task, file, bytes, extra);
  };

  const dossierTasks = pending.filter((task) => task.kind === 'dossier');
  const cardTasks = pending.filter((task) => task.kind === 'card');
  let printer: DossierPrinter | undefined;
  let cards: CardRenderer | undefined;
  let blockedRequests = 0;
  const onAbort = () => {
    void printer?.close();
    void cards?.close();
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  const runTask = async (task: Task, work: () => Promise<void>) => {
    try {
      assertNotAborted(signal);
      await work();
      events.onOutput?.({ record: task.record.slug, kind: task.kind, path: task.paths[0]!, status: 'made' });
    } catch (error) {
      for (const file of task.paths) delete entries[file];
      if (signal?.aborted) return;
      fail(task.record.slug, toError(error), { kind: task.kind, path: task.paths[0]! });
    }
  };

  try {
    if (dossierTasks.length > 0) {
      // A relaunched browser would repeat what it says (browser path, --no-sandbox): say it once.
      const said = new Set<string>();
      const onInfo = (message: string) => {
        if (said.has(message)) return;
        said.add(message);
        events.onInfo?.(message);
      };
      printer = createDossierPrinter({
        concurrency: options.concurrency,
        launch: { ...(options.browserPath ? { explicitPath: options.browserPath } : {}), onInfo },
        ...(options.browserWs ? { browserWs: options.browserWs } : {}),
      });
    }
    if (cardTasks.length > 0) {
      const settings = { ...(options.theme ? { theme: options.theme } : {}), ...(options.cardLayoutsDir ? { layoutsDir: options.cardLayoutsDir } : {}) };
      cards = createCardRenderer({ workers: options.concurrency, settings });
    }

    const dossierRuns = dossierTasks.map((task) =>
      runTask(task, async () => {
        const printed = await printer!.print((pages, pool) =>
          printDossier(pages, task.record, {
            templates: templates!,
            paper: options.paper,
            layout: options.flow,
            dataDir: options.dataDir,
            timeoutMs: options.timeoutMs,
            pages: pool,
            ...(options.theme ? { theme: options.theme } : {}),
            ...(dossierQr(options) ? { qr: dossierQr(options)! } : {}),
          }),
        );
        // Out of the printer's slot: this dossier is finished while the next one prints.
        assertNotAborted(signal);
        const { pdf, blockedRequests: blocked } = await finishDossier(printed);
        blockedRequests += blocked.length;
        for (const url of blocked) events.onInfo?.(`${task.record.slug}: blocked request: ${url}`);
        assertNotAborted(signal);
        await write(task, task.paths[0]!, pdf, {});
      }),
    );
    const cardRuns = cardTasks.map((task) =>
      runTask(task, async () => {
        const [rendered] = await cards!.render(task.record, [task.job!]);
        assertNotAborted(signal);
        for (const warning of rendered!.warnings) events.onWarning?.(warning);
        const job = task.job!;
        const size = { width: rendered!.width, height: rendered!.height, section: job.section, size: job.size, engine: rendered!.engine };
        for (const format of job.formats) {
          const bytes = cardBytes(rendered!, format);
          if (bytes && job.paths[format]) await write(task, job.paths[format], bytes, size);
        }
      }),
    );
    await Promise.all([...dossierRuns, ...cardRuns]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await Promise.all([printer?.close(), cards?.close()]);
  }

  const manifest: Manifest = { generator: options.theme ? brandName(options.theme) : `casefile ${VERSION}`, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), outputs: sortEntries(outputs).map(withVersion) };
  const pages = metaPages(manifest, loaded.map(({ record }) => record), options.baseUrl, options);
  const cachedPages: CachedPages = { ...cache.pages };

  let pruned: string[] = [];
  if (!signal?.aborted) {
    const wanted = new Set([...tasks.flatMap((task) => task.paths), ...pages.map((page) => page.path)]);
    const scope: PruneScope = {
      kinds: options.kinds,
      records: covered,
      existing: new Set(dataSlugs),
      scopeTag: scopeTag(options),
      coversRemoved: options.records.length === 0,
      failed: new Set(failures.filter((failure) => failure.path === undefined).map((failure) => failure.record)),
    };
    const knownFiles = knownOutputs(known, cache.pages);
    const stale = staleOutputs(knownFiles, wanted, scope);
    if (options.prune && stale.length > 0) {
      const result = await removeStaleOutputs(outDir, knownFiles, stale);
      for (const file of result.removed) events.onInfo?.(`removed ${file}: no longer part of the build`);
      for (const file of result.kept) events.onWarning?.(`kept ${file}: no longer part of the build, but changed since casefile wrote it`);
      for (const file of stale) {
        delete entries[file];
        delete cachedPages[file];
      }
      pruned = result.removed;
    } else {
      // --no-prune: the files stay, and so does the cache's memory of them, so a later build can still prune them.
      for (const file of stale) if (known[file]) entries[file] ??= known[file];
    }
    for (const page of pages) cachedPages[page.path] = { record: page.record, output: fileHash(Buffer.from(page.html)), scope: scopeTag(options) };
  }

  // Whatever happened, the cache must describe the files on disk: save it even when interrupted.
  await saveCache(outDir, entries, cachedPages);
  assertNotAborted(signal);
  await writeSiteFiles(outDir, manifest, pages);

  const made = pending.length - failures.filter((failure) => failure.path !== undefined).length;
  return {
    records: loaded.length + new Set(failures.filter((failure) => failure.path === undefined).map((failure) => failure.record)).size,
    made,
    skipped: tasks.length - pending.length,
    failed: failures.length,
    durationMs: Math.round(performance.now() - started),
    failures,
    manifest,
    browserRelaunches: printer?.relaunches ?? 0,
    blockedRequests,
    pruned,
  };
}
