/** Fitted text to elements: one non-wrapping line per div, so Satori draws exactly the lines fit.ts chose. */
import { box, column, tagged, type CardElement, type Style } from './element.js';
import { fitText, type FittedText } from './fit.js';
import { FAMILIES } from '../fonts/registry.js';
import type { CardContext } from './context.js';
import type { TextRole } from './theme.js';

export function fontStyle(role: TextRole, size: number, lineHeight?: number): Style {
  return {
    fontFamily: FAMILIES[role.font.family],
    fontWeight: role.font.weight,
    fontStyle: role.font.style,
    fontSize: size,
    lineHeight: `${lineHeight ?? Math.round(size * role.lineHeight * 2) / 2}px`,
    ...(role.letterSpacing ? { letterSpacing: `${role.letterSpacing}em` } : {}),
  };
}

/** The data-role of one drawn line: overflow.ts compares Satori's width for it with the width it was fitted to. */
export function lineRole(width: number): string {
  return `line:${width}`;
}

/**
 * A block of fitted lines. Each line is its own non-wrapping box sized to its text
 * (alignSelf: flex-start), so Satori's layout reports the drawn width; flexShrink 0 so a
 * layout mistake spills (and is caught) instead of squashing.
 */
export function lines(fitted: FittedText, role: TextRole, style: Style = {}): CardElement {
  return column(
    { flexShrink: 0, height: fitted.height, ...fontStyle(role, fitted.size, fitted.lineHeight), ...style },
    ...fitted.lines.map((line) =>
      tagged(box({ height: fitted.lineHeight, whiteSpace: 'pre', flexShrink: 0, alignSelf: 'flex-start' }, line), lineRole(fitted.width)),
    ),
  );
}

/** A single line of short fixed text (labels, marks) set at the role's size, shrunk or cut to `width`. */
export function label(ctx: CardContext, text: string, role: TextRole, width: number, style: Style = {}): CardElement {
  const fitted = fitText(text, { role, unit: ctx.unit, width, maxLines: 1 }, ctx.setter);
  if (fitted.truncated) ctx.report.truncated++;
  return lines(fitted, role, style);
}
