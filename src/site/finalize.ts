/**
 * The build's last stage: the manifest of every output made or kept, each record's meta page and
 * gallery pages, the outputs earlier builds made that this one no longer makes pruned, the pages
 * and the manifest written, and the cache saved last, with their stamps.
 */
import path from 'node:path';
import { saveCache, unchangedCache, type CacheContents, type CachedPages, type CachedSiteFiles, type CacheEntries } from './cache.js';
import type { BuildEvents } from './events.js';
import { assertNotAborted } from './failure.js';
import { plannedGalleryPages } from './gallery.js';
import type { Freshness } from './freshness.js';
import { readStamp } from './file-stamp.js';
import { canonicalJson, sha256 } from './hash.js';
import { MANIFEST_FILE, sameEntry, sortEntries, withVersion, type Manifest, type ManifestEntry } from './manifest.js';
import type { BuildOptions } from './options.js';
import type { BuildPlan } from './plan.js';
import { knownOutputs, removeStaleOutputs, scopeTag, staleOutputs, type PruneScope } from './prune.js';
import type { RunResult } from './run.js';
import { keepsStamp, plannedMetaPages, writeChangedManifest, writeManifest, writePlannedPages, type PlannedPage } from './site-files.js';
import { brandName } from '../theme/load.js';
import { VERSION } from '../version.js';

export interface FinalizeInput {
  options: BuildOptions;
  outDir: string;
  plan: BuildPlan;
  /** Every path the plan's tasks write, made or kept. */
  planned: ReadonlySet<string>;
  freshness: Freshness;
  run: RunResult;
  events: BuildEvents;
  signal?: AbortSignal | undefined;
}

/** The cache as the run left the disk: what it wrote is remembered, what it did not finish is forgotten. */
function cacheAfterRun(entries: CacheEntries, run: RunResult): CacheEntries {
  const after = { ...entries };
  for (const written of run.written) after[written.entry.path] = written;
  for (const task of run.unfinished) for (const file of task.paths) delete after[file];
  return after;
}

function manifestOf(options: BuildOptions, outputs: readonly ManifestEntry[]): Manifest {
  return {
    generator: options.theme ? brandName(options.theme) : `casefile ${VERSION}`,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    outputs: sortEntries(outputs).map(withVersion),
  };
}

interface Cache {
  entries: CacheEntries;
  pages: CachedPages;
}

/**
 * Outputs of earlier builds, in this build's scope, that it no longer makes: removed (unless
 * --no-prune), and the cache told. Returns the cache as it then describes the disk.
 */
async function pruneStale({ options, outDir, plan, freshness, events }: FinalizeInput, cache: Cache, wanted: ReadonlySet<string>): Promise<Cache & { pruned: string[] }> {
  const scope: PruneScope = {
    kinds: options.kinds,
    records: plan.covered,
    existing: new Set(plan.dataSlugs),
    scopeTag: scopeTag(options.shard),
    coversRemoved: options.records.length === 0,
    failed: new Set(plan.failures.map((failure) => failure.record)),
  };
  const known = knownOutputs(freshness.known, freshness.knownPages);
  const stale = staleOutputs(known, wanted, scope);
  const entries = { ...cache.entries };
  const pages = { ...cache.pages };
  if (!options.prune) {
    // The files stay, and so does the cache's memory of them, so a later build can still prune them.
    for (const file of stale) if (freshness.known[file]) entries[file] ??= freshness.known[file];
    return { entries, pages, pruned: [] };
  }
  if (stale.length === 0) return { entries, pages, pruned: [] };
  const result = await removeStaleOutputs(outDir, known, stale);
  for (const file of result.removed) events.onInfo?.(`removed ${file}: no longer part of the build`);
  for (const file of result.kept) events.onWarning?.(`kept ${file}: no longer part of the build, but changed since casefile wrote it`);
  for (const file of stale) {
    delete entries[file];
    delete pages[file];
  }
  return { entries, pages, pruned: result.removed };
}

/**
 * The record an index page is remembered under: none of the data folder's (a slug is never empty),
 * so pruning takes it for a removed record's page, which only a build of every record, of the
 * same scope, removes: one that no longer writes index-5.html because the site shrank.
 */
const SITE_PAGE_RECORD = '';

/** Every page of the site, each remembered so pruning can remove it when it is no longer written. */
function plannedPages(options: BuildOptions, plan: BuildPlan, manifest: Manifest): PlannedPage[] {
  const gallery = plannedGalleryPages(manifest).map((page) => ({ ...page, record: page.record ?? SITE_PAGE_RECORD }));
  const metas = plannedMetaPages(manifest, plan.records, options.baseUrl, options);
  return [...gallery, ...metas];
}

/** What the manifest is made from besides its entries' contents, which the cache vouches for (freshManifest): casefile's code, the generator, the base URL and the paths. */
const manifestInputs = (plan: BuildPlan, manifest: Manifest) => sha256(plan.code, manifest.generator, manifest.baseUrl ?? '', manifest.outputs.map((entry) => entry.path).join('\n'));

/** The settings every page is made with: casefile's code, the generator, the base URL, the QR links and the site's name. Each page adds its own shape (site-files.ts). */
const siteInputs = (options: BuildOptions, plan: BuildPlan, manifest: Manifest) =>
  sha256(plan.code, canonicalJson({ generator: manifest.generator, baseUrl: manifest.baseUrl ?? null, qr: options.qr ?? null, site: options.theme?.name ?? null }));

/**
 * The manifest as the cache will remember it, written only if it would change. It is not even
 * made when its inputs are the last build's, manifest.json still has the stamp that build left,
 * and every entry says what the cache's entry for its path says: at 10,000 cards, making it to
 * compare was a tenth of a build with nothing changed. With those inputs and that stamp, an entry
 * that says something else changes its bytes, so it is written without being made to compare.
 */
async function freshManifest({ outDir, plan, freshness }: FinalizeInput, manifest: Manifest): Promise<CachedSiteFiles> {
  const inputs = manifestInputs(plan, manifest);
  const file = path.join(outDir, MANIFEST_FILE);
  const known = freshness.read.site[MANIFEST_FILE];
  const asLeft = known !== undefined && known.inputs === inputs && keepsStamp(file, known);
  if (asLeft && manifest.outputs.every((entry) => sameEntry(entry, freshness.read.entries[entry.path]?.entry))) return { [MANIFEST_FILE]: known };
  const output = asLeft ? await writeChangedManifest(outDir, manifest) : (await writeManifest(outDir, manifest)).sha256;
  const stamp = await readStamp(file);
  return stamp ? { [MANIFEST_FILE]: { inputs, output, ...stamp } } : {};
}

/**
 * The manifest, the pages and the cache are each written a piece at a time and only when their
 * bytes change: at 100,000 cards, building each whole was most of the build's peak memory, and
 * a build with nothing changed writes none of them.
 */
export async function finalizeBuild(input: FinalizeInput): Promise<{ manifest: Manifest; pruned: string[] }> {
  const { options, outDir, plan, freshness, run, signal } = input;
  const scope = scopeTag(options.shard);
  const manifest = manifestOf(options, [...freshness.kept, ...run.written.map(({ entry }) => entry)]);
  const pages = plannedPages(options, plan, manifest);
  // The manifest is remembered only once this build has written (or kept) it: an interrupted build's cache must not vouch for it.
  const next: CacheContents = { entries: cacheAfterRun(freshness.entries, run), pages: { ...freshness.knownPages }, records: plan.rememberedRecords, site: {}, trees: plan.rememberedTrees };
  let pruned: string[] = [];
  try {
    if (!signal?.aborted) {
      const wanted = new Set([...input.planned, ...pages.map((page) => page.path)]);
      const after = await pruneStale(input, next, wanted);
      Object.assign(next, { entries: after.entries, pages: after.pages });
      pruned = after.pruned;
      await writePlannedPages(outDir, pages, next.pages, { scope, site: siteInputs(options, plan, manifest), read: freshness.read.entries });
    }
    if (!signal?.aborted) next.site = await freshManifest(input, manifest);
  } finally {
    // Whatever happened, the cache must describe the files on disk: it is saved even when interrupted.
    if (!unchangedCache(freshness.read, next)) await saveCache(outDir, next);
  }
  assertNotAborted(signal);
  return { manifest, pruned };
}
