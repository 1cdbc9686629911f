/** [09] The working day as a log: a red time stamp, the slot's name, what actually happens. */
import type { CardContext } from '../context.js';
import { px } from '../context.js';
import { column, row, type CardElement } from '../element.js';
import { frame } from '../frame.js';
import { fontStyle, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { fittedList, sectionHeading } from './shared.js';

export function dayInTheLifeCard(ctx: CardContext): CardElement {
  const { entries } = ctx.record.sections['day-in-the-life'];
  return frame(ctx, {
    section: sectionHeading(ctx, 'day-in-the-life'),
    stamp: 'Logged',
    body: (area) => {
      const timeWidth = px(ctx, 150);
      const inset = px(ctx, 20);
      const width = area.width - timeWidth - inset - 2;
      const timeHeight = Math.round(ROLES.mark.size * ctx.unit * 1.4);
      return fittedList(
        ctx,
        area,
        entries.map((entry) => ({
          minHeight: timeHeight,
          parts: [
            { text: entry.title, role: ROLES.itemTitle, width, maxLines: 2, minLines: 1 },
            { text: entry.description, role: ROLES.body, width, maxLines: ctx.shape === 'wide' ? 3 : 5, minLines: 1 },
          ],
        })),
        (index, [title, description], height, itemWidth) =>
          row(
            { width: itemWidth, height },
            column(
              { width: timeWidth, flexShrink: 0, color: COLOURS.red, ...fontStyle(ROLES.mark, px(ctx, ROLES.mark.size), timeHeight) },
              `${entries[index]!.start}–${entries[index]!.end}`,
            ),
            column(
              { width: width + inset + 2, height, borderLeft: `2px solid ${COLOURS.ink}`, paddingLeft: inset, gap: px(ctx, 6) },
              lines(title!, ROLES.itemTitle, { color: COLOURS.ink }),
              description!.lines.length > 0 ? lines(description!, ROLES.body, { color: COLOURS.muted }) : null,
            ),
          ),
        { gap: px(ctx, 14), maxItems: ctx.shape === 'tall' ? 8 : ctx.shape === 'square' ? 5 : 4 },
      );
    },
  });
}
