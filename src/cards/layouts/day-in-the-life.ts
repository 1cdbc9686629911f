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
      // Wide: the time in a column of its own. Otherwise the time sits above the title, and the text gets the width.
      const stacked = ctx.shape !== 'wide';
      const timeWidth = stacked ? 0 : px(ctx, 150);
      const inset = px(ctx, 20);
      const width = area.width - timeWidth - inset - 2;
      const timeHeight = Math.round(ROLES.mark.size * ctx.unit * 1.4);
      // The column's own gap separates the time from the title.
      const timeGap = px(ctx, 6);
      const timeOf = (index: number) => `${entries[index]!.start}–${entries[index]!.end}`;
      const timeStyle = { color: COLOURS.red, flexShrink: 0, ...fontStyle(ROLES.mark, px(ctx, ROLES.mark.size), timeHeight) };
      return fittedList(
        ctx,
        area,
        entries.map((entry) => ({
          ...(stacked ? { chrome: timeHeight + timeGap } : { minHeight: timeHeight }),
          parts: [
            { text: entry.title, role: ROLES.itemTitle, width, maxLines: 2, minLines: 1 },
            { text: entry.description, role: ROLES.body, width, maxLines: ctx.shape === 'wide' ? 3 : ctx.shape === 'tall' ? 8 : 5, minLines: 1 },
          ],
        })),
        (index, [title, description], height, itemWidth) =>
          row(
            { width: itemWidth, height },
            stacked ? null : column({ width: timeWidth, ...timeStyle }, timeOf(index)),
            column(
              { width: width + inset + 2, height, borderLeft: `2px solid ${COLOURS.ink}`, paddingLeft: inset, gap: px(ctx, 6) },
              stacked ? column({ height: timeHeight, ...timeStyle }, timeOf(index)) : null,
              lines(title!, ROLES.itemTitle, { color: COLOURS.ink }),
              description!.lines.length > 0 ? lines(description!, ROLES.body, { color: COLOURS.muted }) : null,
            ),
          ),
        { gap: px(ctx, stacked ? 24 : 14), maxItems: ctx.shape === 'tall' ? 8 : ctx.shape === 'square' ? 5 : 4 },
      );
    },
  });
}
