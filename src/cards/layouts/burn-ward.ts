/** [10] The burn ward: complaints quoted verbatim, each tagged with where it was said. */
import type { CardContext } from '../context.js';
import { px } from '../context.js';
import { box, column, row, type CardElement } from '../element.js';
import { fitText } from '../fit.js';
import { frame } from '../frame.js';
import { fontStyle, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { columnWidth, fittedList, sectionHeading } from './shared.js';

export function burnWardCard(ctx: CardContext): CardElement {
  const ward = ctx.record.sections['burn-ward'];
  return frame(ctx, {
    section: sectionHeading(ctx, 'burn-ward'),
    stamp: 'Unfiltered',
    body: (area) => {
      const summary = fitText(ward.summary, { role: ROLES.aside, unit: ctx.unit, width: area.width, maxLines: 2 }, ctx.setter);
      ctx.report.truncated += Number(summary.truncated);
      const summaryGap = px(ctx, 16);
      const listArea = { width: area.width, height: area.height - summary.height - summaryGap };
      const wide = ctx.shape === 'wide';
      const columns = wide ? Math.min(3, Math.max(1, ward.quotes.length)) : 1;
      const gap = px(ctx, 26);
      const inset = px(ctx, 16);
      const width = columnWidth(listArea, columns, gap) - inset - 3;
      const tagHeight = Math.round(ROLES.monoSmall.size * ctx.unit * 1.5);
      const quotes = fittedList(
        ctx,
        listArea,
        ward.quotes.map((quote) => ({
          chrome: tagHeight + px(ctx, 10),
          parts: [{ text: `“${quote.text}”`, role: ROLES.typed, width, maxLines: wide ? 9 : 6, minLines: 2 }],
        })),
        (index, [text], height, itemWidth) =>
          column(
            { width: itemWidth, height, borderLeft: `3px solid ${COLOURS.red}`, paddingLeft: inset, gap: px(ctx, 10) },
            lines(text!, ROLES.typed, { color: COLOURS.ink }),
            row(
              { height: tagHeight, flexShrink: 0 },
              box(
                { backgroundColor: COLOURS.ink, color: COLOURS.paper, padding: `0 ${px(ctx, 8)}px`, ...fontStyle(ROLES.monoSmall, px(ctx, ROLES.monoSmall.size), tagHeight) },
                `— ${ward.quotes[index]!.source}`,
              ),
            ),
          ),
        { columns, gap, maxItems: wide ? 3 : 4 },
      );
      return column({ gap: summaryGap, width: area.width }, lines(summary, ROLES.aside, { color: COLOURS.muted }), quotes);
    },
  });
}
