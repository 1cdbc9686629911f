/**
 * Measuring and wrapping text with the bundled fonts' real advance widths, so figures drawn
 * in SVG (where nothing wraps by itself) size their boxes to what Chromium will print.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Fontkit from '@pdf-lib/fontkit';
import { BUNDLED_FONTS, fontPath, type BundledFont } from '../../fonts/registry.js';

/**
 * Loaded on the first measurement, not with this module: fontkit unpacks its tables when it loads
 * (about half a second of CPU and as much again in garbage collection), and the site build imports
 * the templates, and so this file, even when it has nothing to print.
 */
let fontkit: typeof Fontkit | undefined;
const loadFontkit = (): typeof Fontkit => (fontkit ??= createRequire(import.meta.url)('@pdf-lib/fontkit') as typeof Fontkit);

export type MeasuredFace = Pick<BundledFont, 'family' | 'weight' | 'style'>;

interface Metrics {
  unitsPerEm: number;
  advance(text: string): number;
}

const cache = new Map<string, Metrics>();

function metricsFor(face: MeasuredFace): Metrics {
  const key = `${face.family}/${face.weight}/${face.style}`;
  let metrics = cache.get(key);
  if (!metrics) {
    const font = BUNDLED_FONTS.find((candidate) => candidate.family === face.family && candidate.weight === face.weight && candidate.style === face.style);
    if (!font) throw new Error(`no bundled font ${key}`);
    const parsed = loadFontkit().create(readFileSync(fontPath(font)));
    metrics = { unitsPerEm: parsed.unitsPerEm, advance: (text) => parsed.layout(text).advanceWidth };
    cache.set(key, metrics);
  }
  return metrics;
}

/** Width of `text` set in `face` at `size` (same unit as size, e.g. pt). */
export function textWidth(text: string, face: MeasuredFace, size: number): number {
  const metrics = metricsFor(face);
  return (metrics.advance(text) / metrics.unitsPerEm) * size;
}

/**
 * The longest prefix of `word` that fits, at least one character and shorter than the word: by
 * doubling, then bisection, so a 4000-character word (a hostile record) costs a few dozen
 * measurements of short strings, not one measurement of the whole word per character.
 */
function longestFittingCut(word: string, fits: (candidate: string) => boolean): number {
  const max = word.length - 1;
  let good = 1;
  let probe = 2;
  while (probe <= max && fits(word.slice(0, probe))) {
    good = probe;
    probe *= 2;
  }
  let bad = Math.min(probe, max + 1);
  while (bad - good > 1) {
    const middle = (good + bad) >> 1;
    if (fits(word.slice(0, middle))) good = middle;
    else bad = middle;
  }
  return good;
}

/** Greedy word wrap to `maxWidth`; a word longer than a line is broken where it must be. */
export function wrapText(text: string, face: MeasuredFace, size: number, maxWidth: number): string[] {
  const fits = (candidate: string) => textWidth(candidate, face, size) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A single word wider than the line: cut it into pieces that fit.
    for (;;) {
      const cut = longestFittingCut(line, fits);
      // A prefix one longer than the cut did not fit, so neither does the line: only when
      // the cut is all but the last character must the whole line be measured.
      if (cut >= line.length - 1 && fits(line)) break;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}
