/**
 * How many card worker processes to start: the one place `cards`, `build` and the library choose
 * them, from what was asked, the number of cards and the engine's default (DEFAULTS.cardWorkers,
 * src/settings/defaults.ts, where the measured reasons are).
 */
import { DEFAULTS } from '../settings/defaults.js';
import type { EngineName } from './engines/engine.js';

/** Why that many: a flag, the config or a caller asked; a single card; or the engine's default. */
export type CardWorkersReason = 'asked' | 'one card' | 'engine';

export interface CardWorkersChoice {
  /** Worker processes; 0 draws in this process. */
  workers: number;
  reason: CardWorkersReason;
}

/** The choice for `cardCount` cards drawn by `engine`; `requested` (a flag, the config, a caller) wins. */
export function chooseCardWorkers(engine: EngineName, cardCount: number, requested?: number): CardWorkersChoice {
  if (requested !== undefined) return { workers: requested, reason: 'asked' };
  // A worker's start (Node, the modules, the fonts) costs more than one card.
  if (cardCount <= 1) return { workers: 0, reason: 'one card' };
  return { workers: Math.min(cardCount, DEFAULTS.cardWorkers[engine]), reason: 'engine' };
}

/** For --verbose: `cards: takumi draws in this process (the default for takumi)`. */
export function describeCardWorkers(engine: EngineName, choice: CardWorkersChoice): string {
  const where = choice.workers === 0 ? 'in this process' : `in ${choice.workers} worker process${choice.workers === 1 ? '' : 'es'}`;
  const why = { asked: 'as asked', 'one card': 'one card: a worker would cost more than it saves', engine: `the default for ${engine}` }[choice.reason];
  return `cards: ${engine} draws ${where} (${why})`;
}
