/** [11] Related specimens: roles like this one, each with how closely it matches. */
import type { CardContext } from '../context.js';
import { px } from '../context.js';
import { box, column, row, type CardElement } from '../element.js';
import { frame } from '../frame.js';
import { fontStyle, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { fittedList, sectionHeading } from './shared.js';

export function relatedSpecimensCard(ctx: CardContext): CardElement {
  const { items } = ctx.record.sections['related-specimens'];
  return frame(ctx, {
    section: sectionHeading(ctx, 'related-specimens'),
    stamp: 'Cross-ref',
    body: (area) => {
      const matchWidth = px(ctx, 120);
      const gutter = px(ctx, 22);
      const width = area.width - matchWidth - gutter;
      const matchSize = px(ctx, 40);
      const barHeight = px(ctx, 6);
      return fittedList(
        ctx,
        area,
        items.map((item) => ({
          minHeight: matchSize + barHeight + px(ctx, 8),
          parts: [
            { text: item.title, role: ROLES.heading, width, maxLines: 2, minLines: 1 },
            { text: item.description, role: ROLES.body, width, maxLines: ctx.shape === 'wide' ? 3 : ctx.shape === 'tall' ? 7 : 4, minLines: 1 },
          ],
        })),
        (index, [title, description], height, itemWidth) => {
          const match = Math.round(Math.min(100, Math.max(0, items[index]!.match)));
          return row(
            { width: itemWidth, height, gap: gutter },
            column(
              { width: matchWidth, flexShrink: 0, gap: px(ctx, 8) },
              box({ color: COLOURS.red, ...fontStyle(ROLES.display, matchSize, matchSize) }, `${match}%`),
              row(
                { width: matchWidth, height: barHeight, backgroundColor: COLOURS.paperEdge },
                box({ width: Math.round((matchWidth * match) / 100), height: barHeight, backgroundColor: COLOURS.red }),
              ),
            ),
            column(
              { width, gap: px(ctx, 6) },
              lines(title!, ROLES.heading, { color: COLOURS.ink }),
              description!.lines.length > 0 ? lines(description!, ROLES.body, { color: COLOURS.muted }) : null,
            ),
          );
        },
        { gap: px(ctx, 18), maxItems: ctx.shape === 'tall' ? 7 : ctx.shape === 'square' ? 4 : 3 },
      );
    },
  });
}
