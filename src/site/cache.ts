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
import { inCodeUnitOrder, ManifestEntrySchema } from './manifest.js';
import { writeTextPiecesAtomic } from '../output/atomic.js';
import { readStampSync, sameStamp, type FileStamp } from './file-stamp.js';
import { fileHash } from './hash.js';
import { forEachLine } from './read-lines.js';

export const CACHE_FILE = '.casefile-cache.json';
/**
 * 2: JSON Lines, a header, a line per output, page, record file and site file, and a closing count, read and
 * written a line at a time. Format 1, one JSON document, was read as a 100 MB string at 100,000
 * cards, then parsed and copied whole.
 */
const CACHE_FORMAT = 2;

const Hash = z.string().length(64);

const OutputSchema = z.object({
  inputs: Hash,
  output: Hash,
  entry: ManifestEntrySchema,
  /** Which build made it: `all`, or a shard such as `shard 2/4`; a shard prunes only what it made. */
  scope: z.string().optional(),
  /** The file's size and mtime when casefile wrote or last hashed it; absent in caches from before them (hashed once, then recorded). */
  size: z.number().int().nonnegative().optional(),
  mtimeMs: z.number().optional(),
});

/**
 * A meta.html or gallery page written, with the hash of its bytes (pruned like outputs when their
 * record leaves), its stamp once written, and the hash of what it was made from besides its
 * outputs' entries: the site's settings and its shape (site-files.ts writePlannedPages).
 */
const PageSchema = z.object({
  record: z.string(),
  output: Hash,
  scope: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  mtimeMs: z.number().optional(),
  inputs: Hash.optional(),
});

/** A record file the build parsed, by absolute path: what it needs of it while the file's stamp is unchanged (known-records.ts). */
const RecordSchema = z.object({
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  /** What else the parse depended on: casefile's code and, for a page text, the data folder's slugs. */
  context: Hash,
  slug: z.string(),
  title: z.string(),
  question: z.string(),
  contentHash: Hash,
});

/**
 * A file about the site, by path (`manifest.json`): the hash of what it was made from besides the
 * outputs' entries, and of its bytes, and its stamp once written. A build whose cache entries are
 * those it read, with the same inputs and an unchanged stamp, need not make the file again to
 * know it would not change.
 */
const SiteFileSchema = z.object({ inputs: Hash, output: Hash, size: z.number().int().nonnegative(), mtimeMs: z.number() });

/**
 * A folder of casefile's own (its code, fonts, templates) or the user's templates or layouts, by
 * absolute path: its hash and every file's stamp (tree-hash.ts), so a build need not read it again.
 */
const TreeSchema = z.object({
  hash: Hash,
  files: z.array(z.tuple([z.string(), z.number().int(), z.number()])),
});

/** Each line after the header: `[kind, key, value]`, and last `["end", lines]`, so a cut-short file is told from a whole one. */
const LINE_SCHEMAS = { output: OutputSchema, page: PageSchema, record: RecordSchema, site: SiteFileSchema, tree: TreeSchema } as const;
type LineKind = keyof typeof LINE_SCHEMAS;

export type CacheEntries = Record<string, z.infer<typeof OutputSchema>>;
export type CachedPages = Record<string, z.infer<typeof PageSchema>>;
export type CachedRecords = Record<string, z.infer<typeof RecordSchema>>;
export type CachedSiteFiles = Record<string, z.infer<typeof SiteFileSchema>>;
export type CachedTrees = Record<string, z.infer<typeof TreeSchema>>;

/** What a build saves. */
export interface CacheContents {
  entries: CacheEntries;
  pages: CachedPages;
  records: CachedRecords;
  site: CachedSiteFiles;
  trees: CachedTrees;
}

export interface LoadedCache extends CacheContents {
  /** True when the file was there and trusted: only then may a build that changed nothing in it leave it unwritten. */
  trusted: boolean;
  /** Why the cache on disk was discarded, if it was. */
  discarded?: string;
}

const HEADER = JSON.stringify({ format: CACHE_FORMAT });

const emptyCache = (): CacheContents => ({ entries: {}, pages: {}, records: {}, site: {}, trees: {} });

class UnreadableCache extends Error {}

/** The header's verdict: a format-1 cache begins with a line holding only `{`. */
function checkHeader(line: string | undefined): void {
  if (line === HEADER) return;
  if (line === '{') throw new UnreadableCache('is not a cache this version understands');
  let header: unknown;
  try {
    header = JSON.parse(line ?? '');
  } catch {
    throw new UnreadableCache('is corrupt');
  }
  throw new UnreadableCache(typeof header === 'object' && header !== null && 'format' in header ? 'is not a cache this version understands' : 'is corrupt');
}

/**
 * One string for each repeated value (a record's slug and title, a section, a size, a scope):
 * read from 100,000 lines, each line's own copies were most of what an entry held, and the
 * entries are held for the whole build.
 */
class StringPool {
  private readonly known = new Map<string, string>();

  get<T extends string>(text: T): T {
    const known = this.known.get(text) as T | undefined;
    if (known !== undefined) return known;
    this.known.set(text, text);
    return text;
  }
}

/**
 * The output as read, its repeated strings shared: its path is its key, its output hash is its
 * entry's hash, and the rest come from the pool. Changed in place: it is zod's own copy of the line.
 */
function shareStrings(key: string, output: CacheEntries[string], pool: StringPool): CacheEntries[string] {
  const { entry } = output;
  entry.record = pool.get(entry.record);
  entry.title = pool.get(entry.title);
  entry.kind = pool.get(entry.kind);
  entry.format = pool.get(entry.format);
  if (entry.path === key) entry.path = key;
  if (entry.section !== undefined) entry.section = pool.get(entry.section);
  if (entry.size !== undefined) entry.size = pool.get(entry.size);
  if (entry.engine !== undefined) entry.engine = pool.get(entry.engine);
  if (output.output === entry.hash) output.output = entry.hash;
  if (output.scope !== undefined) output.scope = pool.get(output.scope);
  return output;
}

/** One line into `cache`; returns true for the closing line. */
function readLine(line: string, cache: CacheContents, linesBefore: number, pool: StringPool): boolean {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new UnreadableCache('is corrupt');
  }
  if (!Array.isArray(value) || value.length !== 3 && !(value[0] === 'end' && value.length === 2)) throw new UnreadableCache('is not a cache this version understands');
  const [kind, key, fields] = value as [unknown, unknown, unknown];
  if (kind === 'end') {
    if (key !== linesBefore) throw new UnreadableCache('is corrupt');
    return true;
  }
  if (typeof key !== 'string' || typeof kind !== 'string' || !Object.hasOwn(LINE_SCHEMAS, kind)) throw new UnreadableCache('is not a cache this version understands');
  // No path casefile writes is named so, and as a key it would set the map's prototype instead.
  if (key === '__proto__') throw new UnreadableCache('is corrupt');
  const parsed = LINE_SCHEMAS[kind as LineKind].safeParse(fields);
  if (!parsed.success) throw new UnreadableCache('is not a cache this version understands');
  if (kind === 'output') {
    cache.entries[key] = shareStrings(key, parsed.data as CacheEntries[string], pool);
    return false;
  }
  const into = { page: cache.pages, record: cache.records, site: cache.site, tree: cache.trees }[kind as Exclude<LineKind, 'output'>];
  (into as Record<string, unknown>)[key] = parsed.data;
  return false;
}

export async function loadCache(outDir: string): Promise<LoadedCache> {
  const file = path.join(outDir, CACHE_FILE);
  const cache = emptyCache();
  let count = 0;
  let ended = false;
  const pool = new StringPool();
  try {
    await forEachLine(file, (line) => {
      if (ended) throw new UnreadableCache('is corrupt');
      if (count === 0) checkHeader(line);
      else ended = readLine(line, cache, count - 1, pool);
      count += 1;
    });
    if (count === 0) checkHeader(undefined);
    if (!ended) throw new UnreadableCache('is corrupt');
    return { ...cache, trusted: true };
  } catch (error) {
    if (!(error instanceof UnreadableCache)) return { ...emptyCache(), trusted: false };
    return { ...emptyCache(), trusted: false, discarded: `${file} ${error.message}; rebuilding everything` };
  }
}

// Code-unit order, not localeCompare: the same order on every machine, and at 100,000 entries
// localeCompare's sort was seconds of a build that changed nothing.
const sortedByKey = <T>(map: Record<string, T>): [string, T][] => Object.entries(map).sort(([a], [b]) => inCodeUnitOrder(a, b));

function sameKeys(a: object, b: object): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key));
}

const samePage = (a: CachedPages[string], b: CachedPages[string] | undefined) =>
  b !== undefined && a.record === b.record && a.output === b.output && a.scope === b.scope && a.size === b.size && a.mtimeMs === b.mtimeMs && a.inputs === b.inputs;

/**
 * Pure: whether `entries` are the trusted cache's, so a build that changed nothing need not
 * serialise and compare 10 MB of JSON (at 10,000 cards) to find out. Compared by identity: a build
 * replaces an entry it changes, never edits one in place. A build that goes on in the loaded map
 * itself (freshness.ts) keeps its own account of what it replaced there.
 */
export function sameEntries(loaded: LoadedCache, entries: CacheEntries): boolean {
  // The loaded map itself: whoever changed it in place says so (freshness.ts entriesChanged); comparing it with itself is a pass over every entry for nothing.
  if (entries === loaded.entries) return loaded.trusted;
  return loaded.trusted && sameKeys(loaded.entries, entries) && Object.entries(entries).every(([file, entry]) => loaded.entries[file] === entry);
}

const sameSiteFile = (a: CachedSiteFiles[string], b: CachedSiteFiles[string] | undefined) =>
  b !== undefined && a.inputs === b.inputs && a.output === b.output && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** Pure: whether `next` says what the trusted cache on disk says (entries, records and folders by identity, pages and site files by value). */
export function unchangedCache(loaded: LoadedCache, next: CacheContents): boolean {
  if (!sameEntries(loaded, next.entries)) return false;
  if (!sameKeys(loaded.pages, next.pages) || !sameKeys(loaded.records, next.records) || !sameKeys(loaded.site, next.site) || !sameKeys(loaded.trees, next.trees)) return false;
  return (
    Object.entries(next.records).every(([file, record]) => loaded.records[file] === record) &&
    Object.entries(next.trees).every(([dir, tree]) => loaded.trees[dir] === tree) &&
    Object.entries(next.pages).every(([file, page]) => samePage(page, loaded.pages[file])) &&
    Object.entries(next.site).every(([file, site]) => sameSiteFile(site, loaded.site[file]))
  );
}

/**
 * Pure: the outputs of `entries` and `made` together in path order, each an `[path, output]` pair;
 * `made` (sorted by path, as the run's spool hands them over) wins over an entry of the same path.
 */
export function* mergedOutputs(entries: CacheEntries, made: Iterable<CacheEntries[string]>): Generator<[string, CacheEntries[string]]> {
  // The keys alone, sorted: pairs of every key and entry were 100,000 arrays made at once.
  const kept = Object.keys(entries).sort(inCodeUnitOrder);
  let next = 0;
  for (const output of made) {
    const file = output.entry.path;
    for (; next < kept.length && kept[next]! < file; next += 1) yield [kept[next]!, entries[kept[next]!]!];
    if (next < kept.length && kept[next] === file) next += 1;
    yield [file, output];
  }
  for (; next < kept.length; next += 1) yield [kept[next]!, entries[kept[next]!]!];
}

/** The cache's lines: the header, then outputs, pages, records, site files and folders each by key, then the count. */
function* cacheLines({ entries, pages, records, site, trees }: CacheContents, made: Iterable<CacheEntries[string]>): Generator<string> {
  yield `${HEADER}\n`;
  let lines = 0;
  for (const [key, value] of mergedOutputs(entries, made)) {
    yield `${JSON.stringify(['output', key, value])}\n`;
    lines += 1;
  }
  for (const [kind, map] of [['page', pages], ['record', records], ['site', site], ['tree', trees]] as [LineKind, Record<string, object>][]) {
    for (const [key, value] of sortedByKey(map)) {
      yield `${JSON.stringify([kind, key, value])}\n`;
      lines += 1;
    }
  }
  yield `${JSON.stringify(['end', lines])}\n`;
}

/**
 * Writes the cache, a line at a time. Only called for a cache that changed (unchangedCache): the
 * file is not read back to compare, which at 10,000 cards was a second pass over 10 MB of lines.
 * `made`: outputs besides `contents.entries`, sorted by path, read as they are written (the run's
 * spool); one of the same path as an entry replaces it.
 */
export async function saveCache(outDir: string, contents: Pick<CacheContents, 'entries'> & Partial<CacheContents>, made: Iterable<CacheEntries[string]> = []): Promise<void> {
  const { entries, pages = {}, records = {}, site = {}, trees = {} } = contents;
  await writeTextPiecesAtomic(path.join(outDir, CACHE_FILE), cacheLines({ entries, pages, records, site, trees }, made));
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
  const stamp = readStampSync(file);
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
