/**
 * What the run wrote, kept on disk a record at a time instead of in memory: each record's cache
 * entries (run.ts Written) are appended as JSON lines to one temporary file in the out folder once
 * the record's outputs are made, and only where each record's lines lie stays in memory. The last
 * stage reads them back a record at a time (site-outputs.ts). Held in memory, 100,000 entries
 * were most of a cold build's peak: about 2.5 KB of heap a card, against 0.9 KB of JSON on disk.
 *
 * The file is named like an atomic write's temporary file (`.casefile-entries.tmp-<pid>-<hex>`),
 * so a build killed before it could remove it has it removed by the next (unfinished-build.ts).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describeWriteError } from '../output/atomic.js';
import type { CacheEntries } from './cache.js';

/**
 * A file written, as the cache will remember it: its task's inputs, its manifest entry and, unless
 * it could not be stat'ed (then the next build hashes it), its size and mtime just after the
 * write (run.ts).
 */
export type Written = CacheEntries[string];

/** Where one record's lines lie, and how many of its entries are cards. */
interface RecordLines {
  /** [offset, bytes] of each run of lines appended for the record (its dossier and its cards come apart). */
  spans: [number, number][];
  entries: number;
  cards: number;
}

export class EntrySpool {
  private readonly records = new Map<string, RecordLines>();
  private file: string | undefined;
  private descriptor: number | undefined;
  private length = 0;

  constructor(private readonly outDir: string) {}

  /** The records with entries, in no particular order. */
  get slugs(): string[] {
    return [...this.records.keys()];
  }

  /** Entries held, all records together. */
  get size(): number {
    let entries = 0;
    for (const record of this.records.values()) entries += record.entries;
    return entries;
  }

  /** How many entries `slug` has, and how many of them are cards. */
  countsOf(slug: string): { entries: number; cards: number } {
    const record = this.records.get(slug);
    return { entries: record?.entries ?? 0, cards: record?.cards ?? 0 };
  }

  /** Appends `written`, all of one record's, as it will read them back. Synchronous: a record's lines are a few kilobytes. */
  add(slug: string, written: readonly Written[]): void {
    if (written.length === 0) return;
    const bytes = Buffer.from(written.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8');
    const descriptor = this.open();
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(descriptor, bytes, done, bytes.length - done, this.length + done);
    } catch (error) {
      throw describeWriteError(error, this.file ?? this.outDir);
    }
    const record = this.records.get(slug) ?? { spans: [], entries: 0, cards: 0 };
    record.spans.push([this.length, bytes.length]);
    record.entries += written.length;
    record.cards += written.filter((entry) => entry.entry.kind === 'card').length;
    this.records.set(slug, record);
    this.length += bytes.length;
  }

  /** `slug`'s entries, as added (none for a record without any). */
  read(slug: string): Written[] {
    const record = this.records.get(slug);
    if (record === undefined || this.descriptor === undefined) return [];
    const entries: Written[] = [];
    for (const [offset, length] of record.spans) {
      const bytes = Buffer.allocUnsafe(length);
      for (let done = 0; done < length; ) {
        const read = readSync(this.descriptor, bytes, done, length - done, offset + done);
        if (read === 0) throw new Error(`${this.file} ended early`);
        done += read;
      }
      for (const line of bytes.toString('utf8').split('\n')) if (line !== '') entries.push(JSON.parse(line) as Written);
    }
    return entries;
  }

  /** Closes and removes the file; the spool is empty after. */
  dispose(): void {
    if (this.descriptor !== undefined) closeSync(this.descriptor);
    if (this.file !== undefined) rmSync(this.file, { force: true });
    this.descriptor = undefined;
    this.file = undefined;
    this.records.clear();
    this.length = 0;
  }

  private open(): number {
    if (this.descriptor !== undefined) return this.descriptor;
    const file = path.join(this.outDir, `.casefile-entries.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      this.descriptor = openSync(file, 'w+', 0o600);
    } catch (error) {
      throw describeWriteError(error, file);
    }
    this.file = file;
    return this.descriptor;
  }
}
