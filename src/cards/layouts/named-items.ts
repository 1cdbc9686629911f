/**
 * Shared by metrics and weaponry: numbered exhibits, each a name and what it really means.
 * Wide cards set up to three side by side; square and tall cards stack them.
 */
import type { Area, CardContext } from '../context.js';
import { px } from '../context.js';
import { column, row, type CardElement } from '../element.js';
import type { ItemSpec } from '../fit.js';
import { fontStyle, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { columnWidth, fittedList } from './shared.js';

export interface NamedItem {
  name: string;
  description: string;
}

export function namedItemsBody(ctx: CardContext, area: Area, items: readonly NamedItem[], marker: (index: number) => string): CardElement {
  const wide = ctx.shape === 'wide';
  const columns = wide ? Math.min(3, Math.max(1, items.length)) : 1;
  const gap = px(ctx, wide ? 28 : 22);
  const width = columnWidth(area, columns, gap);
  const markerHeight = Math.round(ROLES.mark.size * ctx.unit * 1.3);
  const markerGap = px(ctx, 8);
  const specs: ItemSpec[] = items.map((item) => ({
    chrome: markerHeight + markerGap + px(ctx, 3) + px(ctx, 10),
    parts: [
      { text: item.name, role: ROLES.itemTitle, width, maxLines: 3, minLines: 2 },
      { text: item.description, role: ROLES.body, width, maxLines: wide ? 9 : 5, minLines: 2 },
    ],
  }));
  return fittedList(
    ctx,
    area,
    specs,
    (index, [name, description], height, itemWidth) =>
      column(
        { width: itemWidth, height, flexShrink: 0 },
        row(
          { height: markerHeight, alignItems: 'center', gap: px(ctx, 10), color: COLOURS.red, ...fontStyle(ROLES.mark, px(ctx, ROLES.mark.size), markerHeight) },
          marker(index).toUpperCase(),
        ),
        column({ height: px(ctx, 3), marginTop: markerGap, backgroundColor: COLOURS.ink, width: px(ctx, 48), flexShrink: 0 }),
        column(
          { gap: px(ctx, 6), paddingTop: px(ctx, 10), flexShrink: 0 },
          lines(name!, ROLES.itemTitle, { color: COLOURS.ink }),
          description!.lines.length > 0 ? lines(description!, ROLES.body, { color: COLOURS.muted }) : null,
        ),
      ),
    { columns, gap, maxItems: wide ? 3 : ctx.shape === 'tall' ? 6 : 4 },
  );
}
