/** How a build fails one record or one output without stopping: told to the caller at once, kept for the summary. */
import { CasefileError, isCasefileError } from '../errors.js';
import type { BuildEvents } from './events.js';

export interface BuildFailure {
  record: string;
  /** The output that failed; absent when the record itself did not load. */
  path?: string;
  code: string;
  message: string;
}

/** Anything thrown, as the one-line error a build reports. */
export function toError(error: unknown): CasefileError {
  if (isCasefileError(error)) return error;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return new CasefileError('E_RENDER', message, { cause: error });
}

export function reportFailure(events: BuildEvents, record: string, error: CasefileError, output?: { kind: 'dossier' | 'card'; path: string }): BuildFailure {
  events.onOutput?.({ record, kind: output?.kind ?? 'dossier', ...(output ? { path: output.path } : {}), status: 'failed', error });
  return { record, ...(output ? { path: output.path } : {}), code: error.code, message: error.message };
}

/** Between steps of a build: once interrupted, nothing more is started. */
export function assertNotAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CasefileError('E_INTERRUPTED', 'build interrupted; finished outputs are kept, nothing half-written is left');
}
