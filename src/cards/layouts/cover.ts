/**
 * The cover: the card shared most, so it carries the whole file in one look: the role in big
 * condensed capitals, the question the file answers, its aliases, a CLASSIFIED stamp and three
 * figures from inside (flight risk, market salary, sections).
 */
import { SECTIONS } from '../../record/sections.js';
import type { CardContext } from '../context.js';
import { px } from '../context.js';
import { column, row, type CardElement } from '../element.js';
import { fitText } from '../fit.js';
import { frame, stamp } from '../frame.js';
import { label, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { formatMoney } from './shared.js';

export function coverCard(ctx: CardContext): CardElement {
  const { record } = ctx;
  return frame(ctx, {
    stamp: 'Classified',
    body: (area) => {
      const wide = ctx.shape === 'wide';
      const gap = px(ctx, 36);
      const sideWidth = wide ? px(ctx, 300) : area.width;
      const mainWidth = wide ? area.width - sideWidth - gap : area.width;
      const markHeight = Math.round(ROLES.mark.size * ctx.unit * ROLES.mark.lineHeight);
      const markGap = px(ctx, 14);

      const facts: [string, string][] = [
        ['Flight risk', `${Math.round(record.sections['flight-risk'].percent)}% · ${record.sections['flight-risk'].level}`],
        ['Market average', formatMoney(record.sections.salary.marketAverage, record.sections.salary.currency)],
        ['Sections', `${SECTIONS.length} exhibits on file`],
      ];
      const factHeight = markHeight * 2 + px(ctx, 14);
      const stampSize = px(ctx, wide ? 40 : 48);
      const sideHeight = stampSize * 2.4 + facts.length * factHeight;
      const mainRoom = wide ? area.height : area.height - sideHeight - gap;

      const question = fitText(record.question, { role: ROLES.typed, unit: ctx.unit, width: mainWidth, maxLines: 2 }, ctx.setter);
      const aliases = record.aliases.length > 0
        ? fitText(`AKA ${record.aliases.join(' · ')}`, { role: ROLES.monoSmall, unit: ctx.unit, width: mainWidth, maxLines: 2 }, ctx.setter)
        : undefined;
      const fixed = markHeight + markGap + question.height + px(ctx, 18) + (aliases ? aliases.height + px(ctx, 18) : 0);
      const title = fitText(record.title, { role: ROLES.coverTitle, unit: ctx.unit, width: mainWidth, maxLines: wide ? 3 : 4, maxHeight: Math.max(0, mainRoom - fixed) }, ctx.setter);
      ctx.report.truncated += Number(question.truncated) + Number(title.truncated) + Number(aliases?.truncated ?? false);

      const main = column(
        { width: mainWidth, flexShrink: 0, justifyContent: wide ? 'center' : 'flex-start' },
        label(ctx, `[00] Case file · Personnel dossier`, ROLES.mark, mainWidth, { color: COLOURS.red }),
        lines(title, ROLES.coverTitle, { color: COLOURS.ink, marginTop: markGap }),
        lines(question, ROLES.typed, { color: COLOURS.muted, marginTop: px(ctx, 18) }),
        aliases && aliases.lines.length > 0 ? lines(aliases, ROLES.monoSmall, { color: COLOURS.ink, marginTop: px(ctx, 18) }) : null,
      );
      const side = column(
        { width: sideWidth, flexShrink: 0, gap: px(ctx, 14), alignItems: wide ? 'flex-end' : 'flex-start' },
        row({ height: stampSize * 2.4, alignItems: 'center', paddingRight: wide ? px(ctx, 8) : 0, paddingLeft: wide ? 0 : px(ctx, 8) }, stamp(ctx, 'Classified', stampSize)),
        ...facts.map(([name, value]) =>
          column(
            { width: sideWidth, alignItems: wide ? 'flex-end' : 'flex-start', borderTop: `1px solid ${COLOURS.rule}`, paddingTop: px(ctx, 6), height: factHeight - px(ctx, 14) },
            label(ctx, name, ROLES.markLight, sideWidth, { color: COLOURS.muted }),
            label(ctx, value, ROLES.mark, sideWidth, { color: COLOURS.ink }),
          ),
        ),
      );
      return wide
        ? row({ gap, width: area.width, height: area.height, alignItems: 'center' }, main, side)
        : column({ gap, width: area.width, height: area.height, justifyContent: 'space-between' }, main, side);
    },
  });
}
