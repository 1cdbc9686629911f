/**
 * The worker entry tinypool loads (as dist/cards/worker.js) in each child process. Fonts are
 * parsed on the first card and kept for the worker's life. Errors come back as data so the
 * parent can rebuild a CasefileError with its code (tinypool would flatten it to a plain Error).
 */
import { isCasefileError } from '../errors.js';
import type { CaseFile } from '../record/schema.js';
import type { CardJob } from './plan.js';
import { renderCard, type CardSettings, type RenderedCard } from './render.js';

export interface WorkerTask {
  record: CaseFile;
  job: CardJob;
  settings?: CardSettings;
}

export type WorkerResult =
  | { ok: true; card: RenderedCard; rss: number; pid: number }
  | { ok: false; code: string; message: string; stack?: string; rss: number; pid: number };

export default async function renderInWorker(task: WorkerTask): Promise<WorkerResult> {
  try {
    const card = await renderCard(task.record, task.job, undefined, task.settings);
    return { ok: true, card, rss: process.memoryUsage.rss(), pid: process.pid };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      code: isCasefileError(error) ? error.code : 'E_RENDER',
      message,
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
      rss: process.memoryUsage.rss(),
      pid: process.pid,
    };
  }
}
