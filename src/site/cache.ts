/**
 * The incremental-build cache: for each output, the hash of its inputs and of the bytes written,
 * and the size and mtime the file had once written. An output is reused only when its inputs
 * match and the file still holds the bytes written: proved by its stamp when that is unchanged,
 * by hashing it otherwise. A cache that is unreadable, of another format, or disagrees with the
 * files on disk is never trusted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ManifestEntrySchema } from './manifest.js';
import { writeFileIfChanged } from '../output/write-if-changed.js';
import { readStamp, sameStamp, type FileStamp } from './file-stamp.js';
import { fileHash } from './hash.js';

export const CACHE_FILE = '.casefile-cache.json';
const CACHE_FORMAT = 1;

const Hash = z.string().length(64);

const CacheSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  entries: z.record(
    z.string(),
    z.object({
      inputs: Hash,
      output: Hash,
      entry: ManifestEntrySchema,
      /** Which build made it: `all`, or a shard such as `shard 2/4`; a shard prunes only what it made. */
      scope: z.string().optional(),
      /** The file's size and mtime when casefile wrote or last hashed it; absent in caches from before them (hashed once, then recorded). */
      size: z.number().int().nonnegative().optional(),
      mtimeMs: z.number().optional(),
    }),
  ),
  /** The meta.html pages written, with the hash of their bytes: pruned like outputs when their record leaves. */
  pages: z.record(z.string(), z.object({ record: z.string(), output: Hash, scope: z.string().optional() })).default({}),
  /** Record files the build parsed, by absolute path: what it needs of each while the file's stamp is unchanged (known-records.ts). */
  records: z
    .record(
      z.string(),
      z.object({
        size: z.number().int().nonnegative(),
        mtimeMs: z.number(),
        /** What else the parse depended on: casefile's code and, for a page text, the data folder's slugs. */
        context: Hash,
        slug: z.string(),
        title: z.string(),
        question: z.string(),
        contentHash: Hash,
      }),
    )
    .default({}),
});

export type CacheEntries = z.infer<typeof CacheSchema>['entries'];
export type CachedPages = z.infer<typeof CacheSchema>['pages'];
export type CachedRecords = z.infer<typeof CacheSchema>['records'];

export interface LoadedCache {
  entries: CacheEntries;
  pages: CachedPages;
  records: CachedRecords;
  /** True when the file was there and trusted: only then may a build that changed nothing in it leave it unwritten. */
  trusted: boolean;
  /** Why the cache on disk was discarded, if it was. */
  discarded?: string;
}

export async function loadCache(outDir: string): Promise<LoadedCache> {
  const file = path.join(outDir, CACHE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { entries: {}, pages: {}, records: {}, trusted: false };
  }
  try {
    const parsed = CacheSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { entries: parsed.data.entries, pages: parsed.data.pages, records: parsed.data.records, trusted: true };
    return { entries: {}, pages: {}, records: {}, trusted: false, discarded: `${file} is not a cache this version understands; rebuilding everything` };
  } catch {
    return { entries: {}, pages: {}, records: {}, trusted: false, discarded: `${file} is corrupt; rebuilding everything` };
  }
}

// Code-unit order, not localeCompare: the same order on every machine, and at 100,000 entries
// localeCompare's sort was seconds of a build that changed nothing.
const sortedByPath = <T>(map: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** What a build saves. */
export interface CacheContents {
  entries: CacheEntries;
  pages: CachedPages;
  records: CachedRecords;
}

function sameKeys(a: object, b: object): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key));
}

const samePage = (a: CachedPages[string], b: CachedPages[string] | undefined) => b !== undefined && a.record === b.record && a.output === b.output && a.scope === b.scope;

/**
 * Pure: whether `next` says what the trusted cache on disk says, so a build that changed nothing
 * need not serialise and compare 10 MB of JSON (at 10,000 cards) to find out. Entries and records
 * are compared by identity: a build replaces an entry it changes, never edits one in place.
 */
export function unchangedCache(loaded: LoadedCache, next: CacheContents): boolean {
  if (!loaded.trusted) return false;
  if (!sameKeys(loaded.entries, next.entries) || !sameKeys(loaded.pages, next.pages) || !sameKeys(loaded.records, next.records)) return false;
  return (
    Object.entries(next.entries).every(([file, entry]) => loaded.entries[file] === entry) &&
    Object.entries(next.records).every(([file, record]) => loaded.records[file] === record) &&
    Object.entries(next.pages).every(([file, page]) => samePage(page, loaded.pages[file]))
  );
}

/** Returns whether it wrote: a cache that would not change is left alone. */
export async function saveCache(outDir: string, entries: CacheEntries, pages: CachedPages = {}, records: CachedRecords = {}): Promise<boolean> {
  const cache = { format: CACHE_FORMAT, entries: sortedByPath(entries), pages: sortedByPath(pages), records: sortedByPath(records) };
  return writeFileIfChanged(path.join(outDir, CACHE_FILE), `${JSON.stringify(cache, null, 1)}\n`);
}

/** Whether an output can be kept, and, when it had to be hashed to tell, the stamp to remember. */
export interface OutputCheck {
  fresh: boolean;
  /** Set when the file was hashed and found unchanged (touched, or cached without a stamp). */
  restamp?: FileStamp;
}

/**
 * Fresh when `relativePath` was made from exactly `inputs` and the file still holds those bytes:
 * an unchanged stamp proves it without reading; otherwise the file is hashed.
 */
export async function checkOutput(outDir: string, entries: CacheEntries, relativePath: string, inputs: string): Promise<OutputCheck> {
  const entry = entries[relativePath];
  if (entry === undefined || entry.inputs !== inputs) return { fresh: false };
  const file = path.join(outDir, relativePath);
  const stamp = await readStamp(file);
  if (stamp === undefined) return { fresh: false };
  if (sameStamp(entry, stamp)) return { fresh: true };
  if (entry.size !== undefined && entry.size !== stamp.size) return { fresh: false };
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined || fileHash(bytes) !== entry.output) return { fresh: false };
  return { fresh: true, restamp: stamp };
}

/** True when `relativePath` was made from exactly `inputs` and the file still holds those bytes. */
export async function isFresh(outDir: string, entries: CacheEntries, relativePath: string, inputs: string): Promise<boolean> {
  return (await checkOutput(outDir, entries, relativePath, inputs)).fresh;
}
