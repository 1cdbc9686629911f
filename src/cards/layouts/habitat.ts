/** [02] Where the role is found in the wild: a numbered range list. */
import type { CardContext } from '../context.js';
import { px } from '../context.js';
import { column, row, type CardElement } from '../element.js';
import { frame } from '../frame.js';
import { fontStyle, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { columnWidth, fittedList, sectionHeading } from './shared.js';

export function habitatCard(ctx: CardContext): CardElement {
  const { places } = ctx.record.sections.habitat;
  return frame(ctx, {
    section: sectionHeading(ctx, 'habitat'),
    stamp: 'Sighted',
    body: (area) => {
      const columns = ctx.shape === 'wide' && places.length > 3 ? 2 : 1;
      const gap = px(ctx, 20);
      const numberWidth = px(ctx, 64);
      const inset = px(ctx, 16);
      const width = columnWidth(area, columns, gap) - numberWidth - inset - 2;
      const numberSize = px(ctx, 34);
      return fittedList(
        ctx,
        area,
        places.map((place) => ({ minHeight: numberSize, parts: [{ text: place, role: ROLES.typed, width, maxLines: 3, minLines: 1 }] })),
        (index, [text], height, itemWidth) =>
          row(
            { width: itemWidth, height, alignItems: 'flex-start' },
            column(
              { width: numberWidth, flexShrink: 0, color: COLOURS.red, ...fontStyle(ROLES.display, numberSize, numberSize) },
              String(index + 1).padStart(2, '0'),
            ),
            column({ width: width + inset + 2, height, borderLeft: `2px solid ${COLOURS.rule}`, paddingLeft: inset }, lines(text!, ROLES.typed, { color: COLOURS.ink })),
          ),
        { columns, gap, maxItems: ctx.shape === 'tall' ? 10 : 6 },
      );
    },
  });
}
