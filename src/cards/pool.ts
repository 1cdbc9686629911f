/**
 * The worker pool: tinypool running dist/cards/worker.js in child processes.
 *
 * Why child processes and a render-count limit: resvg-js 2.6.x leaks about 4 MB of native
 * (Rust) memory per render() (resvg-js issue #216; here the resident size grew 5.6 MB per og card
 * over 60 renders). That memory is outside V8's heap, so
 * tinypool's `maxMemoryLimitBeforeRecycle` (which reads heapUsed) never sees it, and ending a
 * worker *thread* would not return it either, since threads share the process's allocator. So
 * each worker is a process, and the pool recycles each worker after every RECYCLE_AFTER_CARDS
 * cards (about 560 MB of leak at most), or sooner when it reports a resident size over
 * RECYCLE_AT_RSS. A recycled worker finishes its current card first, so nothing is lost; the new
 * one parses the fonts again, once.
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

/** One worker process of the pool, with its own card budget, so that recycles can be staggered. */
interface Lane {
  readonly pool: Tinypool;
  busy: boolean;
  /** Satori cards drawn since this lane's last recycle. */
  completed: number;
  /** Cards before the next recycle: the first is staggered across lanes, then the full budget. */
  budget: number;
  recycling: Promise<void> | undefined;
}

interface QueuedCard {
  task: WorkerTask;
  resolve: (result: WorkerResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Why lanes of one worker each and one shared queue, rather than one tinypool of W workers:
 * tinypool's recycleWorkers() drains and restarts every worker at once, and the new processes
 * start cold (JIT, text-width caches). Measured on 2 quiet cores, 192 warmed og cards: 2 workers
 * that never recycle 5.3 s, recycled all at once every 160 cards each 7.8 s, against 10.3 s in one
 * process. With a lane per worker, each recycles on its own budget (the first budgets staggered
 * so lanes never restart together), and a lane that is restarting takes no cards from the queue
 * while the others keep drawing.
 */
export class CardPool {
  private readonly lanes: Lane[];
  private readonly queue: QueuedCard[] = [];
  /** Times a worker was recycled, and the worker processes seen (for tests and --verbose). */
  recycles = 0;
  readonly workerPids = new Set<number>();
  /** The most workers ever restarting at once (one, by design; for tests). */
  peakRecycling = 0;

  constructor(readonly workers: number, private readonly recycleAfter = RECYCLE_AFTER_CARDS) {
    // tinypool otherwise starts children with an empty environment (no PATH for fc-list).
    const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    this.lanes = Array.from({ length: workers }, (_, index) => ({
      pool: new Tinypool({
        filename: workerFile(),
        runtime: 'child_process',
        minThreads: 1,
        maxThreads: 1,
        // Buffers and typed arrays must cross the process boundary as bytes, not JSON.
        serialization: 'advanced',
        env,
        idleTimeout: 30_000,
      }),
      busy: false,
      completed: 0,
      budget: Math.max(1, Math.ceil((recycleAfter * (index + 1)) / workers)),
      recycling: undefined,
    }));
  }

  render(record: CaseFile, job: CardJob, settings?: CardSettings): Promise<RenderedCard> {
    const task = { record, job, ...(settings ? { settings } : {}) } satisfies WorkerTask;
    return new Promise<WorkerResult>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    }).then((result) => {
      if (!result.ok) throw new CasefileError(result.code as ErrorCode, result.message);
      return result.card;
    });
  }

  /** Hands queued cards, in order, to every lane that is neither drawing nor restarting. */
  private dispatch(): void {
    for (const lane of this.lanes) {
      if (this.queue.length === 0) return;
      if (lane.busy || lane.recycling) continue;
      const next = this.queue.shift()!;
      lane.busy = true;
      lane.pool
        .run(next.task)
        .then((value) => {
          const result = value as WorkerResult;
          this.workerPids.add(result.pid);
          this.afterCard(lane, result.rss, next.task.job);
          next.resolve(result);
        }, next.reject)
        .finally(() => {
          lane.busy = false;
          this.dispatch();
        });
    }
  }

  private afterCard(lane: Lane, rss: number, job: CardJob): void {
    // Only resvg leaks: Takumi's memory stays flat (scripts/card-memory.mjs), so its cards never count.
    if (job.engine !== 'takumi') lane.completed++;
    if (lane.recycling || (lane.completed < lane.budget && rss <= RECYCLE_AT_RSS)) return;
    // One restart at a time: a lane that is due while another restarts draws on and goes next.
    if (this.lanes.some((other) => other.recycling)) return;
    lane.completed = 0;
    lane.budget = this.recycleAfter;
    this.recycles++;
    lane.recycling = lane.pool.recycleWorkers().finally(() => {
      lane.recycling = undefined;
      this.dispatch();
    });
    this.peakRecycling = Math.max(this.peakRecycling, this.lanes.filter((other) => other.recycling).length);
  }

  async close(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.recycling));
    await Promise.all(this.lanes.map((lane) => lane.pool.destroy()));
  }
}
