/** [04] The flight risk: a big percentage, a gauge, the level as a stamp, and the diagnosis. */
import type { CardContext } from '../context.js';
import { px } from '../context.js';
import { box, column, row, type CardElement } from '../element.js';
import { fitText } from '../fit.js';
import { frame, stamp } from '../frame.js';
import { label, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { sectionHeading } from './shared.js';

export function flightRiskCard(ctx: CardContext): CardElement {
  const risk = ctx.record.sections['flight-risk'];
  return frame(ctx, {
    section: sectionHeading(ctx, 'flight-risk'),
    stamp: 'Flagged',
    body: (area) => {
      const wide = ctx.shape === 'wide';
      const gap = px(ctx, wide ? 40 : 30);
      const leftWidth = wide ? Math.floor(area.width * 0.4) : area.width;
      const rightWidth = wide ? area.width - leftWidth - gap : area.width;
      const percent = fitText(`${Math.round(risk.percent)}%`, { role: { ...ROLES.display, size: 140 }, unit: ctx.unit, width: leftWidth, maxLines: 1 }, ctx.setter);
      const level = fitText(risk.level, { role: ROLES.stamp, unit: ctx.unit, width: leftWidth - px(ctx, 40), maxLines: 1 }, ctx.setter);
      const gaugeHeight = px(ctx, 18);
      const markHeight = Math.round(ROLES.mark.size * ctx.unit * ROLES.mark.lineHeight);
      const leftHeight = markHeight + percent.height + px(ctx, 12) + gaugeHeight + px(ctx, 22) + level.size * 1.6;
      const room = wide ? area.height : area.height - leftHeight - gap;
      const diagnosis = fitText(risk.diagnosis, { role: ROLES.typed, unit: ctx.unit, width: rightWidth, maxLines: 12, maxHeight: Math.max(0, room - markHeight - px(ctx, 10)) }, ctx.setter);
      ctx.report.truncated += Number(percent.truncated) + Number(level.truncated) + Number(diagnosis.truncated);
      const filled = Math.round((leftWidth * Math.min(100, Math.max(0, risk.percent))) / 100);
      const left = column(
        { width: leftWidth, flexShrink: 0 },
        label(ctx, 'Probability of elimination', ROLES.mark, leftWidth, { color: COLOURS.muted }),
        lines(percent, ROLES.display, { color: COLOURS.red }),
        row(
          { width: leftWidth, height: gaugeHeight, marginTop: px(ctx, 12), backgroundColor: COLOURS.paperEdge, border: `1px solid ${COLOURS.ink}` },
          box({ width: filled, height: '100%', backgroundColor: COLOURS.ink }),
        ),
        row({ marginTop: px(ctx, 22), paddingLeft: px(ctx, 6) }, stamp(ctx, level.lines[0] ?? '', level.size)),
      );
      const right = column(
        { width: rightWidth, flexShrink: 0, gap: px(ctx, 10) },
        label(ctx, '[DIAGNOSIS]', ROLES.mark, rightWidth, { color: COLOURS.red }),
        lines(diagnosis, ROLES.typed, { color: COLOURS.ink }),
      );
      return wide ? row({ gap, width: area.width }, left, right) : column({ gap, width: area.width }, left, right);
    },
  });
}
