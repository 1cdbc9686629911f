/** Card workers chosen by engine: what cards, build and makeCards start when nobody asks, and that asking wins. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cardWorkersFor, chooseCardWorkers, describeCardWorkers } from '../../src/cards/workers.js';

const CORES = Math.max(1, availableParallelism());

describe('cardWorkersFor', () => {
  it('gives satori one worker per core, but never more workers than cards', () => {
    expect(cardWorkersFor('satori', 240)).toBe(CORES);
    expect(cardWorkersFor('satori', 2)).toBe(Math.min(2, CORES));
  });

  it('draws takumi in this process, however many cards', () => {
    expect(cardWorkersFor('takumi', 12)).toBe(0);
    expect(cardWorkersFor('takumi', 10_000)).toBe(0);
  });

  it('draws a single card in this process, whatever the engine', () => {
    expect(cardWorkersFor('satori', 1)).toBe(0);
    expect(cardWorkersFor('takumi', 1)).toBe(0);
    expect(chooseCardWorkers('satori', 1).reason).toBe('one card');
  });

  it('gives what was asked, even 0 for satori, workers for takumi or one for a single card', () => {
    expect(cardWorkersFor('satori', 240, 0)).toBe(0);
    expect(cardWorkersFor('takumi', 240, 2)).toBe(2);
    expect(cardWorkersFor('satori', 1, 3)).toBe(3);
    expect(chooseCardWorkers('takumi', 240, 2)).toEqual({ workers: 2, reason: 'asked' });
    expect(chooseCardWorkers('takumi', 240)).toEqual({ workers: 0, reason: 'engine' });
  });
});

describe('describeCardWorkers', () => {
  it('says where the cards are drawn and why', () => {
    expect(describeCardWorkers('takumi', chooseCardWorkers('takumi', 240))).toBe('cards: takumi draws in this process (the default for takumi)');
    expect(describeCardWorkers('takumi', chooseCardWorkers('takumi', 240, 1))).toBe('cards: takumi draws in 1 worker process (as asked)');
    expect(describeCardWorkers('satori', chooseCardWorkers('satori', 240, 2))).toBe('cards: satori draws in 2 worker processes (as asked)');
    expect(describeCardWorkers('satori', chooseCardWorkers('satori', 1))).toBe('cards: satori draws in this process (one card: a worker would cost more than it saves)');
  });
});
