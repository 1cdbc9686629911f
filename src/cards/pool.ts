/**
 * The worker pool: tinypool running dist/cards/worker.js in child processes, one lane per core.
 *
 * Why processes, and when one is replaced: resvg-js's pixel buffers are freed by Node-API
 * finalizers, which Node runs between event-loop turns (see engines/satori.ts). A worker takes
 * its cards as messages, and the satori engine yields a turn after each raster, so its memory
 * stays level without restarts (scripts/card-memory.mjs measures it; docs/performance.md has the
 * figures). A restart costs a cold start (Node, fonts, JIT), so workers are kept; the one safety
 * net, for native memory nobody has found yet, replaces a worker whose resident size passes
 * RECYCLE_AT_RSS once the cards it holds are back, so nothing is lost.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Tinypool from 'tinypool';
import { CasefileError, type ErrorCode } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { CaseFile } from '../record/schema.js';
import { DEFAULT_ENGINE, type EngineName } from './engines/engine.js';
import type { CardJob } from './plan.js';
import type { CardSettings, RenderedCard } from './render.js';
import type { WorkerResult, WorkerTask } from './worker.js';

/**
 * How cards travel to a worker: up to CARDS_PER_TASK cards of one record in one message, and up to
 * TASKS_IN_FLIGHT messages held by a worker, so the next has crossed the pipe while one is drawn.
 * Satori draws in JavaScript and resvg synchronously, so it goes a card at a time. Takumi draws on
 * native threads (libuv's pool): a worker draws a task's cards at once while its JavaScript lays out
 * the next, and four cards in one message pay the round trip and the record's copy once (the
 * settings compared are in docs/performance.md).
 */
export const CARDS_PER_TASK: Readonly<Record<EngineName, number>> = { satori: 1, takumi: 4 };
export const TASKS_IN_FLIGHT = 2;

/** A worker this large is replaced once the cards it holds are back (three times a worker's steady size). */
export const RECYCLE_AT_RSS = 1024 * 1024 * 1024;

/** What a worker reports after each task; a restart policy decides from it whether the worker should go. */
export interface WorkerState {
  /** The worker's lane, from 0. */
  lane: number;
  /** Cards it drew since it last started. */
  cardsSinceStart: number;
  /** Times this lane's worker was replaced so far. */
  restarts: number;
  /** Its resident size after the task, in bytes. */
  rss: number;
}

export type RestartPolicy = (worker: WorkerState) => boolean;

/** The default: a worker is replaced only when it grows past RECYCLE_AT_RSS. */
export const restartWhenLarge: RestartPolicy = ({ rss }) => rss > RECYCLE_AT_RSS;

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

/** One worker process of the pool: replaced on its own, so the others keep drawing while it restarts. */
interface Lane {
  readonly pool: Tinypool;
  /** Tasks handed to this lane's worker and not yet back. */
  inFlight: number;
  /** Cards drawn since this lane's worker started. */
  completed: number;
  /** Times this lane's worker was replaced. */
  restarts: number;
  /** Due for a restart: takes no new cards, and restarts once the ones it holds are back. */
  draining: boolean;
  recycling: Promise<void> | undefined;
}

interface QueuedCard {
  record: CaseFile;
  job: CardJob;
  settings: CardSettings | undefined;
  resolve: (card: RenderedCard) => void;
  reject: (error: unknown) => void;
}

/**
 * Why lanes of one worker each and one shared queue, rather than one tinypool of W workers:
 * tinypool's recycleWorkers() drains and restarts every worker at once, and a new process starts
 * cold (JIT, fonts, text-width caches). With a lane per worker, a worker that must go is replaced
 * alone while the others keep drawing, and a lane that is restarting takes no cards from the
 * queue.
 */
export class CardPool {
  private readonly lanes: Lane[];
  private readonly queue: QueuedCard[] = [];
  /** Times a worker was recycled, and the worker processes seen (for tests and --verbose). */
  recycles = 0;
  readonly workerPids = new Set<number>();
  /** The most workers ever restarting at once (one, by design; for tests). */
  peakRecycling = 0;
  /** The largest resident size a worker reported after a card, in bytes (for tests and the soak). */
  peakWorkerRss = 0;
  /** The most a worker held outside V8's heap after a card, in bytes (native leaks show here, not in V8's garbage). */
  peakWorkerOutsideHeap = 0;

  /** `dueForRestart` decides after each task whether a worker should be replaced; by default only past RECYCLE_AT_RSS. */
  constructor(
    readonly workers: number,
    private readonly dueForRestart: RestartPolicy = restartWhenLarge,
  ) {
    // tinypool otherwise starts children with an empty environment (no PATH for fc-list).
    const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    this.lanes = Array.from({ length: workers }, () => ({
      pool: this.watched(new Tinypool({
        filename: workerFile(),
        runtime: 'child_process',
        minThreads: 1,
        maxThreads: 1,
        // Buffers and typed arrays must cross the process boundary as bytes, not JSON.
        serialization: 'advanced',
        env,
        idleTimeout: 30_000,
        concurrentTasksPerWorker: TASKS_IN_FLIGHT,
      })),
      inFlight: 0,
      completed: 0,
      restarts: 0,
      draining: false,
      recycling: undefined,
    }));
  }

  /** Workers that died holding no card (killed, or out of memory while idle); the next card starts another. */
  workerDeaths = 0;

  /**
   * tinypool rejects the cards a dying worker held, but reports a worker that dies holding none as
   * an 'error' event on the pool, which with no listener ends this process: a long-lived server
   * would go down with an idle worker.
   */
  private watched(pool: Tinypool): Tinypool {
    pool.on('error', () => {
      this.workerDeaths++;
    });
    return pool;
  }

  render(record: CaseFile, job: CardJob, settings?: CardSettings): Promise<RenderedCard> {
    return new Promise<RenderedCard>((resolve, reject) => {
      this.queue.push({ record, job, settings, resolve, reject });
      this.holdProcess();
      this.dispatch();
    });
  }

  /**
   * tinypool unrefs a child-process worker's IPC channel once it starts, and a task does not ref it
   * again: a process whose only work was waiting for cards could end before they came back, with
   * exit code 13 (a top-level await never settled; `casefile cards` did, now and then, on a busy
   * machine). A timer held while any card is queued or out keeps it waiting for them.
   */
  private keepAlive: NodeJS.Timeout | undefined;

  private holdProcess(): void {
    this.keepAlive ??= setInterval(() => undefined, 1 << 30);
  }

  private releaseWhenIdle(): void {
    if (this.keepAlive === undefined || this.queue.length > 0 || this.lanes.some((lane) => lane.inFlight > 0)) return;
    clearInterval(this.keepAlive);
    this.keepAlive = undefined;
  }

  /** The queue's first card and those right behind it that can share its message (same record, settings and engine). */
  private takeTask(): QueuedCard[] {
    const first = this.queue[0]!;
    const engine = first.job.engine ?? DEFAULT_ENGINE;
    let count = 1;
    while (
      count < CARDS_PER_TASK[engine] &&
      count < this.queue.length &&
      this.queue[count]!.record === first.record &&
      this.queue[count]!.settings === first.settings &&
      (this.queue[count]!.job.engine ?? DEFAULT_ENGINE) === engine
    ) {
      count++;
    }
    return this.queue.splice(0, count);
  }

  /** Hands queued cards, in order, to the least busy lane that has room and is not restarting. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const open = this.lanes.filter((lane) => !lane.recycling && !lane.draining && lane.inFlight < TASKS_IN_FLIGHT);
      if (open.length === 0) return;
      const lane = open.reduce((least, other) => (other.inFlight < least.inFlight ? other : least));
      const cards = this.takeTask();
      const first = cards[0]!;
      const task = { record: first.record, jobs: cards.map((card) => card.job), ...(first.settings ? { settings: first.settings } : {}) } satisfies WorkerTask;
      lane.inFlight++;
      lane.pool
        .run(task)
        .then(
          (value) => {
            const result = value as WorkerResult;
            this.workerPids.add(result.pid);
            this.peakWorkerOutsideHeap = Math.max(this.peakWorkerOutsideHeap, result.outsideHeap);
            this.afterTask(lane, this.lanes.indexOf(lane), result.rss, cards.length);
            cards.forEach((card, index) => {
              const outcome = result.outcomes[index]!;
              if (outcome.ok) card.resolve(outcome.card);
              else card.reject(new CasefileError(outcome.code as ErrorCode, outcome.message));
            });
          },
          (error: unknown) => cards.forEach((card) => card.reject(error)),
        )
        .finally(() => {
          lane.inFlight--;
          // tinypool's restart ends the process at once: only a worker holding no card may go.
          if (lane.draining && lane.inFlight === 0) this.recycle(lane);
          this.dispatch();
          this.releaseWhenIdle();
        });
    }
  }

  private afterTask(lane: Lane, index: number, rss: number, cards: number): void {
    this.peakWorkerRss = Math.max(this.peakWorkerRss, rss);
    lane.completed += cards;
    if (lane.recycling || lane.draining || !this.dueForRestart({ lane: index, cardsSinceStart: lane.completed, restarts: lane.restarts, rss })) return;
    // One restart at a time: a lane that is due while another restarts draws on and goes next.
    if (this.lanes.some((other) => other.recycling || other.draining)) return;
    lane.draining = true;
  }

  private recycle(lane: Lane): void {
    lane.draining = false;
    lane.completed = 0;
    lane.restarts++;
    this.recycles++;
    lane.recycling = lane.pool.recycleWorkers().finally(() => {
      lane.recycling = undefined;
      this.dispatch();
    });
    this.peakRecycling = Math.max(this.peakRecycling, this.lanes.filter((other) => other.recycling).length);
  }

  async close(): Promise<void> {
    clearInterval(this.keepAlive);
    this.keepAlive = undefined;
    await Promise.all(this.lanes.map((lane) => lane.recycling));
    await Promise.all(this.lanes.map((lane) => lane.pool.destroy()));
  }
}
