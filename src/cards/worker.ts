/**
 * The worker entry tinypool loads (as dist/cards/worker.js) in each child process. Fonts are
 * parsed on the first card and kept for the worker's life. A task is a few cards of one record
 * (pool.ts decides how many), drawn at once and answered in one message. Errors come back as data,
 * card by card, so the parent can rebuild each CasefileError with its code (tinypool would flatten
 * it to a plain Error) and the other cards of the task still arrive.
 */
import { isCasefileError } from '../errors.js';
import type { CaseFile } from '../record/schema.js';
import type { CardJob } from './plan.js';
import { renderCard, type CardSettings, type RenderedCard } from './render.js';

export interface WorkerTask {
  record: CaseFile;
  jobs: CardJob[];
  settings?: CardSettings;
}

export type CardOutcome = { ok: true; card: RenderedCard } | { ok: false; code: string; message: string; stack?: string };

export interface WorkerResult {
  /** One per job, in the jobs' order. */
  outcomes: CardOutcome[];
  rss: number;
  /** Resident memory outside V8's heap (rss − heapTotal): where resvg's pixel buffers live. */
  outsideHeap: number;
  pid: number;
}

async function drawOne(task: WorkerTask, job: CardJob): Promise<CardOutcome> {
  try {
    return { ok: true, card: await renderCard(task.record, job, undefined, task.settings) };
  } catch (error) {
    return {
      ok: false,
      code: isCasefileError(error) ? error.code : 'E_RENDER',
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
    };
  }
}

export default async function renderInWorker(task: WorkerTask): Promise<WorkerResult> {
  const outcomes = await Promise.all(task.jobs.map((job) => drawOne(task, job)));
  const { rss, heapTotal } = process.memoryUsage();
  return { outcomes, rss, outsideHeap: rss - heapTotal, pid: process.pid };
}
