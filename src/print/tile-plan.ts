/**
 * Splitting a poster over home-printer pages: which part of the poster each page shows. Pages
 * keep a margin printers can reach, neighbours share an overlap band to glue over, and the page
 * orientation that needs fewer sheets wins. Pure arithmetic in millimetres.
 */
export interface TileSheet {
  width: number;
  height: number;
}

export const TILE_SHEETS = {
  a4: { width: 210, height: 297 },
  letter: { width: 8.5 * 25.4, height: 11 * 25.4 },
} as const satisfies Record<string, TileSheet>;

export type TileSheetName = keyof typeof TILE_SHEETS;
export const TILE_SHEET_NAMES = Object.keys(TILE_SHEETS) as TileSheetName[];

/** Most home printers cannot print the outer 4–6 mm; labels sit in this margin. */
export const TILE_MARGIN_MM = 12;
export const TILE_OVERLAP_MM = 10;

export interface Tile {
  row: number;
  column: number;
  /** "A1" for the top-left tile; rows are letters, columns numbers. */
  label: string;
  /** One-based assembly order: left to right, top to bottom. */
  number: number;
  /** The poster area this tile prints, from the poster's top-left corner. */
  x: number;
  y: number;
}

export interface TilePlan {
  sheet: TileSheet;
  landscape: boolean;
  rows: number;
  columns: number;
  /** The printable window on each tile (sheet minus margins). */
  window: { width: number; height: number };
  /** How far apart neighbouring windows start on the poster (window minus overlap). */
  step: { x: number; y: number };
  overlap: number;
  margin: number;
  tiles: Tile[];
}

const count = (length: number, window: number, overlap: number) => Math.max(1, Math.ceil((length - overlap) / (window - overlap)));

export function rowLabel(row: number): string {
  let label = '';
  let n = row + 1;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    label = String.fromCharCode(65 + remainder) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}

export function planTiles(
  poster: { width: number; height: number },
  paper: TileSheet,
  options: { margin?: number; overlap?: number } = {},
): TilePlan {
  const margin = options.margin ?? TILE_MARGIN_MM;
  const overlap = options.overlap ?? TILE_OVERLAP_MM;
  const plans = [false, true].map((landscape) => {
    const sheet = landscape ? { width: paper.height, height: paper.width } : { width: paper.width, height: paper.height };
    const window = { width: sheet.width - 2 * margin, height: sheet.height - 2 * margin };
    const columns = count(poster.width, window.width, overlap);
    const rows = count(poster.height, window.height, overlap);
    return { sheet, landscape, window, columns, rows };
  });
  const best = plans.reduce((a, b) => (b.rows * b.columns < a.rows * a.columns ? b : a));
  const step = { x: best.window.width - overlap, y: best.window.height - overlap };
  const tiles: Tile[] = [];
  for (let row = 0; row < best.rows; row += 1) {
    for (let column = 0; column < best.columns; column += 1) {
      tiles.push({ row, column, label: `${rowLabel(row)}${column + 1}`, number: tiles.length + 1, x: column * step.x, y: row * step.y });
    }
  }
  return { ...best, step, overlap, margin, tiles };
}

/**
 * Alignment marks, in poster coordinates: one at the middle of every overlap band, level with
 * the centre of the row (or column) it joins. Both neighbours print the same point, so their
 * marks sit exactly on top of each other when the sheets are lined up.
 */
export function alignmentMarks(plan: TilePlan, poster: { width: number; height: number }): { x: number; y: number }[] {
  const marks: { x: number; y: number }[] = [];
  const rowCentre = (row: number) => Math.min(row * plan.step.y + plan.window.height / 2, (row * plan.step.y + poster.height) / 2);
  const columnCentre = (column: number) => Math.min(column * plan.step.x + plan.window.width / 2, (column * plan.step.x + poster.width) / 2);
  for (let column = 1; column < plan.columns; column += 1) {
    for (let row = 0; row < plan.rows; row += 1) marks.push({ x: column * plan.step.x + plan.overlap / 2, y: rowCentre(row) });
  }
  for (let row = 1; row < plan.rows; row += 1) {
    for (let column = 0; column < plan.columns; column += 1) marks.push({ x: columnCentre(column), y: row * plan.step.y + plan.overlap / 2 });
  }
  return marks;
}
