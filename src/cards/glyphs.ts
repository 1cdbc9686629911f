/**
 * Glyph coverage: which characters of a card the bundled fonts cannot draw, which fallback font
 * draws them instead, and which emoji image stands in for an emoji. Anything left over is
 * reported by name (U+XXXX) so it never turns silently into an empty box.
 *
 * Fallbacks are found in this order, and loaded only when a card's text needs them, so a
 * Latin-only batch never reads one:
 *   1. fonts shipped in npm packages (Noto Naskh Arabic from @embedpdf/fonts-arabic),
 *   2. the system's fonts, asked through fontconfig (`fc-list :charset=…`), e.g. Droid Sans
 *      Fallback from Debian's fonts-droid-fallback for Chinese, Japanese and Korean.
 * Emoji come from @twemoji/svg through Satori's `loadAdditionalAsset`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isEmojiGrapheme, isInvisible, parseFont, segmentGraphemes, type BookFont, type FontBook } from './fonts.js';

const require = createRequire(import.meta.url);

interface PackageFallback {
  family: string;
  /** Only characters of this script are looked for here, so the font is parsed only when useful. */
  script: RegExp;
  files: { file: () => string; weight: number }[];
}

function packageFile(pkg: string, relative: string): () => string {
  // The package's exports map hides its font files; find its folder from its entry point instead.
  return () => path.join(path.dirname(require.resolve(pkg)), '..', relative);
}

const PACKAGE_FALLBACKS: PackageFallback[] = [
  {
    family: 'Noto Naskh Arabic',
    script: /\p{Script=Arabic}/u,
    files: [
      { file: packageFile('@embedpdf/fonts-arabic', 'fonts/NotoNaskhArabic-Regular.ttf'), weight: 400 },
      { file: packageFile('@embedpdf/fonts-arabic', 'fonts/NotoNaskhArabic-Bold.ttf'), weight: 700 },
    ],
  },
];

/** Formats Satori can read: TrueType, OpenType and WOFF; not WOFF2 or collections (.ttc). */
const READABLE_FONT = /\.(ttf|otf|woff)$/i;

export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The twemoji file name: code points in hex joined by "-", without VS16 unless the emoji is a ZWJ sequence. */
export function twemojiCode(grapheme: string): string {
  const text = grapheme.includes('\u200d') ? grapheme : grapheme.replace(/\uFE0F/g, '');
  return Array.from(text, (char) => char.codePointAt(0)!.toString(16)).join('-');
}

let twemojiDir: string | undefined;
function emojiFile(grapheme: string): string | undefined {
  twemojiDir ??= path.dirname(require.resolve('@twemoji/svg/package.json'));
  const file = path.join(twemojiDir, `${twemojiCode(grapheme)}.svg`);
  return existsSync(file) ? file : undefined;
}

const emojiCache = new Map<string, string | null>();
const emojiBytes = new Map<string, Uint8Array | null>();

/** The emoji's SVG bytes (for the takumi engine, which takes images by key), or undefined. Cached per process. */
export function emojiSvg(grapheme: string): Uint8Array | undefined {
  let bytes = emojiBytes.get(grapheme);
  if (bytes === undefined) {
    const file = emojiFile(grapheme);
    bytes = file ? new Uint8Array(readFileSync(file)) : null;
    emojiBytes.set(grapheme, bytes);
  }
  return bytes ?? undefined;
}

/** A data: URI of the emoji's SVG, or undefined when the set has no such emoji. Cached per process. */
export function emojiDataUri(grapheme: string): string | undefined {
  let uri = emojiCache.get(grapheme);
  if (uri === undefined) {
    const file = emojiFile(grapheme);
    uri = file ? `data:image/svg+xml;base64,${readFileSync(file).toString('base64')}` : null;
    emojiCache.set(grapheme, uri);
  }
  return uri ?? undefined;
}

/** Files fontconfig says cover `char`, best first (regular styles, then by path, for a stable choice). */
function systemFontFiles(char: string): { file: string; family: string }[] {
  let out: string;
  try {
    out = execFileSync('fc-list', [`:charset=${char.codePointAt(0)!.toString(16)}`, 'file', 'family', 'style'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    });
  } catch {
    return []; // No fontconfig on this machine: only packaged fallbacks apply.
  }
  const rank = (style: string) => (/\b(regular|book|normal)\b/i.test(style) ? 0 : /bold|italic|oblique|light|thin|black/i.test(style) ? 2 : 1);
  return out
    .split('\n')
    .map((line) => /^(.*?): ([^:]*)(?::style=(.*))?$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null && READABLE_FONT.test(match[1]!))
    .map((match) => ({ file: match[1]!, family: match[2]!.split(',')[0]!.trim(), style: match[3] ?? '' }))
    .sort((a, b) => rank(a.style) - rank(b.style) || a.file.localeCompare(b.file))
    .map(({ file, family }) => ({ file, family }));
}

export interface FallbackFinder {
  /** The fallback font for `char`, loading it if needed; undefined when nothing covers it. */
  find(char: string): BookFont | undefined;
}

/** One per process (one per worker): remembers every answer, so each font is read and parsed at most once. */
export function createFallbackFinder(book: FontBook, options: { systemFonts?: boolean } = {}): FallbackFinder {
  const answers = new Map<string, BookFont | null>();
  const loadedFiles = new Map<string, BookFont | null>();
  const useSystem = options.systemFonts ?? true;

  const load = (file: string, family: string, weight: number, source: string): BookFont | null => {
    let font = loadedFiles.get(file);
    if (font === undefined) {
      try {
        const data = readFileSync(file);
        font = { family, weight, style: 'normal', data, parsed: parseFont(data), source };
        book.addFallback(font);
      } catch {
        font = null; // Unreadable or unparseable: try the next candidate.
      }
      loadedFiles.set(file, font);
    }
    return font;
  };

  const search = (char: string): BookFont | null => {
    const loaded = book.fallbackFonts.find((font) => font.parsed.charToGlyphIndex(char) > 0);
    if (loaded) return loaded;
    for (const fallback of PACKAGE_FALLBACKS) {
      if (!fallback.script.test(char)) continue;
      let regular: BookFont | null = null;
      for (const face of fallback.files) {
        const font = load(face.file(), fallback.family, face.weight, 'package');
        if (face.weight === 400) regular = font;
      }
      if (regular && regular.parsed.charToGlyphIndex(char) > 0) return regular;
    }
    if (!useSystem) return null;
    for (const candidate of systemFontFiles(char)) {
      // Distinct names, so a system "DejaVu Sans" never shadows anything Satori already knows.
      const font = load(candidate.file, `${candidate.family} (fallback)`, 400, candidate.file);
      if (font && font.parsed.charToGlyphIndex(char) > 0) return font;
    }
    return null;
  };

  return {
    find(char) {
      let answer = answers.get(char);
      if (answer === undefined) {
        answer = search(char);
        answers.set(char, answer);
      }
      return answer ?? undefined;
    },
  };
}

export interface GlyphCoverage {
  /** Fallback families the card's text needs, in the book's order. */
  fallbackFamilies: string[];
  /** Characters (or emoji) nothing can draw, each as `U+XXXX "x"`. */
  missing: string[];
}

/** Checks every character of a card's text against the bundled fonts, then fallbacks, then the emoji set. */
export function checkCoverage(texts: readonly string[], book: FontBook, finder: FallbackFinder): GlyphCoverage {
  const families = new Set<string>();
  const missing = new Set<string>();
  for (const text of texts) {
    // Plain ASCII is always covered by the bundled fonts: skip segmenting it.
    if (/^[\x20-\x7e]*$/.test(text)) continue;
    for (const grapheme of segmentGraphemes(text)) {
      if (isEmojiGrapheme(grapheme)) {
        if (!emojiDataUri(grapheme)) missing.add(`${Array.from(grapheme).map(codePointLabel).join(' ')} "${grapheme}"`);
        continue;
      }
      for (const char of grapheme) {
        if (isInvisible(char) || book.bundledCovers(char)) continue;
        const font = finder.find(char);
        if (font) families.add(font.family);
        else missing.add(`${codePointLabel(char)} "${char}"`);
      }
    }
  }
  const order = book.fallbackFonts.map((font) => font.family);
  return {
    fallbackFamilies: [...families].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    missing: [...missing],
  };
}
