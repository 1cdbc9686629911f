/** [03] The salary delusion: the figure, the top earners, the fine print and the package's own words. */
import type { CardContext } from '../context.js';
import { px } from '../context.js';
import { column, row, type CardElement } from '../element.js';
import { fitText } from '../fit.js';
import { frame } from '../frame.js';
import { label, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { formatMoney } from '../../record/money.js';
import { sectionHeading } from './shared.js';

export function salaryCard(ctx: CardContext): CardElement {
  const salary = ctx.record.sections.salary;
  return frame(ctx, {
    section: sectionHeading(ctx, 'salary'),
    stamp: 'Inflated',
    body: (area) => {
      const wide = ctx.shape === 'wide';
      const gap = px(ctx, wide ? 40 : 28);
      const figureWidth = wide ? Math.floor(area.width * 0.42) : area.width;
      const quoteWidth = wide ? area.width - figureWidth - gap : area.width;
      const figure = fitText(formatMoney(salary.marketAverage, salary.currency), { role: ROLES.display, unit: ctx.unit, width: figureWidth, maxLines: 1 }, ctx.setter);
      ctx.report.truncated += Number(figure.truncated);
      const top = `Top earners: ${salary.topEarnersQualifier ? `${salary.topEarnersQualifier} ` : ''}${formatMoney(salary.topEarners, salary.currency)}`;
      const markHeight = Math.round(ROLES.mark.size * ctx.unit * ROLES.mark.lineHeight);
      const figureBlockHeight = markHeight + px(ctx, 8) + figure.height + px(ctx, 10) + markHeight;
      const noteRoom = wide ? area.height - figureBlockHeight - px(ctx, 18) : Math.floor((area.height - figureBlockHeight - gap) * 0.35);
      const note = fitText(salary.note, { role: ROLES.aside, unit: ctx.unit, width: figureWidth, maxLines: 6, maxHeight: Math.max(0, noteRoom) }, ctx.setter);
      const quoteRoom = wide ? area.height : area.height - figureBlockHeight - px(ctx, 18) - note.height - gap;
      const quoteInset = px(ctx, 22);
      const quote = fitText(`“${salary.quote}”`, { role: ROLES.quote, unit: ctx.unit, width: quoteWidth - quoteInset - 3, maxLines: 10, maxHeight: Math.max(0, quoteRoom) }, ctx.setter);
      ctx.report.truncated += Number(note.truncated) + Number(quote.truncated);

      const figures = column(
        { width: figureWidth, flexShrink: 0 },
        label(ctx, `Market average · ${salary.currency} / year`, ROLES.mark, figureWidth, { color: COLOURS.muted }),
        lines(figure, ROLES.display, { color: COLOURS.ink, marginTop: px(ctx, 8) }),
        label(ctx, top, ROLES.mark, figureWidth, { color: COLOURS.red, marginTop: px(ctx, 10) }),
        note.lines.length > 0 ? lines(note, ROLES.aside, { color: COLOURS.muted, marginTop: px(ctx, 18) }) : null,
      );
      const words = row(
        { width: quoteWidth, flexShrink: 0, borderLeft: `3px solid ${COLOURS.red}`, paddingLeft: quoteInset, alignSelf: 'flex-start' },
        lines(quote, ROLES.quote, { color: COLOURS.ink }),
      );
      return wide ? row({ gap, width: area.width, height: area.height }, figures, words) : column({ gap, width: area.width }, figures, words);
    },
  });
}
