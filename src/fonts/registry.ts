/**
 * The bundled typefaces, declared once for both renderers: the dossier turns them into
 * @font-face rules, the cards hand their bytes to Satori. Files live in fonts/ with their licences.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FONTS_DIR } from '../paths.js';

export type FontWeight = 400 | 500 | 600 | 700;
export type FontStyle = 'normal' | 'italic';

export interface BundledFont {
  family: string;
  file: string;
  weight: FontWeight;
  style: FontStyle;
}

export const FAMILIES = {
  /** Distressed typewriter: stamps and short labels (its rough outlines are heavy as paths). */
  typewriter: 'Special Elite',
  /** Clean typewriter for running text set as paths (card quotes): light outlines, fast to draw. */
  courier: 'Courier Prime',
  mono: 'IBM Plex Mono',
  sans: 'IBM Plex Sans',
  condensed: 'IBM Plex Sans Condensed',
} as const;

export const BUNDLED_FONTS: readonly BundledFont[] = [
  { family: FAMILIES.typewriter, file: 'SpecialElite-Regular.ttf', weight: 400, style: 'normal' },
  { family: FAMILIES.courier, file: 'CourierPrime-Regular.ttf', weight: 400, style: 'normal' },
  { family: FAMILIES.mono, file: 'IBMPlexMono-Regular.ttf', weight: 400, style: 'normal' },
  { family: FAMILIES.mono, file: 'IBMPlexMono-SemiBold.ttf', weight: 600, style: 'normal' },
  { family: FAMILIES.sans, file: 'IBMPlexSans-Regular.ttf', weight: 400, style: 'normal' },
  { family: FAMILIES.sans, file: 'IBMPlexSans-Italic.ttf', weight: 400, style: 'italic' },
  { family: FAMILIES.sans, file: 'IBMPlexSans-SemiBold.ttf', weight: 600, style: 'normal' },
  { family: FAMILIES.condensed, file: 'IBMPlexSansCondensed-Bold.ttf', weight: 700, style: 'normal' },
];

export function fontPath(font: BundledFont): string {
  return path.join(FONTS_DIR, font.file);
}

/** @font-face rules for every bundled font, with URLs made by the caller (the page's asset routes). */
export function fontFaceCss(urlFor: (file: string) => string): string {
  return BUNDLED_FONTS.map(
    (font) =>
      `@font-face { font-family: "${font.family}"; src: url("${urlFor(font.file)}") format("truetype"); ` +
      `font-weight: ${font.weight}; font-style: ${font.style}; font-display: block; }`,
  ).join('\n');
}

export interface LoadedFont extends BundledFont {
  data: Buffer;
}

let loaded: Promise<LoadedFont[]> | undefined;

/** The bytes of every bundled font, read once per process however many renders ask. */
export function loadBundledFonts(): Promise<LoadedFont[]> {
  loaded ??= Promise.all(BUNDLED_FONTS.map(async (font) => ({ ...font, data: await readFile(fontPath(font)) })));
  return loaded;
}
