/**
 * How many card worker processes to start when the caller did not say: the one place `cards`,
 * `build` and the library choose them, by the engine that draws and the number of cards.
 */
import { DEFAULTS } from '../settings/defaults.js';
import type { EngineName } from './engines/engine.js';

/** Worker processes for `cardCount` cards drawn by `engine`; `requested` (a flag, the config, a caller) wins. */
export function cardWorkersFor(engine: EngineName, cardCount: number, requested?: number): number {
  if (requested !== undefined) return requested;
  if (cardCount <= 1) return 0;
  void engine;
  return Math.min(cardCount, DEFAULTS.workers);
}
