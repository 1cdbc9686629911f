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
import { fitStampSize, frame, stamp } from '../frame.js';
import { label, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { formatMoney } from '../../record/money.js';

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
      const factGap = px(ctx, 10);
      const factPad = px(ctx, 6);
      const factHeight = markHeight * 2 + factPad + 1;
      const factsHeight = facts.length * factHeight + (facts.length - 1) * factGap;
      // Wide: stamp above the facts on the right. Square: stamp and facts side by side at the foot.
      // Tall: the title at the top, the stamp across the middle, the facts at the foot.
      const tall = ctx.shape === 'tall';
      const factsWidth = wide ? sideWidth : tall ? area.width : Math.floor((area.width - gap) * 0.5);
      const stampWidth = wide || tall ? sideWidth : area.width - factsWidth - gap;
      const stampSize = fitStampSize(ctx, 'Classified', px(ctx, wide ? 40 : tall ? 56 : 44), stampWidth - px(ctx, 16));
      const stampHeight = Math.round(stampSize * 2.4);
      const sideHeight = wide || tall ? stampHeight + px(ctx, 14) + factsHeight : Math.max(stampHeight, factsHeight);
      const mainRoom = wide ? area.height : area.height - sideHeight - gap;

      const question = fitText(record.question, { role: ROLES.typed, unit: ctx.unit, width: mainWidth, maxLines: 2 }, ctx.setter);
      const aliases = record.aliases.length > 0
        ? fitText(`AKA ${record.aliases.join(' · ')}`, { role: ROLES.monoSmall, unit: ctx.unit, width: mainWidth, maxLines: 2 }, ctx.setter)
        : undefined;
      const fixed = markHeight + markGap + question.height + px(ctx, 18) + (aliases ? aliases.height + px(ctx, 18) : 0);
      // A short title ("SDET") grows to hold the card; a long one shrinks, then is cut.
      const title = fitText(record.title, { role: ROLES.coverTitle, unit: ctx.unit, width: mainWidth, maxLines: wide ? 3 : 4, maxHeight: Math.max(0, mainRoom - fixed), grow: 1.6 }, ctx.setter);
      ctx.report.truncated += Number(question.truncated) + Number(title.truncated) + Number(aliases?.truncated ?? false);

      const main = column(
        { width: mainWidth, flexShrink: 0, justifyContent: wide ? 'center' : 'flex-start' },
        label(ctx, `[00] Case file · Personnel dossier`, ROLES.mark, mainWidth, { color: COLOURS.red }),
        lines(title, ROLES.coverTitle, { color: COLOURS.ink, marginTop: markGap }),
        lines(question, ROLES.typed, { color: COLOURS.muted, marginTop: px(ctx, 18) }),
        aliases && aliases.lines.length > 0 ? lines(aliases, ROLES.monoSmall, { color: COLOURS.ink, marginTop: px(ctx, 18) }) : null,
      );
      const factList = column(
        { width: factsWidth, gap: factGap, flexShrink: 0 },
        ...facts.map(([name, value]) =>
          column(
            { width: factsWidth, height: factHeight, alignItems: wide ? 'flex-end' : 'flex-start', borderTop: `1px solid ${COLOURS.rule}`, paddingTop: factPad },
            label(ctx, name, ROLES.markLight, factsWidth, { color: COLOURS.muted }),
            label(ctx, value, ROLES.mark, factsWidth, { color: COLOURS.ink }),
          ),
        ),
      );
      const stampBox = row(
        { width: stampWidth, height: stampHeight, alignItems: 'center', justifyContent: wide ? 'flex-end' : tall ? 'center' : 'flex-start', paddingRight: wide ? px(ctx, 8) : 0, paddingLeft: wide ? 0 : px(ctx, 8), flexShrink: 0 },
        stamp(ctx, 'Classified', stampSize),
      );
      if (tall) {
        return column({ width: area.width, height: area.height, justifyContent: 'space-between' }, main, stampBox, factList);
      }
      const side = wide
        ? column({ width: sideWidth, height: sideHeight, gap: px(ctx, 14), flexShrink: 0 }, stampBox, factList)
        : row({ width: area.width, height: sideHeight, gap, alignItems: 'center', flexShrink: 0 }, stampBox, factList);
      return wide
        ? row({ gap, width: area.width, height: area.height, alignItems: 'center' }, main, side)
        : column({ gap, width: area.width, height: area.height, justifyContent: 'space-between' }, main, side);
    },
  });
}
