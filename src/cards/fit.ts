/**
 * Text fitting, decided before Satori runs. We measure with the fonts' own advance widths
 * (opentype.js on the same bytes Satori draws; see FontBook.measure), break lines ourselves and
 * hand Satori one non-wrapping line per element, so the layout we computed is the layout drawn:
 * deterministic, and checkable without rendering. A small safety margin absorbs the difference
 * between our advance sums and Satori's HarfBuzz shaping; svg.ts checks the result anyway.
 *
 * The rules, in order: shrink type within the role's bounds; then truncate with an ellipsis at a
 * word boundary; then (for lists) move whole items to a "+N more" line. A word is split only when
 * it alone is wider than the line at the smallest size (a URL, a long compound): there is no other way.
 */
import type { FontBook } from './fonts.js';
import type { FamilyKey, TextRole } from './theme.js';

/** Lines are filled to this share of the box: covers shaping and rounding differences. */
export const WIDTH_SAFETY = 0.97;
export const ELLIPSIS = '…';

export interface TypeSetter {
  /** Width in px of `text` set in `role` at `size` px. */
  width(text: string, role: TextRole, size: number): number;
}

/** `families` maps each family key to the one a theme draws it in, so text is measured in the face it is drawn in. */
export function createTypeSetter(book: FontBook, fallbackFamilies: readonly string[], families?: Readonly<Record<FamilyKey, FamilyKey>>): TypeSetter {
  return {
    width: (text, role, size) =>
      book.measure(text, families ? { ...role.font, family: families[role.font.family] } : role.font, size, role.letterSpacing ?? 0, fallbackFamilies),
  };
}

export interface FittedText {
  lines: string[];
  /** Font size in px. */
  size: number;
  /** Line height in px. */
  lineHeight: number;
  height: number;
  /** The width the lines were fitted to; the overflow check holds Satori's layout to it. */
  width: number;
  /** Some of the text was cut and ended with an ellipsis. */
  truncated: boolean;
}

interface Token {
  text: string;
  /** A space separates it from the token before (CJK characters break without one). */
  spaced: boolean;
}

const BREAK_ANYWHERE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/** Words, with CJK characters as words of their own, since those lines break between any two. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const word of text.trim().split(/\s+/)) {
    if (word === '') continue;
    if (!BREAK_ANYWHERE.test(word)) {
      tokens.push({ text: word, spaced: tokens.length > 0 });
      continue;
    }
    let first = true;
    let pending = '';
    for (const char of word) {
      if (BREAK_ANYWHERE.test(char)) {
        if (pending) tokens.push({ text: pending, spaced: first && tokens.length > 0 }), (first = false), (pending = '');
        tokens.push({ text: char, spaced: first && tokens.length > 0 });
        first = false;
      } else pending += char;
    }
    if (pending) tokens.push({ text: pending, spaced: first && tokens.length > 0 });
  }
  return tokens;
}

export function applyCase(text: string, role: TextRole): string {
  return role.uppercase ? text.toLocaleUpperCase('en') : text;
}

function join(tokens: Token[]): string {
  return tokens.map((token, index) => (index > 0 && token.spaced ? ` ${token.text}` : token.text)).join('');
}

/** Splits one over-long word into pieces that each fit `width` (graphemes kept whole). */
function splitWord(word: string, width: number, measure: (text: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(word)) {
    if (piece && measure(piece + segment) > width) {
      pieces.push(piece);
      piece = segment;
    } else piece += segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy line breaking at `size`; `overlong` reports whether some word alone was too wide. */
export function wrap(
  text: string,
  role: TextRole,
  size: number,
  width: number,
  setter: TypeSetter,
): { lines: string[]; overlong: boolean } {
  const usable = width * WIDTH_SAFETY;
  const measure = (value: string) => setter.width(value, role, size);
  const lines: string[] = [];
  let current: Token[] = [];
  let overlong = false;
  for (const token of tokenize(applyCase(text, role))) {
    const candidate = [...current, token];
    if (current.length === 0 || measure(join(candidate)) <= usable) {
      current = candidate;
    } else {
      lines.push(join(current));
      current = [token];
    }
    if (current.length === 1 && measure(token.text) > usable) {
      overlong = true;
      const pieces = splitWord(token.text, usable, measure);
      lines.push(...pieces.slice(0, -1));
      current = [{ text: pieces[pieces.length - 1]!, spaced: false }];
    }
  }
  if (current.length > 0) lines.push(join(current));
  return { lines, overlong };
}

/** The longest start of `text` (whole words) that fits `width` with an ellipsis after it. */
export function ellipsize(text: string, role: TextRole, size: number, width: number, setter: TypeSetter): string {
  const usable = width * WIDTH_SAFETY;
  const measure = (value: string) => setter.width(value, role, size);
  const tokens = tokenize(text);
  let kept: Token[] = [];
  for (const token of tokens) {
    const candidate = [...kept, token];
    if (measure(join(candidate).replace(/[\s,.;:–—-]+$/u, '') + ELLIPSIS) > usable) break;
    kept = candidate;
  }
  if (kept.length === 0) {
    // Even the first word is too wide: cut it by graphemes, the one case a word is split.
    const first = tokens[0]?.text ?? '';
    let piece = '';
    for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(first)) {
      if (measure(piece + segment + ELLIPSIS) > usable) break;
      piece += segment;
    }
    return piece + ELLIPSIS;
  }
  return join(kept).replace(/[\s,.;:–—-]+$/u, '') + ELLIPSIS;
}

export interface TextBox {
  role: TextRole;
  /** Card unit: role sizes are for an og card and scale by this. */
  unit: number;
  width: number;
  maxLines: number;
  /** Never taller than this, whatever maxLines says. */
  maxHeight?: number;
  /** A short text may be set this much larger than the role's size (a one-word title, say). */
  grow?: number;
}

function sizeSteps(role: TextRole, unit: number, grow = 1): number[] {
  const max = Math.round(role.size * unit * grow * 2) / 2;
  const min = Math.round(role.min * unit * 2) / 2;
  const steps: number[] = [];
  for (let size = max; size > min; size = Math.round(size * 0.94 * 2) / 2) steps.push(size);
  steps.push(min);
  return steps;
}

/** Lays out `text` at a fixed size, truncating to `maxLines` with an ellipsis when it runs over. */
export function setText(text: string, box: TextBox, size: number, setter: TypeSetter, maxLines = box.maxLines): FittedText {
  const lineHeight = Math.round(size * box.role.lineHeight * 2) / 2;
  const byHeight = box.maxHeight === undefined ? maxLines : Math.floor(box.maxHeight / lineHeight);
  const allowed = Math.max(0, Math.min(maxLines, byHeight));
  const { lines } = wrap(text, box.role, size, box.width, setter);
  if (lines.length <= allowed) return { lines, size, lineHeight, height: lines.length * lineHeight, width: box.width, truncated: false };
  if (allowed === 0) return { lines: [], size, lineHeight, height: 0, width: box.width, truncated: true };
  const kept = lines.slice(0, allowed - 1);
  const rest = lines.slice(allowed - 1).join(' ');
  kept.push(ellipsize(rest, box.role, size, box.width, setter));
  return { lines: kept, size, lineHeight, height: kept.length * lineHeight, width: box.width, truncated: true };
}

/** Shrinks from the role's size to its minimum until the text fits; truncates only at the minimum. */
export function fitText(text: string, box: TextBox, setter: TypeSetter): FittedText {
  const steps = sizeSteps(box.role, box.unit, box.grow);
  for (const size of steps) {
    const lineHeight = Math.round(size * box.role.lineHeight * 2) / 2;
    const allowed = Math.min(box.maxLines, box.maxHeight === undefined ? Infinity : Math.floor(box.maxHeight / lineHeight));
    const { lines, overlong } = wrap(text, box.role, size, box.width, setter);
    if (lines.length <= allowed && !overlong) return { lines, size, lineHeight, height: lines.length * lineHeight, width: box.width, truncated: false };
  }
  return setText(text, box, steps[steps.length - 1]!, setter);
}

/** One text of a list item: a name, a description, a source line. */
export interface PartSpec {
  text: string;
  role: TextRole;
  width: number;
  maxLines: number;
  /** How far truncation may cut this part before whole items are moved to "+N more". */
  minLines?: number;
}

export interface ItemSpec {
  parts: PartSpec[];
  /** Fixed height the item adds besides its text (padding, rules, badges). */
  chrome?: number;
  /** An item never shorter than this (e.g. a badge beside short text). */
  minHeight?: number;
  /** Parts set side by side (the item is as tall as its tallest part) rather than stacked. */
  sideBySide?: boolean;
}

export interface ListFit {
  /** Parts of the items that are shown, in order; hidden items are the rest. */
  items: FittedText[][];
  heights: number[];
  hidden: number;
  truncated: number;
  /** The type factor chosen (1 = full size). */
  factor: number;
  /** Even one item at the smallest size and fewest lines did not fit. */
  overflow: boolean;
}

export interface ListBox {
  unit: number;
  height: number;
  /** Gap between items (and before the "+N more" line). */
  gap: number;
  columns?: number;
  /** Design limit: more items than this go to "+N more" before any shrinking. */
  maxItems?: number;
  /** Height the "+N more" line needs. */
  moreHeight: number;
  /** Largest type factor to try above 1 when a short list leaves the box half empty (default 1: never grow). */
  grow?: number;
}

const FACTORS = [1, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58];

function itemHeight(item: ItemSpec, parts: FittedText[], unit: number): number {
  if (item.sideBySide) return Math.max(item.minHeight ?? 0, Math.max(0, ...parts.map((part) => part.height)) + (item.chrome ?? 0));
  const text = parts.reduce((sum, part) => sum + part.height, 0);
  const gaps = Math.max(0, parts.filter((part) => part.lines.length > 0).length - 1) * Math.round(6 * unit);
  return Math.max(item.minHeight ?? 0, text + gaps + (item.chrome ?? 0));
}

function stackHeight(heights: number[], columns: number, gap: number): number {
  let total = 0;
  for (let start = 0; start < heights.length; start += columns) {
    total += Math.max(...heights.slice(start, start + columns)) + (start > 0 ? gap : 0);
  }
  return total;
}

/** Fits a list of items into a box: shrink, then truncate, then move items to "+N more". */
export function fitList(specs: ItemSpec[], box: ListBox, setter: TypeSetter): ListFit {
  const columns = box.columns ?? 1;
  const limit = Math.min(specs.length, box.maxItems ?? Infinity);
  const setAll = (count: number, factor: number, lineCut: number) => {
    const items = specs.slice(0, count).map((item) =>
      item.parts.map((part) => {
        const size = Math.max(part.role.min * box.unit, Math.round(part.role.size * box.unit * factor * 2) / 2);
        const maxLines = Math.max(part.minLines ?? 1, part.maxLines - lineCut);
        return setText(part.text, { role: part.role, unit: box.unit, width: part.width, maxLines }, size, setter, maxLines);
      }),
    );
    const heights = items.map((parts, index) => itemHeight(specs[index]!, parts, box.unit));
    const hidden = specs.length - count;
    const total = stackHeight(heights, columns, box.gap) + (hidden > 0 ? box.gap + box.moreHeight : 0);
    return { items, heights, hidden, total };
  };
  const result = (set: ReturnType<typeof setAll>, factor: number, overflow: boolean): ListFit => ({
    items: set.items,
    heights: set.heights,
    hidden: set.hidden,
    truncated: set.items.flat().filter((part) => part.truncated).length,
    factor,
    overflow,
  });

  const cuts = (set: ReturnType<typeof setAll>) => set.items.flat().some((part) => part.truncated);
  // A short list in a big box may grow first, in the same steps, up to `grow`.
  for (let factor = Math.round((box.grow ?? 1) * 10) / 10; factor > 1; factor = Math.round((factor - 0.1) * 10) / 10) {
    const set = setAll(limit, factor, 0);
    if (set.total <= box.height && !cuts(set)) return result(set, factor, false);
  }
  // Shrinking comes first: the largest size at which everything fits whole.
  for (const factor of FACTORS) {
    const set = setAll(limit, factor, 0);
    if (set.total <= box.height && !cuts(set)) return result(set, factor, false);
  }
  // Then truncation: texts longer than their line limits end in an ellipsis.
  for (const factor of FACTORS) {
    const set = setAll(limit, factor, 0);
    if (set.total <= box.height) return result(set, factor, false);
  }
  const smallest = FACTORS[FACTORS.length - 1]!;
  const deepestCut = Math.max(0, ...specs.flatMap((item) => item.parts.map((part) => part.maxLines - (part.minLines ?? 1))));
  for (let cut = 1; cut <= deepestCut; cut++) {
    const set = setAll(limit, smallest, cut);
    if (set.total <= box.height) return result(set, smallest, false);
  }
  for (let count = limit - 1; count >= 1; count--) {
    const set = setAll(count, smallest, deepestCut);
    if (set.total <= box.height) return result(set, smallest, false);
  }
  return result(setAll(Math.min(1, limit), smallest, deepestCut), smallest, true);
}
