// A worked example of a user card layout: `casefile cards sdet --card-layouts docs/card-layouts`
// draws the cover with this file and every other card with the built-in layouts.
//
// The default export gets `ctx` (record, size, shape, theme, helpers; see LayoutContext in the
// package's types) and returns an element tree, { type, props: { style, children } }, or, as here,
// { element, alt }: the tree with the card's own alt text.

/** @param {import('casefile').LayoutContext} ctx */
export default function cover(ctx) {
  const { box, column, row, px, fit, lines, fontStyle } = ctx.helpers;
  const pad = px(64);
  const width = ctx.width - pad * 2;
  const navy = '#1b3a5c';
  const cream = '#ffe9b0';

  // Fitting measures with the real fonts: the title shrinks to two lines before anything is cut.
  const title = fit(ctx.record.title, { role: 'coverTitle', width, maxLines: 2, grow: 1.3 });
  const question = fit(ctx.record.question, { role: 'body', width, maxLines: 2 });
  const aliases = fit(ctx.record.aliases.join('  ·  '), { role: 'monoSmall', width, maxLines: 1 });

  const element = box(
    { width: ctx.width, height: ctx.height, backgroundColor: navy, color: '#ffffff', flexDirection: 'column', justifyContent: 'space-between', padding: pad },
    row(
      { alignItems: 'center', gap: px(16) },
      box({ width: px(120), height: px(14), backgroundColor: ctx.theme.colors.accent }),
      box({ ...fontStyle('mark', px(16)), color: cream, letterSpacing: '0.12em' }, `FILE ${ctx.fileNumber}`),
    ),
    column({ gap: px(18) }, lines(title, 'coverTitle'), lines(question, 'body', { color: cream })),
    lines(aliases, 'monoSmall', { color: cream }),
  );
  // The manifest, the gallery and og:image:alt say what this card shows: casefile's own cover alt
  // names the flight risk and the salary, which this design leaves out.
  const alt = `File ${ctx.fileNumber}: ${ctx.record.title}. ${ctx.record.question} Also known as ${ctx.record.aliases.join(', ')}.`;
  return { element, alt };
}
