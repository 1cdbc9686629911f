/**
 * `casefile build`: every selected record's dossier and cards, in one browser and one card pool,
 * skipping what the cache proves unchanged. One bad record fails its own outputs only.
 *
 * Four stages, each in a file of its own: plan (check, read the records, plan the outputs),
 * freshness (what the cache keeps), run (make the rest), finalize (manifest, pruning, cache, site
 * files). The cache is opened first: it also remembers the record files, so the plan need not
 * parse those whose files are unchanged.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BuildEvents } from './events.js';
import type { BuildFailure } from './failure.js';
import { finalizeBuild } from './finalize.js';
import { openCache, pendingTasks, sortByFreshness } from './freshness.js';
import { EntrySpool } from './entry-spool.js';
import { MANIFEST_FILE, readManifestSync, type Manifest } from './manifest.js';
import type { BuildOptions } from './options.js';
import { planBuild, type BuildPlan } from './plan.js';
import { scopeTag } from './prune.js';
import { markBuildRunning } from './unfinished-build.js';
import type { RunResult } from './run.js';

export type { BuildFailure } from './failure.js';

export interface BuildSummary {
  records: number;
  made: number;
  skipped: number;
  failed: number;
  durationMs: number;
  failures: BuildFailure[];
  /** out/manifest.json, read from the file when first asked for (a getter, not enumerable). */
  readonly manifest: Manifest;
  /** Times the browser died and was replaced during the build. */
  browserRelaunches: number;
  /** Requests dossier pages made that casefile refused (each is also told to onInfo). */
  blockedRequests: number;
  /** Outputs of earlier builds this build no longer makes, removed (relative paths). */
  pruned: string[];
}

/**
 * A build with nothing to make does not load the run stage: its imports (the browser, the PDF
 * finishing, both card engines) were a fixed share of a build that changed nothing.
 */
const nothingRun = (spool: EntrySpool): RunResult => ({ spool, unfinished: [], failures: [], blockedRequests: 0, browserRelaunches: 0 });

/**
 * The summary's manifest is out/manifest.json, read when first asked for: held to be handed
 * back, it was every output's entry kept to the end of the build (100,000 of them for a site of
 * that many cards), and the CLI asks for it only with --json. Not enumerable, so spreading a summary does not read it.
 */
function withManifest(summary: Omit<BuildSummary, 'manifest'>, outDir: string): BuildSummary {
  let manifest: Manifest | undefined;
  return Object.defineProperty(summary, 'manifest', { get: () => (manifest ??= readManifestSync(path.join(outDir, MANIFEST_FILE))), enumerable: false }) as BuildSummary;
}

export async function buildSite(options: BuildOptions, events: BuildEvents = {}, signal?: AbortSignal): Promise<BuildSummary> {
  const started = performance.now();
  const outDir = path.resolve(options.outDir);
  const mark = await markBuildRunning(outDir);
  // A build killed with SIGKILL leaves its temporary files behind; they are half-written, so they go.
  for (const file of mark.removed) events.onInfo?.(`removed ${file}, left by an interrupted build`);
  try {
    return await stages(options, outDir, events, started, signal);
  } finally {
    await mark.clear();
  }
}

async function stages(options: BuildOptions, outDir: string, events: BuildEvents, started: number, signal: AbortSignal | undefined): Promise<BuildSummary> {
  const cache = await openCache(outDir, events);
  const plan = await planBuild(options, cache, events);
  const total = plan.taskCount + plan.failures.length;
  const freshness = await sortByFreshness(outDir, cache, plan, { force: options.force, scope: scopeTag(options.shard), total }, events);
  const counts = { planned: plan.taskCount, pending: pendingTasks(freshness.pending) };
  // Takumi's native binding loads only when a card needs it; one that cannot load is refused once, before anything starts.
  if (freshness.drawsWithTakumi) await (await import('../cards/engines/takumi.js')).loadTakumi();
  // What the run writes goes to a spool file, not memory; it is read back by the last stage and removed however the build ends.
  const spool = new EntrySpool(outDir);
  try {
    const run = counts.pending === 0 ? nothingRun(spool) : await (await import('./run.js')).runTasks(freshness.pending, options, { outDir, spool }, { dataDir: options.dataDir, knownSlugs: plan.knownSlugs }, events, signal);
    const { pruned } = await finalizeBuild({ options, outDir, plan, freshness, run, events, signal });
    return withManifest(summaryOf(plan, counts, run, pruned, started), outDir);
  } finally {
    spool.dispose();
  }
}

function summaryOf(plan: BuildPlan, counts: { planned: number; pending: number }, run: RunResult, pruned: string[], started: number): Omit<BuildSummary, 'manifest'> {
  return {
    records: plan.records.length + new Set(plan.failures.map((failure) => failure.record)).size,
    made: counts.pending - run.failures.length,
    skipped: counts.planned - counts.pending,
    failed: plan.failures.length + run.failures.length,
    durationMs: Math.round(performance.now() - started),
    failures: [...plan.failures, ...run.failures],
    browserRelaunches: run.browserRelaunches,
    blockedRequests: run.blockedRequests,
    pruned,
  };
}
