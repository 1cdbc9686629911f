/**
 * Paper sizes the dossier prints on, with margins and a type scale that suit each, and the
 * page geometry a render uses: trim size, bleed and crop-mark room. All lengths in millimetres.
 */
export interface PaperSize {
  /** Portrait width and height of the trimmed sheet. */
  width: number;
  height: number;
  /** Top margin holds the running header, bottom the footer; sides frame the text. */
  margin: { top: number; side: number; bottom: number };
  /** Bigger sheets are read from further away: type and figures grow with the sheet. */
  scale: number;
}

const INCH = 25.4;

export const PAPER_SIZES = {
  a4: { width: 210, height: 297, margin: { top: 22, side: 18, bottom: 20 }, scale: 1 },
  letter: { width: 8.5 * INCH, height: 11 * INCH, margin: { top: 22, side: 18, bottom: 20 }, scale: 1 },
  a3: { width: 297, height: 420, margin: { top: 30, side: 25, bottom: 28 }, scale: 1.4 },
  a2: { width: 420, height: 594, margin: { top: 42, side: 35, bottom: 40 }, scale: 2 },
} as const satisfies Record<string, PaperSize>;

export type PaperName = keyof typeof PAPER_SIZES;
export const PAPER_NAMES = Object.keys(PAPER_SIZES) as PaperName[];

/** A print shop's marks on the sheet. */
export interface PrintMarks {
  /** Background extends this far past the trim on every side, for the guillotine's tolerance. */
  bleedMm: number;
  /** Draw trim marks outside the bleed (the PDF grows to make room for them). */
  cropMarks: boolean;
}

export const NO_PRINT_MARKS: PrintMarks = { bleedMm: 0, cropMarks: false };

export interface PageGeometry {
  paper: string;
  landscape: boolean;
  /** The finished sheet. */
  trimWidthMm: number;
  trimHeightMm: number;
  bleedMm: number;
  cropMarks: boolean;
  /** What Chromium prints: trim plus bleed on every side. Crop-mark room is added afterwards. */
  widthMm: number;
  heightMm: number;
  /** Page margins as Chromium sees them, bleed included, so text stays put relative to the trim. */
  margin: { top: number; side: number; bottom: number };
  scale: number;
  /** CSS lengths of the printed page, for @page size. */
  width: string;
  height: string;
}

export function mm(value: number): string {
  return `${Number(value.toFixed(3))}mm`;
}

export function sheetGeometry(
  name: string,
  size: PaperSize,
  landscape: boolean,
  marks: PrintMarks = NO_PRINT_MARKS,
): PageGeometry {
  const [trimWidthMm, trimHeightMm] = landscape ? [size.height, size.width] : [size.width, size.height];
  const bleed = marks.bleedMm;
  const widthMm = trimWidthMm + 2 * bleed;
  const heightMm = trimHeightMm + 2 * bleed;
  return {
    paper: name,
    landscape,
    trimWidthMm,
    trimHeightMm,
    bleedMm: bleed,
    cropMarks: marks.cropMarks,
    widthMm,
    heightMm,
    margin: { top: size.margin.top + bleed, side: size.margin.side + bleed, bottom: size.margin.bottom + bleed },
    scale: size.scale,
    width: mm(widthMm),
    height: mm(heightMm),
  };
}

export function pageGeometry(paper: PaperName, landscape = false, marks: PrintMarks = NO_PRINT_MARKS): PageGeometry {
  return sheetGeometry(paper, PAPER_SIZES[paper], landscape, marks);
}
