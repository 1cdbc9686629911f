/** Card workers chosen by engine: what cards, build and makeCards start when nobody asks, and that asking wins. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { chooseCardWorkers, describeCardWorkers } from '../../src/cards/workers.js';

const CORES = Math.max(1, availableParallelism());

describe('chooseCardWorkers', () => {
  it('gives satori one worker per core, but never more workers than cards', () => {
    expect(chooseCardWorkers('satori', 240).workers).toBe(CORES);
    expect(chooseCardWorkers('satori', 2).workers).toBe(Math.min(2, CORES));
  });

  it('draws takumi in this process, however many cards', () => {
    expect(chooseCardWorkers('takumi', 12).workers).toBe(0);
    expect(chooseCardWorkers('takumi', 10_000).workers).toBe(0);
  });

  it('draws a single card in this process, whatever the engine', () => {
    expect(chooseCardWorkers('satori', 1).workers).toBe(0);
    expect(chooseCardWorkers('takumi', 1).workers).toBe(0);
    expect(chooseCardWorkers('satori', 1).reason).toBe('one card');
  });

  it('gives what was asked, even 0 for satori, workers for takumi or one for a single card', () => {
    expect(chooseCardWorkers('satori', 240, 0).workers).toBe(0);
    expect(chooseCardWorkers('takumi', 240, 2).workers).toBe(2);
    expect(chooseCardWorkers('satori', 1, 3).workers).toBe(3);
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
