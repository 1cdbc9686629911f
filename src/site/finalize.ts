/**
 * The build's last stage, from the outputs kept (the cache's entries) and made (the run's spool),
 * read a record at a time (site-outputs.ts): the gallery's and meta pages written, the outputs
 * earlier builds made that this one no longer makes pruned, the manifest of every output made or
 * kept written, and the cache saved last, with their stamps.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { saveCache, unchangedCache, type CacheContents, type CachedPages, type CachedSiteFiles, type CacheEntries } from './cache.js';
import type { Written } from './entry-spool.js';
import type { BuildEvents } from './events.js';
import { assertNotAborted } from './failure.js';
import { galleryPagesOfPart, indexPartsFor, recordEntries, RECORDS_PER_INDEX_PAGE } from './gallery.js';
import type { Freshness } from './freshness.js';
import { readStamp } from './file-stamp.js';
import { canonicalJson, sha256 } from './hash.js';
import type { RecordSummary } from './known-records.js';
import { MANIFEST_FILE, sameEntry, sortedManifestPieces, type ManifestEntry, type ManifestHead } from './manifest.js';
import type { BuildOptions } from './options.js';
import type { BuildPlan } from './plan.js';
import { knownOutputs, removeStaleOutputs, scopeTag, staleOutputs, type PruneScope } from './prune.js';
import type { RunResult } from './run.js';
import { keepsStamp, plannedMetaPage, writePlannedPages, type MetaSite } from './site-files.js';
import { SiteOutputs, slugsInPathOrder } from './site-outputs.js';
import { writeTextPiecesHashed, writeTextPiecesIfChanged } from '../output/write-if-changed.js';
import { brandName } from '../theme/load.js';
import { VERSION } from '../version.js';

export interface FinalizeInput {
  options: BuildOptions;
  outDir: string;
  plan: BuildPlan;
  freshness: Freshness;
  run: RunResult;
  events: BuildEvents;
  signal?: AbortSignal | undefined;
}

/**
 * The cache as the run left the disk, but for what the run wrote, which stays in its spool: the
 * files of tasks it did not finish are forgotten. Changes `entries` in place (freshness.ts Freshness.entries).
 */
function forgetUnfinished(entries: CacheEntries, run: RunResult): Set<string> {
  const unfinished = new Set(run.unfinished.flatMap((task) => task.paths));
  for (const file of unfinished) delete entries[file];
  return unfinished;
}

/** What the run wrote, by path, for the cache to remember: all but the files of tasks it did not finish. */
function* madeOutputs(outputs: SiteOutputs, unfinished: ReadonlySet<string>): Generator<Written> {
  for (const slug of slugsInPathOrder(outputs.slugs)) for (const written of outputs.written(slug)) if (!unfinished.has(written.entry.path)) yield written;
}

function manifestHead(options: BuildOptions): ManifestHead {
  return { generator: options.theme ? brandName(options.theme) : `casefile ${VERSION}`, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) };
}

interface Cache {
  entries: CacheEntries;
  pages: CachedPages;
}

/**
 * Outputs of earlier builds, in this build's scope, that it no longer makes: removed (unless
 * --no-prune), and `cache` (the build's own, changed in place) told. Returns the files removed,
 * and whether `cache` forgot any.
 */
async function pruneStale({ options, outDir, plan, freshness, events }: FinalizeInput, cache: Cache, wanted: Pick<ReadonlySet<string>, 'has'>): Promise<{ pruned: string[]; forgot: boolean }> {
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
  if (!options.prune) {
    // The files stay, and so does the cache's memory of them, so a later build can still prune them.
    for (const file of stale) if (freshness.known[file]) cache.entries[file] ??= freshness.known[file];
    return { pruned: [], forgot: false };
  }
  if (stale.length === 0) return { pruned: [], forgot: false };
  const result = await removeStaleOutputs(outDir, known, stale);
  for (const file of result.removed) events.onInfo?.(`removed ${file}: no longer part of the build`);
  for (const file of result.kept) events.onWarning?.(`kept ${file}: no longer part of the build, but changed since casefile wrote it`);
  for (const file of stale) {
    delete cache.entries[file];
    delete cache.pages[file];
  }
  return { pruned: result.removed, forgot: true };
}

/**
 * The record an index page is remembered under: none of the data folder's (a slug is never empty),
 * so pruning takes it for a removed record's page, which only a build of every record, of the
 * same scope, removes: one that no longer writes index-5.html because the site shrank.
 */
const SITE_PAGE_RECORD = '';

/**
 * Every page of the site, an index page's records at a time (each with its own gallery pages and
 * meta page), written when changed and remembered in `remembered` so pruning can remove it when
 * it is no longer written. Returns every page's path.
 */
async function writeSitePages({ options, outDir, plan, freshness }: FinalizeInput, outputs: SiteOutputs, head: ManifestHead, remembered: CachedPages): Promise<Set<string>> {
  const slugs = outputs.slugs;
  const site = { records: slugs.length, cards: outputs.cards, generator: head.generator };
  const parts = indexPartsFor(slugs.length);
  const summaries = new Map(plan.records.map((record) => [record.slug, record]));
  const writing = { scope: scopeTag(options.shard), site: siteInputs(options, plan, head), read: freshness.read.entries };
  const written = new Set<string>();
  for (let part = 1; part <= parts; part += 1) {
    const listed = slugs.slice((part - 1) * RECORDS_PER_INDEX_PAGE, part * RECORDS_PER_INDEX_PAGE).map((slug) => recordEntries(slug, outputs.entriesOf(slug)));
    const gallery = galleryPagesOfPart(listed, site, part, parts).map((page) => ({ ...page, record: page.record ?? SITE_PAGE_RECORD }));
    const metas = options.baseUrl ? listed.flatMap(({ slug, entries }) => metaPageOf(summaries.get(slug), entries, options.baseUrl!, options) ?? []) : [];
    const pages = [...gallery, ...metas];
    await writePlannedPages(outDir, pages, remembered, writing);
    for (const page of pages) written.add(page.path);
  }
  return written;
}

const metaPageOf = (record: RecordSummary | undefined, entries: readonly ManifestEntry[], baseUrl: string, site: MetaSite) => (record ? plannedMetaPage(record, entries, baseUrl, site) : undefined);

/** What the manifest is made from besides its entries' contents, which the cache vouches for (freshManifest): casefile's code, the generator, the base URL and the paths. */
function manifestInputs(plan: BuildPlan, head: ManifestHead, outputs: SiteOutputs): string {
  const hash = createHash('sha256').update(sha256(plan.code, head.generator, head.baseUrl ?? ''));
  for (const entry of outputs.entries()) hash.update(`${entry.path}\n`);
  return hash.digest('hex');
}

/** The settings every page is made with: casefile's code, the generator, the base URL, the QR links and the site's name. Each page adds its own shape (site-files.ts). */
const siteInputs = (options: BuildOptions, plan: BuildPlan, head: ManifestHead) =>
  sha256(plan.code, canonicalJson({ generator: head.generator, baseUrl: head.baseUrl ?? null, qr: options.qr ?? null, site: options.theme?.name ?? null }));

/** True when every output's entry says what the cache's entry for its path says. */
function everyEntryAsRead(outputs: SiteOutputs, read: CacheEntries): boolean {
  for (const entry of outputs.entries()) if (!sameEntry(entry, read[entry.path]?.entry)) return false;
  return true;
}

/**
 * The manifest as the cache will remember it, written only if it would change. It is not even
 * made when its inputs are the last build's, manifest.json still has the stamp that build left,
 * and every entry says what the cache's entry for its path says: at 10,000 cards, making it to
 * compare was a tenth of a build with nothing changed. With those inputs and that stamp, an entry
 * that says something else changes its bytes, so it is written without being made to compare.
 */
async function freshManifest({ outDir, plan, freshness }: FinalizeInput, head: ManifestHead, outputs: SiteOutputs): Promise<CachedSiteFiles> {
  const inputs = manifestInputs(plan, head, outputs);
  const file = path.join(outDir, MANIFEST_FILE);
  const known = freshness.read.site[MANIFEST_FILE];
  const asLeft = known !== undefined && known.inputs === inputs && keepsStamp(file, known);
  if (asLeft && everyEntryAsRead(outputs, freshness.read.entries)) return { [MANIFEST_FILE]: known };
  const pieces = () => sortedManifestPieces(head, outputs.entries());
  const output = asLeft ? await writeTextPiecesHashed(file, pieces()) : (await writeTextPiecesIfChanged(file, pieces)).sha256;
  const stamp = await readStamp(file);
  return stamp ? { [MANIFEST_FILE]: { inputs, output, ...stamp } } : {};
}

/**
 * The pages, the manifest and the cache are each written a record at a time, from the cache's
 * entries and the run's spool (site-outputs.ts), and only when their bytes change: at 100,000
 * cards, holding every entry made, then building each file whole, was most of the build's peak
 * memory, and a build with nothing changed writes none of them.
 */
export async function finalizeBuild(input: FinalizeInput): Promise<{ pruned: string[] }> {
  const { options, outDir, plan, freshness, run, signal } = input;
  const outputs = new SiteOutputs(freshness.kept, run.spool);
  const head = manifestHead(options);
  const unfinished = forgetUnfinished(freshness.entries, run);
  // The manifest is remembered only once this build has written (or kept) it: an interrupted build's cache must not vouch for it.
  const next: CacheContents = { entries: freshness.entries, pages: { ...freshness.knownPages }, records: plan.rememberedRecords, site: {}, trees: plan.rememberedTrees };
  let pruned: string[] = [];
  // Entries are changed in place (freshness.ts), so what changed them says so; the rest is compared.
  let entriesChanged = freshness.entriesChanged || run.spool.size > 0 || unfinished.size > 0;
  try {
    if (!signal?.aborted) {
      const pages = await writeSitePages(input, outputs, head, next.pages);
      const pruning = await pruneStale(input, next, { has: (file) => freshness.planned.has(file) || pages.has(file) });
      pruned = pruning.pruned;
      entriesChanged ||= pruning.forgot;
    }
    if (!signal?.aborted) next.site = await freshManifest(input, head, outputs);
  } finally {
    // Whatever happened, the cache must describe the files on disk: it is saved even when interrupted.
    if (entriesChanged || !unchangedCache(freshness.read, next)) await saveCache(outDir, next, madeOutputs(outputs, unfinished));
  }
  assertNotAborted(signal);
  return { pruned };
}
