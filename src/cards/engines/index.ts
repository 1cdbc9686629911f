/** One engine of each kind per process (per worker): made on first use, fonts registered then. */
import type { FontBook } from '../fonts.js';
import type { CardEngine, EngineName } from './engine.js';
import { createSatoriEngine } from './satori.js';
import { createTakumiEngine } from './takumi.js';

const engines = new Map<EngineName, Promise<CardEngine>>();

export function loadEngine(name: EngineName, book: FontBook): Promise<CardEngine> {
  let engine = engines.get(name);
  if (!engine) {
    engine = name === 'takumi' ? createTakumiEngine(book) : Promise.resolve(createSatoriEngine(book));
    // A failed load (no native binary) is not remembered, so the error is the same every time.
    engine.catch(() => engines.delete(name));
    engines.set(name, engine);
  }
  return engine;
}

export { assertEngineFormats, DEFAULT_ENGINE, ENGINE_FORMATS, ENGINE_NAMES, parseEngine, type CardEngine, type EngineName } from './engine.js';
