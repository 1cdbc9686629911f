/**
 * One engine of each kind per process (per worker): made on first use, fonts registered then.
 * Satori and resvg are imported only when a Satori card is drawn: loading them took 250 ms, a
 * tenth of a Takumi build with one record edited.
 */
import type { FontBook } from '../fonts.js';
import type { CardEngine, EngineName } from './engine.js';
import { createTakumiEngine } from './takumi.js';

const engines = new Map<EngineName, Promise<CardEngine>>();

export function loadEngine(name: EngineName, book: FontBook): Promise<CardEngine> {
  let engine = engines.get(name);
  if (!engine) {
    engine = name === 'takumi' ? createTakumiEngine(book) : import('./satori.js').then(({ createSatoriEngine }) => createSatoriEngine(book));
    // A failed load (no native binary) is not remembered, so the error is the same every time.
    engine.catch(() => engines.delete(name));
    engines.set(name, engine);
  }
  return engine;
}

export { assertEngineFormats, DEFAULT_ENGINE, ENGINE_FORMATS, ENGINE_NAMES, parseEngine, type CardEngine, type EngineName } from './engine.js';
