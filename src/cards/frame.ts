/**
 * The chrome every card shares, so each one stands alone when shared: the brand line and file
 * number on top, the section number and name with the role's title under it, a rubber stamp,
 * and a footer naming the site and the record. The frame computes its own heights, so the
 * layout inside knows exactly how much room it has.
 */
import { fileNumber } from '../record/file-number.js';
import { SECTIONS } from '../record/sections.js';
import type { Area, CardContext } from './context.js';
import { px } from './context.js';
import { box, column, row, tagged, type CardElement } from './element.js';
import { applyCase, fitText, WIDTH_SAFETY } from './fit.js';
import { fontStyle, label, lines } from './text.js';
import { COLOURS, ROLES, type TextRole } from './theme.js';

/** The first of `candidates` that fits `width` on one line at the role's full size (else the last). */
function firstThatFits(ctx: CardContext, candidates: string[], role: TextRole, width: number): string {
  const size = Math.round(role.size * ctx.unit * 2) / 2;
  return candidates.find((text) => ctx.setter.width(applyCase(text, role), role, size) <= width * WIDTH_SAFETY) ?? candidates[candidates.length - 1]!;
}

export interface FrameOptions {
  /** Section cards show "[03] SALARY DELUSION"; the cover shows its own title. */
  section?: { number: string; heading: string };
  /** The stamp's words. */
  stamp: string;
  body: (area: Area) => CardElement;
}

function padding(ctx: CardContext): number {
  return px(ctx, ctx.shape === 'tall' ? 56 : 44);
}

/** A rubber stamp: red, boxed, slightly askew. */
export function stamp(ctx: CardContext, text: string, size: number): CardElement {
  return box(
    {
      border: `${Math.max(2, Math.round(size / 9))}px solid ${COLOURS.red}`,
      borderRadius: Math.round(size / 6),
      padding: `${Math.round(size * 0.18)}px ${Math.round(size * 0.4)}px ${Math.round(size * 0.1)}px`,
      color: COLOURS.red,
      transform: 'rotate(-7deg)',
      opacity: 0.88,
      ...fontStyle(ROLES.stamp, size, size * 1.1),
      letterSpacing: '0.08em',
      whiteSpace: 'pre',
    },
    text.toUpperCase(),
  );
}

/** The largest stamp size up to `desired` whose tilted box fits `maxWidth`. */
export function fitStampSize(ctx: CardContext, text: string, desired: number, maxWidth: number): number {
  const words = text.toUpperCase();
  const widthAt = (size: number) => ctx.setter.width(words, ROLES.stamp, size) + size * 0.8 + 2 * Math.max(2, Math.round(size / 9)) + size * 0.25;
  let size = desired;
  while (size > 12 && widthAt(size) > maxWidth) size -= 1;
  return size;
}

/** casefile's own mark: a red square and the name. */
function builtInBrand(ctx: CardContext, headerHeight: number): CardElement {
  return row(
    { alignItems: 'center', gap: px(ctx, 12) },
    box({ width: px(ctx, 16), height: px(ctx, 16), backgroundColor: COLOURS.red }),
    box({ color: COLOURS.ink, ...fontStyle(ROLES.brand, px(ctx, ROLES.brand.size), headerHeight) }, ctx.theme.brand.name.toUpperCase()),
  );
}

function logoWidthAt(ctx: CardContext, height: number): number {
  const { logo } = ctx.theme;
  return logo ? Math.round((logo.width / logo.height) * height) : px(ctx, 16);
}

/** What the site's mark needs at full size (logo, gap, name), up to 45% of the header. */
function themedBrandWidth(ctx: CardContext, headerHeight: number, inner: number): number {
  const { name } = ctx.theme.brand;
  const size = Math.round(ROLES.brand.size * ctx.unit * 2) / 2;
  const nameWidth = name ? Math.ceil(ctx.setter.width(applyCase(name, ROLES.brand), ROLES.brand, size) / WIDTH_SAFETY) + 2 + px(ctx, 12) : 0;
  return Math.min(logoWidthAt(ctx, headerHeight) + nameWidth, Math.round(inner * 0.45));
}

/** A site's mark: its logo (at the header's height) and its name, fitted to the brand's room. */
function themedBrand(ctx: CardContext, headerHeight: number, width: number): CardElement {
  const { logo } = ctx.theme;
  const { name } = ctx.theme.brand;
  const gap = px(ctx, 12);
  const logoHeight = headerHeight;
  const logoWidth = logo ? Math.min(Math.round((logo.width / logo.height) * logoHeight), name ? Math.round(width * 0.5) : width) : 0;
  const nameWidth = width - (logo ? logoWidth + gap : 0);
  return row(
    { alignItems: 'center', gap },
    logo ? { type: 'img', props: { src: logo.dataUri, width: logoWidth, height: logoHeight, style: { width: logoWidth, height: logoHeight, objectFit: 'contain' } } } : box({ width: px(ctx, 16), height: px(ctx, 16), backgroundColor: COLOURS.red }),
    name && nameWidth > 0 ? row({ color: COLOURS.ink, width: nameWidth }, label(ctx, name, ROLES.brand, nameWidth)) : null,
  );
}

/** The top line: the brand on the left, the tagline if there is room, the file number on the right. */
function header(ctx: CardContext, inner: number, height: number): CardElement {
  const brandWidth = ctx.theme.builtIn ? px(ctx, 190) : themedBrandWidth(ctx, height, inner);
  const brand = ctx.theme.builtIn ? builtInBrand(ctx, height) : themedBrand(ctx, height, brandWidth);
  const rightWidth = Math.min(px(ctx, 320), inner - brandWidth - px(ctx, 24));
  const taglineWidth = inner - brandWidth - rightWidth - px(ctx, 24);
  return row(
    { height, alignItems: 'center', justifyContent: 'space-between', flexShrink: 0 },
    row({ width: brandWidth }, brand),
    taglineWidth > px(ctx, 160) && ctx.theme.brand.tagline
      ? row({ width: taglineWidth, color: COLOURS.muted }, label(ctx, `// ${ctx.theme.brand.tagline}`, ROLES.markLight, taglineWidth))
      : null,
    row({ width: rightWidth, justifyContent: 'flex-end', color: COLOURS.ink }, label(ctx, `File no. ${fileNumber(ctx.record.slug)}`, ROLES.mark, rightWidth)),
  );
}

/** A section card's title block: "[03] SALARY DELUSION" and the role's title beside the stamp; and the height it takes. */
function titleBlock(ctx: CardContext, inner: number, section: NonNullable<FrameOptions['section']>, stampText: string, marginTop: number): { element: CardElement; height: number } {
  const stampSize = px(ctx, 24);
  const stampWidth = px(ctx, 200);
  const textWidth = inner - stampWidth - px(ctx, 20);
  const tall = ctx.shape === 'tall';
  const heading = `[${section.number}] ${section.heading}`;
  // One line if it fits at no less than 80% size; tall cards then allow a second line rather than cut.
  const oneLine = fitText(heading, { role: { ...ROLES.sectionName, min: Math.max(ROLES.sectionName.min, ROLES.sectionName.size * 0.8) }, unit: ctx.unit, width: textWidth, maxLines: 1 }, ctx.setter);
  const sectionLine = fitText(heading, { role: ROLES.sectionName, unit: ctx.unit, width: textWidth, maxLines: oneLine.truncated && tall ? 2 : 1 }, ctx.setter);
  const title = fitText(ctx.record.title, { role: ROLES.roleTitle, unit: ctx.unit, width: textWidth, maxLines: tall ? 2 : 1 }, ctx.setter);
  ctx.report.truncated += Number(sectionLine.truncated) + Number(title.truncated);
  const between = px(ctx, 6);
  const height = Math.max(sectionLine.height + between + title.height, stampSize * 2.2);
  const element = row(
    { height, marginTop, justifyContent: 'space-between', alignItems: 'flex-start', flexShrink: 0 },
    column(
      { width: textWidth, gap: between },
      tagged(lines(sectionLine, ROLES.sectionName, { color: COLOURS.red }), 'section-name'),
      tagged(lines(title, ROLES.roleTitle, { color: COLOURS.ink }), 'role-title'),
    ),
    row({ width: stampWidth, justifyContent: 'flex-end', paddingTop: px(ctx, 6) }, stamp(ctx, stampText, stampSize)),
  );
  return { element, height };
}

/** The fine print at the foot: the site on the left, the record and card number on the right; and the height it takes. */
function footer(ctx: CardContext, inner: number, section: FrameOptions['section'], marginTop: number): { element: CardElement; height: number } {
  // On a story the unit is large; the footer is fine print and stays small enough to keep its words.
  const footerRole: TextRole = ctx.shape === 'tall' ? { ...ROLES.monoSmall, size: 11.5, min: 10 } : ROLES.monoSmall;
  const footerLine = Math.round(footerRole.size * ctx.unit * footerRole.lineHeight);
  const footerPad = px(ctx, 10);
  const height = footerLine + footerPad + 1;
  const current = section ? `${section.number} / ${String(SECTIONS.length).padStart(2, '0')}` : `00 / ${String(SECTIONS.length).padStart(2, '0')}`;
  // The record's line takes what it needs (up to 60%); the site line gets the rest. The longest
  // wording that fits at full size wins: narrow cards drop the tagline, long slugs drop the slug.
  const footerGutter = px(ctx, 24);
  const fullSize = Math.round(footerRole.size * ctx.unit * 2) / 2;
  const recordLine = firstThatFits(ctx, [`${ctx.record.slug} · ${current}`, `§ ${current}`], footerRole, Math.floor(inner * 0.6));
  const recordWidth = Math.min(Math.floor(inner * 0.6), Math.ceil(ctx.setter.width(applyCase(recordLine, footerRole), footerRole, fullSize) / WIDTH_SAFETY) + 2);
  const siteWidth = inner - recordWidth - footerGutter;
  const siteLine = firstThatFits(ctx, ctx.theme.brand.siteLines, footerRole, siteWidth);
  const element = row(
    { height, marginTop, paddingTop: footerPad, borderTop: `1px solid ${COLOURS.rule}`, justifyContent: 'space-between', color: COLOURS.muted, flexShrink: 0 },
    row({ width: siteWidth }, label(ctx, siteLine, footerRole, siteWidth)),
    row({ width: recordWidth, justifyContent: 'flex-end' }, label(ctx, recordLine, footerRole, recordWidth)),
  );
  return { element, height };
}

export function frame(ctx: CardContext, options: FrameOptions): CardElement {
  const pad = padding(ctx);
  const inner = ctx.width - pad * 2;
  const headerHeight = px(ctx, 30);
  const top = header(ctx, inner, headerHeight);
  const ruleGap = px(ctx, 12);
  const ruleHeight = Math.max(2, px(ctx, 3));
  const titleGap = px(ctx, 18);
  const title = options.section ? titleBlock(ctx, inner, options.section, options.stamp, titleGap) : undefined;
  const footerGap = px(ctx, 16);
  const foot = footer(ctx, inner, options.section, footerGap);

  const bodyGap = px(ctx, options.section ? 22 : 18);
  const bodyHeight = ctx.height - pad * 2 - headerHeight - ruleGap - ruleHeight - (title ? titleGap + title.height : 0) - bodyGap - footerGap - foot.height;
  const body = options.body({ width: inner, height: bodyHeight });

  // Satori sizes boxes content-box: the page is the full card, the sheet inside it is inset by `pad`.
  return box(
    { width: ctx.width, height: ctx.height, backgroundColor: COLOURS.paper, color: COLOURS.ink, position: 'relative' },
    // A folder edge down the left: the one decorative touch, in the paper's own darker tone.
    box({ position: 'absolute', left: 0, top: 0, width: px(ctx, 10), height: ctx.height, backgroundColor: COLOURS.paperEdge }),
    column({ position: 'absolute', left: pad, top: pad, width: inner, height: ctx.height - pad * 2 },
    top,
    box({ height: ruleHeight, marginTop: ruleGap, backgroundColor: COLOURS.ink, flexShrink: 0 }),
    title?.element ?? null,
    // Tall and square cards have room to spare: the body sits in the middle rather than hanging from the top.
    tagged(column({ height: bodyHeight, marginTop: bodyGap, flexShrink: 0, overflow: 'hidden', justifyContent: ctx.shape === 'wide' ? 'flex-start' : 'center' }, body), 'body'),
    tagged(foot.element, 'footer'),
    ),
  );
}
