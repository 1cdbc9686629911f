/**
 * Which renders a server takes on: at most `running` at once and `waiting` more in line; beyond
 * that a request is refused at once (E_BUSY, answered 503 with Retry-After) rather than queued
 * without end. A render already running or waiting for the same key is shared, never repeated.
 */
import pLimit from 'p-limit';
import { CasefileError } from '../errors.js';

export interface Admission {
  run<T>(key: string, render: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
  /** Renders refused because the line was full, since the start. */
  readonly refused: number;
}

export function createAdmission(limits: { running: number; waiting: number }): Admission {
  const limit = pLimit(Math.max(1, limits.running));
  const inFlight = new Map<string, Promise<unknown>>();
  let refused = 0;
  return {
    run<T>(key: string, render: () => Promise<T>): Promise<T> {
      const shared = inFlight.get(key);
      if (shared) return shared as Promise<T>;
      if (limit.activeCount >= limit.concurrency && limit.pendingCount >= limits.waiting) {
        refused++;
        return Promise.reject(new CasefileError('E_BUSY', `busy: ${limit.activeCount} renders running and ${limit.pendingCount} waiting`));
      }
      const started = limit(render).finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    get running() {
      return limit.activeCount;
    },
    get waiting() {
      return limit.pendingCount;
    },
    get refused() {
      return refused;
    },
  };
}

/**
 * `work`, or E_TIMEOUT once `ms` pass. The render itself goes on and keeps its place in the
 * admission's count until it ends (its bytes are kept for the next request): a time limit frees
 * the caller, never the machine.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CasefileError('E_TIMEOUT', `${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
