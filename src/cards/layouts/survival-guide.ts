/** [07] Encounter instructions: the situation in red capitals, the advice typed beneath it. */
import type { CardContext } from '../context.js';
import { px } from '../context.js';
import { column, row, type CardElement } from '../element.js';
import { frame } from '../frame.js';
import { lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { columnWidth, fittedList, sectionHeading } from './shared.js';

export function survivalGuideCard(ctx: CardContext): CardElement {
  const { items } = ctx.record.sections['survival-guide'];
  return frame(ctx, {
    section: sectionHeading(ctx, 'survival-guide'),
    stamp: 'Caution',
    body: (area) => {
      const columns = ctx.shape === 'wide' && items.length > 1 ? 2 : 1;
      const gap = px(ctx, 24);
      const inset = px(ctx, 20);
      const width = columnWidth(area, columns, gap) - inset - 4;
      return fittedList(
        ctx,
        area,
        items.map((item) => ({
          parts: [
            // Bracketed as the source prints it: [IF ENGAGED:].
            { text: `[${item.situation}:]`, role: ROLES.heading, width, maxLines: 2, minLines: 1 },
            { text: item.advice, role: ROLES.quote, width, maxLines: 8, minLines: 2 },
          ],
        })),
        (_index, [situation, advice], height, itemWidth) =>
          row(
            { width: itemWidth, height, borderLeft: `4px solid ${COLOURS.red}`, paddingLeft: inset },
            column({ gap: px(ctx, 6) }, lines(situation!, ROLES.heading, { color: COLOURS.red }), lines(advice!, ROLES.quote, { color: COLOURS.ink })),
          ),
        { columns, gap, maxItems: ctx.shape === 'wide' ? 4 : 5, grow: 1.6 },
      );
    },
  });
}
