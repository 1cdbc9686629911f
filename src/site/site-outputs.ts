/**
 * Every output of a build, made or kept, handed out a record at a time: the entries kept are the
 * cache's (already in memory), those made are read back from the run's spool (entry-spool.ts)
 * when their record is reached. The manifest, the gallery, the meta pages and the cache are each
 * written from it in one pass, so no step holds every card's entry made at once.
 *
 * The manifest lists entries by path. A record's paths are its slug followed by `.` or `/`
 * (`<slug>.pdf`, `<slug>/cards/…`, `<slug>/meta.html`), and slugs hold neither, so each record's
 * paths sort together, and records sort as their slugs do with a `.` after each: `a-b` (whose
 * paths begin `a-b.` and `a-b/`) comes before `a` (`a.` and `a/`), since `-` sorts before `.`.
 */
import type { EntrySpool, Written } from './entry-spool.js';
import { byPath, inCodeUnitOrder, type ManifestEntry } from './manifest.js';

/** One record's outputs. */
export interface RecordOutputs {
  slug: string;
  /** Sorted by path. */
  entries: ManifestEntry[];
}


/** Pure: slugs in the order their records' paths take in the manifest. */
export function slugsInPathOrder(slugs: Iterable<string>): string[] {
  return [...slugs].map((slug) => `${slug}.`).sort(inCodeUnitOrder).map((key) => key.slice(0, -1));
}

export class SiteOutputs {
  private readonly kept = new Map<string, ManifestEntry[]>();
  private readonly keptCards: number;

  /** `kept`: the entries of the outputs the cache kept; `spool`: the run's (one to read from, not to change). */
  constructor(kept: readonly ManifestEntry[], private readonly spool: EntrySpool) {
    let cards = 0;
    for (const entry of kept) {
      const entries = this.kept.get(entry.record);
      if (entries) entries.push(entry);
      else this.kept.set(entry.record, [entry]);
      if (entry.kind === 'card') cards += 1;
    }
    this.keptCards = cards;
  }

  /** Every record with an output, in slug order (the gallery's). */
  get slugs(): string[] {
    return [...new Set([...this.kept.keys(), ...this.spool.slugs])].sort(inCodeUnitOrder);
  }

  /** Outputs of kind `card`, all records together. */
  get cards(): number {
    let cards = this.keptCards;
    for (const slug of this.spool.slugs) cards += this.spool.countsOf(slug).cards;
    return cards;
  }

  /** The run's entries of `slug`, as the cache will remember them, sorted by path. */
  written(slug: string): Written[] {
    return this.spool.read(slug).sort((a, b) => byPath(a.entry, b.entry));
  }

  /** `slug`'s outputs, kept and made, sorted by path (a path made replaces the same path kept). */
  entriesOf(slug: string): ManifestEntry[] {
    const made = this.spool.read(slug).map(({ entry }) => entry);
    const madePaths = new Set(made.map((entry) => entry.path));
    const kept = (this.kept.get(slug) ?? []).filter((entry) => !madePaths.has(entry.path));
    return [...kept, ...made].sort(byPath);
  }

  /** Each record's outputs, in `order`: by slug (the gallery's) or by path (the manifest's). */
  *records(order: 'slug' | 'path'): Generator<RecordOutputs> {
    const slugs = order === 'slug' ? this.slugs : slugsInPathOrder(this.slugs);
    for (const slug of slugs) yield { slug, entries: this.entriesOf(slug) };
  }

  /** Every output, in the manifest's order (by path). */
  *entries(): Generator<ManifestEntry> {
    for (const record of this.records('path')) yield* record.entries;
  }
}
