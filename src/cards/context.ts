/** What every layout is handed: the record, the card's geometry, a type setter and a place for warnings. */
import type { CaseFile } from '../record/schema.js';
import type { TypeSetter } from './fit.js';
import type { CardId } from './plan.js';
import type { CardShape } from './sizes.js';
import type { CardTheme } from './theme.js';

export interface CardContext {
  record: CaseFile;
  card: CardId;
  /** Layout size in CSS px (before --scale). */
  width: number;
  height: number;
  shape: CardShape;
  /** Type and spacing multiplier: 1 on an og card, larger on bigger canvases. */
  unit: number;
  setter: TypeSetter;
  /** The site's theme (the built-in look when none): brand lines, logo, colours, families. */
  theme: CardTheme;
  /** What fitting had to give up; the renderer turns it into warnings naming the card. */
  report: FitReport;
}

export interface FitReport {
  /** Texts cut short with an ellipsis. */
  truncated: number;
  /** List items moved to a "+N more" line. */
  moved: number;
  /** Content that could not be made to fit at all, described. */
  unfit: string[];
}

export function emptyReport(): FitReport {
  return { truncated: 0, moved: 0, unfit: [] };
}

export interface Area {
  width: number;
  height: number;
}

/** Spacing scales with the card: an og card's 48 px margin is 62 px on a square, 80 px on a story. */
export function cardUnit(width: number, height: number): number {
  return Math.round(Math.sqrt((width * height) / (1200 * 630)) * 100) / 100;
}

export function px(ctx: Pick<CardContext, 'unit'>, value: number): number {
  return Math.round(value * ctx.unit);
}
