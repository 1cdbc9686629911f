/**
 * The card renderer a caller creates once and reuses for many records: a pool of worker
 * processes (each parses the fonts once), or, with `workers: 0`, rendering in this process.
 * Whoever creates one closes it.
 */
import type { CaseFile } from '../record/schema.js';
import { DEFAULTS } from '../settings/defaults.js';
import type { CardJob } from './plan.js';
import { CardPool } from './pool.js';
import { renderCard, type CardSettings, type RenderedCard } from './render.js';

export type { RenderedCard } from './render.js';

export interface CardRendererOptions {
  /**
   * Worker processes; 0 renders in this process. Default: one per core (src/settings/defaults.ts).
   * Memory stays level either way (test/cards/native-memory.test.ts); workers add cores, and keep
   * a native crash or an unbounded growth out of the caller's process.
   */
  workers?: number;
  /** The site's theme and layouts, for every card this renderer draws. */
  settings?: CardSettings;
}

export interface CardRenderer {
  /** Renders `jobs` for one record; results come back in the jobs' order. */
  /** `settings` overrides the renderer's own for this call (a long-lived preview follows theme edits). */
  render(record: CaseFile, jobs: readonly CardJob[], settings?: CardSettings): Promise<RenderedCard[]>;
  close(): Promise<void>;
  readonly workers: number;
}

export function createCardRenderer(options: CardRendererOptions = {}): CardRenderer {
  const workers = Math.max(0, Math.floor(options.workers ?? DEFAULTS.workers));
  if (workers === 0) {
    return {
      workers,
      async render(record, jobs, settings = options.settings) {
        const cards: RenderedCard[] = [];
        for (const job of jobs) cards.push(await renderCard(record, job, undefined, settings));
        return cards;
      },
      async close() {},
    };
  }
  // Started on first use, so making a renderer that ends up unused costs nothing.
  let pool: CardPool | undefined;
  let closed = false;
  return {
    workers,
    render(record, jobs, settings = options.settings) {
      if (closed) return Promise.reject(new Error('this card renderer is closed'));
      pool ??= new CardPool(workers);
      const running = pool;
      return Promise.all(jobs.map((job) => running.render(record, job, settings)));
    },
    async close() {
      closed = true;
      await pool?.close();
    },
  };
}
