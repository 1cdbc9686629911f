/**
 * What the build keeps of a record between its stages: its slug, title and question (for the
 * manifest, the gallery and the meta tags) and its content hash (for its outputs' inputs), not the
 * record. A 100,000-card site has 8,334 records; holding them all parsed was most of the build's
 * memory, and parsing them all was most of a build that changed nothing.
 *
 * The cache remembers each summary beside its file's size and mtime. While those are unchanged the
 * summary stands for the file without reading it, as an output's stamp stands for its bytes. A
 * hand edit changes the mtime, so it is still noticed. The run loads again the records it draws and
 * checks their content hash, so a file edited during the build fails its record, never a cache
 * entry that lies.
 */
import path from 'node:path';
import { assertOneFilePerSlug } from '../record/data-folder.js';
import { recordFileKind } from '../record/file-kinds.js';
import type { CaseFile } from '../record/schema.js';
import type { CachedRecords } from './cache.js';
import { readStamp, sameStamp } from './file-stamp.js';
import { recordHash } from './fingerprint.js';
import { sha256 } from './hash.js';

export interface RecordSummary {
  slug: string;
  title: string;
  question: string;
  /** The record's file, as the selection named it (error messages name it so). */
  file: string;
  /** The SHA-256 of the record's canonical JSON (fingerprint.ts `recordHash`). */
  contentHash: string;
}

export interface RecordReading {
  dataDir: string;
  knownSlugs: ReadonlySet<string>;
  /** What a parse depends on besides the file's bytes, made once for the build (readingContexts). */
  contexts: ReadingContexts;
  /** What earlier builds remembered; empty with --force. */
  cached: CachedRecords;
}

/** The context of a JSON record and of a page text, as the cache remembers them. */
export interface ReadingContexts {
  json: string;
  pageText: string;
}

/**
 * Pure: what a parse depended on besides the file's bytes. `code` is casefile's fingerprint: a new
 * version may read the same file differently. A page text's bare arrows also link to the data
 * folder's slugs; JSON does not read them. Made once per build: made for each record, sorting the
 * slugs grew with the square of the data folder.
 */
export function readingContexts(code: string, knownSlugs: ReadonlySet<string>): ReadingContexts {
  return { json: sha256(code), pageText: sha256(code, [...knownSlugs].sort().join(',')) };
}

const contextOf = (file: string, contexts: ReadingContexts) => (recordFileKind(file) === 'page-text' ? contexts.pageText : contexts.json);

export function summarize(record: CaseFile, file: string): RecordSummary {
  return { slug: record.slug, title: record.title, question: record.question, file, contentHash: recordHash(record) };
}

/** What the cache remembers of a summary, with the stamp and context it holds for. */
export type RememberedRecord = CachedRecords[string];

export interface ReadRecord {
  summary: RecordSummary;
  /** Keyed in the cache by the file's absolute path. */
  absolute: string;
  remembered: RememberedRecord | undefined;
}

/**
 * The record's summary: from the cache when the file's stamp and context are the ones remembered,
 * else by loading it (a bad record throws, as loading it would). The stamp is taken before the
 * read, so an edit during the read leaves a stamp the next build does not trust.
 */
export async function readRecord(file: string, reading: RecordReading): Promise<ReadRecord> {
  const absolute = path.resolve(file);
  const stamp = await readStamp(absolute);
  const context = contextOf(absolute, reading.contexts);
  const cached = reading.cached[absolute];
  if (stamp && cached && cached.context === context && sameStamp(cached, stamp)) {
    // Loading checks this too: a second file for the slug, added since, is still refused.
    if (path.dirname(absolute) === path.resolve(reading.dataDir)) await assertOneFilePerSlug(file);
    const { slug, title, question, contentHash } = cached;
    return { summary: { slug, title, question, file, contentHash }, absolute, remembered: cached };
  }
  // Loaded for the first record a build must parse: a build whose record files are all unchanged parses none.
  const { loadRecordFile } = await import('../record/load.js');
  const record = await loadRecordFile(file, { dataDir: reading.dataDir, knownSlugs: reading.knownSlugs });
  const summary = summarize(record, file);
  const { file: _file, ...fields } = summary;
  return { summary, absolute, remembered: stamp ? { ...stamp, context, ...fields } : undefined };
}
