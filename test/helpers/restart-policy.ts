import type { RestartPolicy } from '../../src/cards/pool.js';

/**
 * A restart every `cards` cards per worker, the first ones staggered across the `workers` lanes
 * (lane i first restarts after (i + 1) / workers of the budget), so tests can watch restarts happen
 * one at a time without waiting for a worker to grow past the memory limit.
 */
export function restartEvery(cards: number, workers: number): RestartPolicy {
  return ({ lane, cardsSinceStart, restarts }) => cardsSinceStart >= (restarts === 0 ? Math.max(1, Math.ceil((cards * (lane + 1)) / workers)) : cards);
}
