/** Paper sizes the dossier prints on, with margins that suit each. */
export const PAPER_SIZES = {
  a4: { width: '210mm', height: '297mm', margin: '16mm' },
  letter: { width: '8.5in', height: '11in', margin: '0.6in' },
  a3: { width: '297mm', height: '420mm', margin: '20mm' },
} as const;

export type PaperName = keyof typeof PAPER_SIZES;
export const PAPER_NAMES = Object.keys(PAPER_SIZES) as PaperName[];

export interface PageGeometry {
  paper: PaperName;
  landscape: boolean;
  width: string;
  height: string;
  margin: string;
}

export function pageGeometry(paper: PaperName, landscape = false): PageGeometry {
  const size = PAPER_SIZES[paper];
  return landscape
    ? { paper, landscape, width: size.height, height: size.width, margin: size.margin }
    : { paper, landscape, width: size.width, height: size.height, margin: size.margin };
}
