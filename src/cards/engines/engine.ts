/**
 * What an engine is: the thing that turns one card's element tree into image bytes. Layouts and
 * fitting never know which engine draws them; the engine only draws, and reports where its
 * layout put each box so the overflow check can hold it to what fitting decided.
 *
 * - `satori`: Satori (tree → SVG with text as paths) then resvg (SVG → PNG). The design's
 *   reference: the goldens are drawn with it. PNG and SVG only.
 * - `takumi`: @takumi-rs/core, a native (Rust) renderer that takes the same tree. Faster (figures
 *   in docs/performance.md), and encodes WebP and JPEG as well. Both engines put right-to-left runs
 *   in reading order.
 */
import { CasefileError } from '../../errors.js';
import { DEFAULTS } from '../../settings/defaults.js';
import type { CardElement } from '../element.js';
import type { CardFormat } from '../plan.js';
import type { LaidOutBox } from '../svg.js';

export const ENGINE_NAMES = ['satori', 'takumi'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
export const DEFAULT_ENGINE: EngineName = DEFAULTS.engine;

/** The formats each engine can write; the first engine listed for a format is the one named when another refuses it. */
export const ENGINE_FORMATS: Record<EngineName, readonly CardFormat[]> = {
  satori: ['png', 'svg'],
  takumi: ['png', 'svg', 'webp', 'jpeg'],
};

export function parseEngine(value: string): EngineName {
  const name = value.trim().toLowerCase();
  if (!(ENGINE_NAMES as readonly string[]).includes(name)) {
    throw new CasefileError('E_USAGE', `Invalid card engine ${JSON.stringify(value)}. Allowed values: ${ENGINE_NAMES.join(', ')}.`);
  }
  return name as EngineName;
}

/** Refuses, in one line, a format the engine cannot make, naming the engine that can. */
export function assertEngineFormats(engine: EngineName, formats: readonly CardFormat[]): void {
  for (const format of formats) {
    if (ENGINE_FORMATS[engine].includes(format)) continue;
    const makers = ENGINE_NAMES.filter((name) => ENGINE_FORMATS[name].includes(format));
    throw new CasefileError(
      'E_USAGE',
      `The ${engine} engine cannot write ${format}: ${format} cards are made by the ${makers.join(' or ')} engine (--engine ${makers[0]}).`,
    );
  }
}

export interface DrawRequest {
  /** Layout size in CSS px. */
  width: number;
  height: number;
  /** Device pixel ratio: raster outputs are width × scale by height × scale. */
  scale: number;
  formats: readonly CardFormat[];
  /** 1-100 for webp and jpeg. */
  quality: number;
  /** Fallback font families the record's text needs (already in the font book). */
  fallbackFamilies: readonly string[];
}

export interface Drawing {
  /** One entry per requested format: encoded bytes, or SVG text. */
  images: Partial<Record<CardFormat, Uint8Array | string>>;
  /** The engine's own layout, in tree order, for the overflow check: every box (satori), or the lines it measured (takumi, engines/line-check.ts). */
  boxes: LaidOutBox[];
  /** Raster pixel size. */
  width: number;
  height: number;
}

export interface CardEngine {
  readonly name: EngineName;
  draw(tree: CardElement, request: DrawRequest): Promise<Drawing>;
}
