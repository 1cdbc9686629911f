/**
 * The cards' font book: every bundled font parsed once per process (for measuring and for glyph
 * coverage) next to the raw bytes Satori takes, plus fallback fonts added lazily by glyphs.ts
 * when a card's text needs them. Satori caches its own parse per `fonts` array, so the book
 * hands out one stable array per combination of fallbacks.
 */
import { createRequire } from 'node:module';
import type opentype from 'opentype.js';
import type { Font as SatoriFont } from 'satori';
import { FAMILIES, loadBundledFonts, type FontStyle } from '../fonts/registry.js';
import type { FontSpec } from './theme.js';

/**
 * Loaded on the first font parsed, not with this module: the Takumi engine imports it for its
 * grapheme helpers, and the site build imports that engine even when it has no card to draw.
 */
let opentypeModule: typeof opentype | undefined;
const loadOpentype = (): typeof opentype => (opentypeModule ??= createRequire(import.meta.url)('opentype.js') as typeof opentype);

export interface BookFont {
  /** The name Satori knows it by (a bundled family, or a fallback's own family name). */
  family: string;
  weight: number;
  style: FontStyle;
  data: Buffer;
  parsed: opentype.Font;
  /** Where a fallback came from, for --verbose and the README: `bundled`, a package, or a file. */
  source: string;
}

/** Skip what no font draws and every font may lack: controls, joiners, variation selectors. */
export function isInvisible(char: string): boolean {
  return /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFE00-\uFE0F]$/u.test(char) || char === ' ' || char === '\u00a0';
}

export function parseFont(data: Buffer): opentype.Font {
  // opentype.js wants an ArrayBuffer holding exactly the font.
  return loadOpentype().parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

/** Satori's rule for a weight it lacks: the nearest one of the same style (CSS font matching, simplified). */
function pickFace(faces: BookFont[], weight: number, style: FontStyle): BookFont | undefined {
  const sameStyle = faces.filter((face) => face.style === style);
  const pool = sameStyle.length > 0 ? sameStyle : faces;
  return [...pool].sort((a, b) => Math.abs(a.weight - weight) - Math.abs(b.weight - weight) || b.weight - a.weight)[0];
}

/**
 * Strings measured, kept per font chain (whole strings) and per font (runs) before starting over:
 * a card asks a few thousand, and a worker or a build drawing 100,000 cards of different records
 * would otherwise keep every title and sentence it ever measured.
 */
const MAX_MEASURED_STRINGS = 20_000;

export class FontBook {
  readonly bundled: readonly BookFont[];
  private readonly fallbacks: BookFont[] = [];
  private readonly satoriArrays = new Map<string, SatoriFont[]>();
  /** Unit-size advance widths per font and string: fitting asks the same words at many sizes. */
  private readonly widths = new Map<BookFont, Map<string, number>>();
  /** Font chains per role and fallback set: building one filters and sorts the book. */
  private readonly chains = new Map<string, BookFont[]>();
  /**
   * Whole-string measurements at 1 px, per chain: fitting tries each text at up to a dozen
   * sizes and re-measures every line prefix while breaking, and a width scales linearly with
   * the size, so each string is segmented and run-split once, not once per candidate size.
   */
  private readonly measured = new Map<string, Map<string, { em: number; graphemes: number }>>();

  constructor(bundled: BookFont[]) {
    this.bundled = bundled;
  }

  get fallbackFonts(): readonly BookFont[] {
    return this.fallbacks;
  }

  addFallback(font: BookFont): void {
    if (!this.fallbacks.some((known) => known.family === font.family && known.weight === font.weight && known.style === font.style)) {
      this.fallbacks.push(font);
      // A new font can change which one draws a character: forget chains and whole-string widths.
      this.chains.clear();
      this.measured.clear();
    }
  }

  private chainKey(spec: FontSpec, fallbackFamilies: readonly string[]): string {
    return `${spec.family}|${spec.weight}|${spec.style}|${fallbackFamilies.join('\u0000')}`;
  }

  /** Families in the order Satori tries them: the asked-for one, then every other loaded font in array order. */
  private chain(spec: FontSpec, fallbackFamilies: readonly string[]): BookFont[] {
    const first = FAMILIES[spec.family];
    const all = [...this.bundled, ...this.fallbacks.filter((font) => fallbackFamilies.includes(font.family))];
    const families = [first, ...new Set(all.map((font) => font.family).filter((family) => family !== first))];
    return families
      .map((family) => pickFace(all.filter((font) => font.family === family), spec.weight, spec.style))
      .filter((font): font is BookFont => font !== undefined);
  }

  /** The font that draws `char` for `spec`, or undefined when none of the loaded ones can. */
  fontFor(char: string, spec: FontSpec, fallbackFamilies: readonly string[] = []): BookFont | undefined {
    return this.chain(spec, fallbackFamilies).find((font) => font.parsed.charToGlyphIndex(char) > 0);
  }

  /** True when some bundled font has a glyph for `char`. */
  bundledCovers(char: string): boolean {
    return this.bundled.some((font) => font.parsed.charToGlyphIndex(char) > 0);
  }

  private unitWidth(font: BookFont, text: string): number {
    let cache = this.widths.get(font);
    if (!cache) this.widths.set(font, (cache = new Map()));
    let width = cache.get(text);
    if (width === undefined) {
      try {
        width = font.parsed.getAdvanceWidth(text, 1, { kerning: true });
      } catch {
        // opentype.js cannot apply some lookups (e.g. Arabic ligature forms in Noto Naskh):
        // sum the glyphs' own advances instead, close to what a shaper gives for those scripts.
        width = 0;
        for (const char of text) width += (font.parsed.charToGlyph(char).advanceWidth ?? 0) / font.parsed.unitsPerEm;
      }
      if (cache.size >= MAX_MEASURED_STRINGS) cache.clear();
      cache.set(text, width);
    }
    return width;
  }

  /**
   * The advance width of `text` at `size` px, splitting it into runs by the font that draws
   * each character, as Satori does. Emoji (drawn as images) count one em; what no font has
   * counts as the last font's .notdef, which is close to what would be drawn.
   */
  measure(text: string, spec: FontSpec, size: number, letterSpacingEm = 0, fallbackFamilies: readonly string[] = []): number {
    const key = this.chainKey(spec, fallbackFamilies);
    let known = this.measured.get(key);
    if (!known) this.measured.set(key, (known = new Map()));
    let entry = known.get(text);
    if (!entry) {
      let chain = this.chains.get(key);
      if (!chain) this.chains.set(key, (chain = this.chain(spec, fallbackFamilies)));
      entry = this.measureAtUnit(text, chain);
      // Bounded, so a worker that draws thousands of different records keeps a flat heap.
      if (known.size >= MAX_MEASURED_STRINGS) known.clear();
      known.set(text, entry);
    }
    return entry.em * size + letterSpacingEm * size * entry.graphemes;
  }

  private measureAtUnit(text: string, chain: BookFont[]): { em: number; graphemes: number } {
    let total = 0;
    let run = '';
    let runFont: BookFont | undefined;
    const flush = () => {
      if (run && runFont) total += this.unitWidth(runFont, run);
      run = '';
    };
    // Most text is one grapheme per character: skip the segmenter there (c291daf, lost in a merge).
    const graphemes = ONE_GRAPHEME_EACH.test(text) ? text.split('') : segmentGraphemes(text);
    for (const grapheme of graphemes) {
      if (isEmojiGrapheme(grapheme)) {
        flush();
        total += 1;
        continue;
      }
      const char = String.fromCodePoint(grapheme.codePointAt(0)!);
      const font = chain.find((candidate) => candidate.parsed.charToGlyphIndex(char) > 0) ?? chain[0];
      if (font !== runFont) flush();
      runFont = font;
      run += grapheme;
    }
    flush();
    return { em: total, graphemes: graphemes.length };
  }

  /** One stable array per fallback combination, so Satori's per-array font cache keeps hitting. */
  satoriFonts(fallbackFamilies: readonly string[] = []): SatoriFont[] {
    const key = fallbackFamilies.join('\u0000');
    let fonts = this.satoriArrays.get(key);
    if (!fonts) {
      const used = [...this.bundled, ...this.fallbacks.filter((font) => fallbackFamilies.includes(font.family))];
      fonts = used.map((font) => ({
        name: font.family,
        data: font.data,
        weight: font.weight as SatoriFont['weight'],
        style: font.style,
      }));
      this.satoriArrays.set(key, fonts);
    }
    return fonts;
  }
}

/** Made on first use: creating it loads ICU's break rules, 20 ms of every build's start, and a build with nothing changed segments nothing. */
let graphemeSegmenter: Intl.Segmenter | undefined;
const segmenter = (): Intl.Segmenter => (graphemeSegmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));

/** Characters that are each a grapheme of their own when no combining mark or joiner follows: ASCII, Latin-1, Latin Extended-A/B, typographic punctuation. */
const ONE_GRAPHEME_EACH = /^[\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u20ac]*$/;

export function segmentGraphemes(text: string): string[] {
  return Array.from(segmenter().segment(text), (segment) => segment.segment);
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3|\uFE0F/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\u200D|\p{Regional_Indicator}/u;

/**
 * Drawn as an emoji image rather than a glyph: pictographs that default to emoji presentation,
 * anything with VS16, keycaps, flags, ZWJ sequences. Text-style symbols (©, ™, ↗) stay text
 * when a font has them.
 */
export function isEmojiGrapheme(grapheme: string): boolean {
  return EMOJI.test(grapheme) && EMOJI_PRESENTATION.test(grapheme);
}

let book: Promise<FontBook> | undefined;

/** The process's font book: the bundled fonts read (via the shared registry) and parsed once. */
export function loadFontBook(): Promise<FontBook> {
  book ??= loadBundledFonts().then(
    (fonts) =>
      new FontBook(
        fonts.map((font) => ({
          family: font.family,
          weight: font.weight,
          style: font.style,
          data: font.data,
          parsed: parseFont(font.data),
          source: 'bundled',
        })),
      ),
  );
  return book;
}
