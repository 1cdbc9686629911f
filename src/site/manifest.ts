/**
 * out/manifest.json: every output a build made or kept, for sites to read (image sizes for
 * og:image:width, hashes and versions for cache busting). Shard manifests merge into one.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CasefileError } from '../errors.js';

export const MANIFEST_FILE = 'manifest.json';

export const ManifestEntrySchema = z.object({
  record: z.string(),
  title: z.string(),
  kind: z.enum(['dossier', 'card']),
  section: z.string().optional(),
  size: z.string().optional(),
  format: z.enum(['pdf', 'png', 'svg', 'webp', 'jpeg']),
  /** What drew a card: `satori` or `takumi`. */
  engine: z.enum(['satori', 'takumi']).optional(),
  /**
   * What a card says, in a sentence or two, as plain text: its `<img alt>` in the gallery and its
   * og:image:alt. Written on every card; optional only to read older manifests.
   */
  alt: z.string().optional(),
  /** Relative to the manifest's folder, with forward slashes. */
  path: z.string(),
  width: z.number().optional(),
  height: z.number().optional(),
  bytes: z.number(),
  /** The SHA-256 of the file's bytes, lowercase hex, as `sha256sum` prints it. */
  hash: z.string(),
  /**
   * The hash's first 12 hex digits: the `?v=` the meta tags put on the image's URL, for a site's
   * own links to do the same. Written on every entry; optional only to read older manifests.
   */
  version: z.string().regex(/^[0-9a-f]{12}$/).optional(),
});

export const ManifestSchema = z.object({
  generator: z.string(),
  baseUrl: z.string().optional(),
  outputs: z.array(ManifestEntrySchema),
});

export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;
export type Manifest = z.infer<typeof ManifestSchema>;

const SHA256_HEX = /^[0-9a-f]{64}$/;
export const VERSION_LENGTH = 12;

/**
 * An output's content version: the first 12 hex digits of the SHA-256 of its bytes (its `hash`),
 * so it changes exactly when the bytes do.
 */
export function contentVersion(hash: string): string {
  if (!SHA256_HEX.test(hash)) throw new CasefileError('E_SCHEMA', `${JSON.stringify(hash)} is not a SHA-256 in hex`);
  return hash.slice(0, VERSION_LENGTH);
}

/** The entry's version, from its hash (a version written beside another hash is not trusted). */
export function entryVersion(entry: ManifestEntry): string {
  if (!SHA256_HEX.test(entry.hash)) throw new CasefileError('E_SCHEMA', `${entry.path}: hash ${JSON.stringify(entry.hash)} is not the SHA-256 of its bytes`);
  return contentVersion(entry.hash);
}

const ENTRY_KEYS = Object.keys(ManifestEntrySchema.shape) as (keyof ManifestEntry)[];

/**
 * A copy of the entry made key by key in the schema's order, for an entry held to the end of a
 * build. V8 gave each spread copy of a 13-key entry a hidden class of its own, about 0.5 KB a
 * card; entries made alike share one.
 */
export function compactEntry(entry: ManifestEntry): ManifestEntry {
  const compact: Record<string, unknown> = {};
  for (const key of ENTRY_KEYS) if (entry[key] !== undefined) compact[key] = entry[key];
  return compact as ManifestEntry;
}

/** Pure: whether two entries say the same, field for field (entries are flat). */
export function sameEntry(a: ManifestEntry, b: ManifestEntry | undefined): boolean {
  return a === b || (b !== undefined && ENTRY_KEYS.every((key) => a[key] === b[key]) && Object.keys(a).length === Object.keys(b).length);
}

/** The entry with its `version`, as every manifest writes it. */
export function withVersion(entry: ManifestEntry): ManifestEntry {
  const version = entryVersion(entry);
  return entry.version === version ? entry : compactEntry({ ...entry, version });
}

/** Code-unit order, not localeCompare: the same on every machine, and fast on 100,000 paths. */
export const inCodeUnitOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The manifest's order: by path. */
export const byPath = (a: { path: string }, b: { path: string }): number => inCodeUnitOrder(a.path, b.path);

/** One stable order, so a manifest diffs cleanly between builds. */
export function sortEntries(entries: readonly ManifestEntry[]): ManifestEntry[] {
  return [...entries].sort(byPath);
}

export function manifestJson(manifest: Manifest): string {
  return [...manifestJsonPieces(manifest)].join('');
}

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels in. */
const nestedJson = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);

/** A manifest's fields besides its outputs. */
export type ManifestHead = Omit<Manifest, 'outputs'>;

/**
 * manifestJson's text, an entry at a time: the same bytes as `JSON.stringify(manifest, null, 2)`,
 * without the 70 MB string (and its copy as bytes) of a 100,000-card site's manifest.
 */
export function manifestJsonPieces(manifest: Manifest): Generator<string> {
  const { outputs, ...head } = manifest;
  return sortedManifestPieces(head, sortEntries(outputs));
}

/**
 * manifestJsonPieces for outputs already in the manifest's order (by path), taken one at a time
 * as they come: a build hands them over a record at a time (site-outputs.ts), never all at once.
 */
export function* sortedManifestPieces(head: ManifestHead, outputs: Iterable<ManifestEntry>): Generator<string> {
  const fields = Object.entries(head).filter(([, value]) => value !== undefined);
  yield '{';
  for (const [index, [key, value]] of fields.entries()) yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: ${nestedJson(value, 1)}`;
  yield `${fields.length === 0 ? '' : ','}\n  "outputs": `;
  let position = 0;
  for (const entry of outputs) {
    yield `${position === 0 ? '[' : ','}\n    ${nestedJson(withVersion(entry), 2)}`;
    position += 1;
  }
  yield position === 0 ? '[]\n}\n' : '\n  ]\n}\n';
}

export async function readManifest(file: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CasefileError('E_READ', `cannot read manifest ${file}: ${(error as Error).message}`, { file, cause: error });
  }
  return parseManifest(text, file);
}

/** readManifest, for a caller that cannot wait (a build's summary reads its manifest back when asked for it). */
export function readManifestSync(file: string): Manifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CasefileError('E_READ', `cannot read manifest ${file}: ${(error as Error).message}`, { file, cause: error });
  }
  return parseManifest(text, file);
}

function parseManifest(text: string, file: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CasefileError('E_READ', `cannot read manifest ${file}: ${(error as Error).message}`, { file, cause: error });
  }
  const parsed = ManifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CasefileError('E_SCHEMA', `${file} is not a casefile manifest: $.${issue.path.join('.')}: ${issue.message}`, { file });
  }
  return parsed.data;
}

/**
 * Joins shard manifests. The same path from two shards must be the same file (same hash);
 * anything else means the shards disagree and the merge fails rather than guess.
 */
export function mergeManifests(manifests: readonly Manifest[]): Manifest {
  const byPath = new Map<string, ManifestEntry>();
  for (const manifest of manifests) {
    for (const entry of manifest.outputs) {
      const existing = byPath.get(entry.path);
      if (existing && existing.hash !== entry.hash) {
        throw new CasefileError('E_SCHEMA', `manifests disagree about ${entry.path}: two different files were built for it`);
      }
      byPath.set(entry.path, withVersion(entry));
    }
  }
  const baseUrls = [...new Set(manifests.map((manifest) => manifest.baseUrl).filter((url): url is string => url !== undefined))];
  if (baseUrls.length > 1) throw new CasefileError('E_USAGE', `manifests were built with different --base-url values: ${baseUrls.join(', ')}`);
  return {
    generator: manifests[0]?.generator ?? 'casefile',
    ...(baseUrls[0] ? { baseUrl: baseUrls[0] } : {}),
    outputs: sortEntries([...byPath.values()]),
  };
}
