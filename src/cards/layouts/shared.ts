/** Pieces several layouts use: a fitted list with its "+N more" line, section headings, money. */
import { sectionInfo, type SectionId } from '../../record/sections.js';
import type { Area, CardContext } from '../context.js';
import { px } from '../context.js';
import { column, row, tagged, type CardElement } from '../element.js';
import { fitList, type FittedText, type ItemSpec } from '../fit.js';
import { fontStyle } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';

export function sectionHeading(ctx: CardContext, id: SectionId): { number: string; heading: string } {
  const info = sectionInfo(id);
  return { number: info.number, heading: ctx.record.sections[id].heading ?? info.defaultHeading };
}

/** "+12 more in the full file": says that something is missing, and where to find it. */
export function moreLine(ctx: CardContext, hidden: number, height: number): CardElement {
  return row(
    { height, alignItems: 'center', color: COLOURS.red, flexShrink: 0, ...fontStyle(ROLES.mark, px(ctx, ROLES.mark.size), height) },
    `+${hidden} MORE IN THE FULL FILE`,
  );
}

export interface ListLayout {
  columns?: number;
  gap?: number;
  maxItems?: number;
  /** How far a short list may grow its type to fill the card (see ListBox.grow). */
  grow?: number;
}

/** Column width for `columns` columns across `area` with `gap` between them. */
export function columnWidth(area: Area, columns: number, gap: number): number {
  return Math.floor((area.width - gap * (columns - 1)) / columns);
}

/**
 * Fits `specs` into `area` (fit.ts decides sizes, cuts and what moves to "+N more"), records
 * what was given up, and draws each visible item with `draw`.
 */
export function fittedList(
  ctx: CardContext,
  area: Area,
  specs: ItemSpec[],
  draw: (index: number, parts: FittedText[], height: number, width: number) => CardElement,
  layout: ListLayout = {},
): CardElement {
  const columns = layout.columns ?? 1;
  const gap = layout.gap ?? px(ctx, 18);
  const moreHeight = Math.round(ROLES.mark.size * ctx.unit * 1.4);
  // Square and story cards have height to spare: short lists grow a little rather than float in space.
  const grow = layout.grow ?? (ctx.shape === 'wide' ? 1 : 1.3);
  const fit = fitList(specs, { unit: ctx.unit, height: area.height, gap, columns, moreHeight, grow, ...(layout.maxItems ? { maxItems: layout.maxItems } : {}) }, ctx.setter);
  ctx.report.truncated += fit.truncated;
  ctx.report.moved += fit.hidden;
  if (fit.overflow) ctx.report.unfit.push(`the first item does not fit even at the smallest type`);
  const width = columnWidth(area, columns, gap);
  const rows: CardElement[] = [];
  for (let start = 0; start < fit.items.length; start += columns) {
    const height = Math.max(...fit.heights.slice(start, start + columns));
    rows.push(
      row(
        { gap, height, flexShrink: 0 },
        ...fit.items.slice(start, start + columns).map((parts, offset) => tagged(draw(start + offset, parts, height, width), 'item')),
      ),
    );
  }
  return column({ gap, width: area.width }, ...rows, fit.hidden > 0 ? moreLine(ctx, fit.hidden, moreHeight) : null);
}
