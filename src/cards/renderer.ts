/**
 * The card renderer a caller creates once and reuses for many records: a pool of worker
 * processes (each parses the fonts once), or, with `workers: 0`, rendering in this process.
 * Whoever creates one closes it.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { CaseFile } from '../record/schema.js';
import { DEFAULTS } from '../settings/defaults.js';
import { DEFAULT_ENGINE, type EngineName } from './engines/engine.js';
import type { CardJob } from './plan.js';
import { CardPool } from './pool.js';
import { renderCard, type CardSettings, type RenderedCard } from './render.js';

export type { RenderedCard } from './render.js';

/**
 * Cards drawn at once in this process, by engine. Satori lays out and resvg rasterizes on this
 * thread, so a second card in flight only holds a second pixmap. Takumi draws on native threads:
 * while it draws, the JavaScript layout of the next cards runs (docs/performance.md has the
 * settings compared). A build hands the renderer thousands of cards at once; the rest wait here.
 */
export const IN_PROCESS_CARDS: Readonly<Record<EngineName, number>> = { satori: 1, takumi: 4 };

export interface CardRendererOptions {
  /**
   * Worker processes; 0 renders in this process. Default: one per core (src/settings/defaults.ts;
   * `chooseCardWorkers` in workers.ts chooses by engine for cards and build).
   * Memory stays level either way (test/cards/native-memory.test.ts); workers add cores, and keep
   * a native crash or an unbounded growth out of the caller's process.
   */
  workers?: number;
  /** In this process, cards drawn at once for each engine (default IN_PROCESS_CARDS). */
  inProcessCards?: Partial<Record<EngineName, number>>;
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

/** In this process: each engine's cards queue for its few places, whatever number of calls wait. */
function inProcessRenderer(options: CardRendererOptions): CardRenderer {
  const limits = new Map<EngineName, LimitFunction>();
  const limitFor = (engine: EngineName) => {
    let limit = limits.get(engine);
    if (!limit) {
      limit = pLimit(Math.max(1, Math.floor(options.inProcessCards?.[engine] ?? IN_PROCESS_CARDS[engine])));
      limits.set(engine, limit);
    }
    return limit;
  };
  return {
    workers: 0,
    render(record, jobs, settings = options.settings) {
      return Promise.all(jobs.map((job) => limitFor(job.engine ?? DEFAULT_ENGINE)(() => renderCard(record, job, undefined, settings))));
    },
    // Nothing of its own to close: the fonts and engines are this process's, kept for its next card.
    async close() {},
  };
}

export function createCardRenderer(options: CardRendererOptions = {}): CardRenderer {
  const workers = Math.max(0, Math.floor(options.workers ?? DEFAULTS.workers));
  if (workers === 0) return inProcessRenderer(options);
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
