/**
 * The worker pool: tinypool running dist/cards/worker.js in child processes.
 *
 * Why child processes and a render-count limit: resvg-js 2.6.x leaks about 4 MB of native
 * (Rust) memory per render() (resvg-js issue #216; here the resident size grew 5.6 MB per og card
 * over 60 renders). That memory is outside V8's heap, so
 * tinypool's `maxMemoryLimitBeforeRecycle` (which reads heapUsed) never sees it, and ending a
 * worker *thread* would not return it either, since threads share the process's allocator. So
 * each worker is a process, and the pool recycles its workers after every RECYCLE_AFTER_CARDS
 * cards per worker (about 270 MB of leak at most), or sooner when a worker reports a resident
 * size over RECYCLE_AT_RSS. A recycled worker finishes its current card first (tinypool's
 * recycleWorkers), so nothing is lost; the new one parses the fonts again, once.
 * Cards drawn by the takumi engine (no resvg) do not count towards recycling.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Tinypool from 'tinypool';
import { CasefileError, type ErrorCode } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { CaseFile } from '../record/schema.js';
import type { CardJob } from './plan.js';
import type { CardSettings, RenderedCard } from './render.js';
import type { WorkerResult, WorkerTask } from './worker.js';

/**
 * A fresh worker spends about 2 s of CPU before it draws at full speed (reading and parsing the
 * fonts, Satori's own font parse on its first render, the JIT warming up). At 48 cards per worker
 * that start-up was most of what a second worker added (48 × ~70 ms = 3.4 s of drawing per 2 s of
 * start), which is why two workers were no faster than one process. 160 cards cost ~560 MB of
 * resvg's leak per worker before the recycle, and the start-up drops to about a sixth.
 */
export const RECYCLE_AFTER_CARDS = 160;
export const RECYCLE_AT_RSS = 1024 * 1024 * 1024;

/** The built worker. From dist/ it sits beside this file; under vitest (src/*.ts) it is the one in dist/. */
export function workerFile(): string {
  const here = new URL(import.meta.url);
  const beside = new URL('./worker.js', here);
  const file = here.pathname.endsWith('.ts') ? path.join(PACKAGE_ROOT, 'dist', 'cards', 'worker.js') : beside.pathname;
  if (!existsSync(file)) {
    throw new CasefileError('E_RENDER', `the card worker ${file} is missing; run \`npm run build\` first, or render with workers: 0`);
  }
  return file;
}

export class CardPool {
  private readonly pool: Tinypool;
  private completed = 0;
  private recycling: Promise<void> | undefined;
  /** Times the workers were recycled, and the worker processes seen (for tests and --verbose). */
  recycles = 0;
  readonly workerPids = new Set<number>();

  constructor(readonly workers: number, private readonly recycleAfter = RECYCLE_AFTER_CARDS) {
    this.pool = new Tinypool({
      filename: workerFile(),
      runtime: 'child_process',
      minThreads: workers,
      maxThreads: workers,
      // Buffers and typed arrays must cross the process boundary as bytes, not JSON.
      serialization: 'advanced',
      // tinypool otherwise starts children with an empty environment (no PATH for fc-list).
      env: Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      idleTimeout: 30_000,
    });
  }

  private maybeRecycle(rss: number, job: CardJob): void {
    // Only resvg leaks: Takumi's memory stays flat (scripts/soak.mjs), so its cards never count.
    if (job.engine !== 'takumi') this.completed++;
    const due = this.completed >= this.recycleAfter * this.workers || rss > RECYCLE_AT_RSS;
    if (!due || this.recycling) return;
    this.completed = 0;
    this.recycles++;
    this.recycling = this.pool.recycleWorkers().finally(() => {
      this.recycling = undefined;
    });
  }

  async render(record: CaseFile, job: CardJob, settings?: CardSettings): Promise<RenderedCard> {
    const result = (await this.pool.run({ record, job, ...(settings ? { settings } : {}) } satisfies WorkerTask)) as WorkerResult;
    this.workerPids.add(result.pid);
    this.maybeRecycle(result.rss, job);
    if (!result.ok) throw new CasefileError(result.code as ErrorCode, result.message);
    return result.card;
  }

  async close(): Promise<void> {
    await this.recycling;
    await this.pool.destroy();
  }
}
