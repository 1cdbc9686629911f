/**
 * Wall-poster sheets. The poster is designed on A2 and every bigger sheet scales it up whole,
 * so type keeps its proportion to the sheet and reads from across an office.
 */
import type { PaperSize } from '../dossier/paper.js';

const INCH = 25.4;
const sheet = (width: number, height: number): PaperSize => {
  const scale = Number((width / 420).toFixed(4));
  const margin = Math.round(16 * scale);
  return { width, height, margin: { top: margin, side: margin, bottom: margin }, scale };
};

export const POSTER_SIZES = {
  a2: sheet(420, 594),
  a1: sheet(594, 841),
  a0: sheet(841, 1189),
  '24x36in': sheet(24 * INCH, 36 * INCH),
} as const satisfies Record<string, PaperSize>;

export type PosterSizeName = keyof typeof POSTER_SIZES;
export const POSTER_SIZE_NAMES = Object.keys(POSTER_SIZES) as PosterSizeName[];
