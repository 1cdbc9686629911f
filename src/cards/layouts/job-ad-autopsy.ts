/** [08] The job-ad autopsy: what the advert says, struck through in spirit, and what it means. */
import type { CardContext } from '../context.js';
import { px } from '../context.js';
import { box, column, row, type CardElement } from '../element.js';
import { frame } from '../frame.js';
import { fontStyle, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { fittedList, sectionHeading } from './shared.js';

export function jobAdAutopsyCard(ctx: CardContext): CardElement {
  const { items } = ctx.record.sections['job-ad-autopsy'];
  return frame(ctx, {
    section: sectionHeading(ctx, 'job-ad-autopsy'),
    stamp: 'Decoded',
    body: (area) => {
      const wide = ctx.shape === 'wide';
      // Tighter bounds than the shared roles: the translation is the punchline and must stay
      // readable, so these cards cut the advert's legalese sooner rather than shrink to fine print.
      const adRole = { ...ROLES.typed, size: 19, min: 16 };
      const translationRole = { ...ROLES.body, size: 22, min: 18 };
      const gap = px(ctx, 28);
      const tagHeight = Math.round(ROLES.monoSmall.size * ctx.unit * 1.5);
      const split = px(ctx, 36);
      // Wide: the ad on the left, its translation on the right. Otherwise one above the other.
      const adWidth = wide ? Math.floor((area.width - split) * 0.45) : area.width - px(ctx, 20) - 2;
      const translationWidth = wide ? area.width - adWidth - split : area.width;
      return fittedList(
        ctx,
        area,
        items.map((item) => ({
          sideBySide: wide,
          chrome: tagHeight + px(ctx, 8) + (wide ? 0 : px(ctx, 4)),
          parts: wide
            ? [
                { text: item.ad, role: adRole, width: adWidth, maxLines: 5, minLines: 2 },
                { text: item.translation, role: translationRole, width: translationWidth, maxLines: 5, minLines: 2 },
              ]
            : [
                { text: item.ad, role: adRole, width: adWidth, maxLines: 6, minLines: 2 },
                { text: item.translation, role: translationRole, width: translationWidth, maxLines: 7, minLines: 2 },
              ],
        })),
        (index, [ad, translation], height, itemWidth) => {
          const tag = row(
            { height: tagHeight, alignItems: 'center', gap: px(ctx, 10), flexShrink: 0 },
            box({ backgroundColor: COLOURS.ink, color: COLOURS.paper, padding: `0 ${px(ctx, 8)}px`, ...fontStyle(ROLES.monoSmall, px(ctx, ROLES.monoSmall.size), tagHeight) }, `[${items[index]!.source.toUpperCase()}]`),
            box({ color: COLOURS.red, ...fontStyle(ROLES.mark, px(ctx, ROLES.mark.size), tagHeight) }, `Specimen ${String(index + 1).padStart(2, '0')}`),
          );
          const adBlock = lines(ad!, adRole, { color: COLOURS.muted, width: adWidth });
          const translationBlock = lines(translation!, translationRole, { color: COLOURS.ink, width: translationWidth });
          return column(
            { width: itemWidth, height, gap: px(ctx, 8) },
            tag,
            wide
              ? row({ gap: split, alignItems: 'flex-start' }, adBlock, row({ gap: 0 }, translationBlock))
              : column({ gap: px(ctx, 6) }, row({ paddingLeft: px(ctx, 20), borderLeft: `2px solid ${COLOURS.rule}` }, adBlock), row({ paddingTop: px(ctx, 4) }, translationBlock)),
          );
        },
        { gap, maxItems: wide ? 2 : 4 },
      );
    },
  });
}
