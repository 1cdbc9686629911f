/**
 * Which drawn lines the takumi engine measures with its own shaper, for the overflow check.
 *
 * Satori reports every box it lays out as a by-product of drawing. Takumi would need a second
 * layout of the whole card (`measure()`), about a quarter of a card's time, and most of it would
 * only repeat what the tree already fixes: every line is its own non-wrapping box with a set
 * height (text.ts), so positions and line breaks are the same for any engine, and the one
 * quantity an engine decides is how wide each line is drawn. fit.ts fills lines to
 * WIDTH_SAFETY of their box by its own advance sums (opentype.js, same font files). A line can
 * spill only where Takumi's shaping comes out wider than those sums by more than the room left:
 *
 * - lines the fitter filled past CHECK_FILL of their box (an ellipsis, a split word, fixed text);
 * - lines with characters the bundled fonts do not draw (fallback scripts, emoji), where the
 *   advance sums are approximate (Arabic joining, CJK punctuation, images for emoji);
 * - lines in a face the fitter does not know (a user layout's own font), which it cannot vouch for.
 *
 * Those lines, and only those, are set in a flat probe tree with their inherited text style and
 * measured; test/cards/line-check.test.ts shows Takumi's widths agree with the fitter's on the
 * rest to well within the margin.
 */
import { FAMILIES, type FontStyle, type FontWeight } from '../../fonts/registry.js';
import { collectText, type CardChild, type CardElement, type Style } from '../element.js';
import type { FontBook } from '../fonts.js';
import type { LaidOutBox } from '../svg.js';
import type { FamilyKey, FontSpec } from '../theme.js';

/** Lines filled past this share of their box are measured: the fitter stops at 0.97, so unchecked lines keep 5% of room. */
export const CHECK_FILL = 0.95;

/** The text properties a line inherits from its ancestors, as in CSS. */
const INHERITED = ['fontFamily', 'fontWeight', 'fontStyle', 'fontSize', 'lineHeight', 'letterSpacing', 'color'] as const;

export interface DrawnLine {
  /** `line:<width>`, as tagged by text.ts. */
  role: string;
  /** The width the line was fitted to. */
  limit: number;
  text: string;
  children: CardChild[] | CardChild | undefined;
  /** The inherited text style the line is drawn in. */
  style: Style;
}

/** Every fitted line of a tree, in tree order, with the text style it inherits. */
export function drawnLines(tree: CardElement): DrawnLine[] {
  const found: DrawnLine[] = [];
  const walk = (node: CardChild, inherited: Style) => {
    if (typeof node === 'string') return;
    const own = node.props.style ?? {};
    const style: Style = { ...inherited };
    for (const key of INHERITED) if (own[key] !== undefined) style[key] = own[key];
    const role = node.props['data-role'];
    if (role?.startsWith('line:')) {
      found.push({ role, limit: Number(role.slice(5)), text: collectText(node).join(''), children: node.props.children, style });
      return;
    }
    const children = node.props.children;
    if (children === undefined) return;
    for (const child of Array.isArray(children) ? children : [children]) walk(child, style);
  };
  walk(tree, {});
  return found;
}

const FAMILY_KEYS = new Map(Object.entries(FAMILIES).map(([key, name]) => [name as string, key as FamilyKey]));

/** The fitter's font for a drawn style, or undefined for a family it does not know. */
function fontSpec(style: Style): FontSpec | undefined {
  const family = FAMILY_KEYS.get(String(style.fontFamily ?? ''));
  if (!family) return undefined;
  return { family, weight: Number(style.fontWeight ?? 400) as FontWeight, style: (style.fontStyle ?? 'normal') as FontStyle };
}

/** CSS letter-spacing in em, from `0.08em`, `2px` or a number of px. */
function letterSpacingEm(value: string | number | undefined, size: number): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value / size;
  const amount = Number.parseFloat(value);
  if (!Number.isFinite(amount)) return 0;
  return value.trim().endsWith('em') ? amount : amount / size;
}

/**
 * The line's width by the fitter's own measure (the advance sums it broke the lines with), or
 * undefined when the fitter cannot vouch for it: a face it does not know, or characters the
 * bundled fonts do not draw.
 */
export function fitterWidth(line: DrawnLine, book: FontBook, fallbackFamilies: readonly string[]): number | undefined {
  const spec = fontSpec(line.style);
  const size = Number(line.style.fontSize);
  if (!spec || !(size > 0)) return undefined;
  for (const char of line.text) if (char.trim() !== '' && !book.bundledCovers(char)) return undefined;
  return book.measure(line.text, spec, size, letterSpacingEm(line.style.letterSpacing, size), fallbackFamilies);
}

/** True when Takumi must measure the line: the fitter cannot vouch for it, or left it less room than the margin. */
export function needsCheck(line: DrawnLine, book: FontBook, fallbackFamilies: readonly string[]): boolean {
  const width = fitterWidth(line, book, fallbackFamilies);
  return width === undefined || !(line.limit > 0) || width > line.limit * CHECK_FILL;
}

/** The lines in one column, each sized to its text as in the card, for one measure() call. */
export function probeTree(lines: readonly DrawnLine[]): CardElement {
  return {
    type: 'div',
    props: {
      style: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
      children: lines.map((line) => ({
        type: 'div' as const,
        props: { style: { display: 'flex', ...line.style, whiteSpace: 'pre', flexShrink: 0 }, ...(line.children === undefined ? {} : { children: line.children }) },
      })),
    },
  };
}

/** Measured widths as boxes for overflow.ts: only width is engine-dependent, so they sit at the origin. */
export function lineBoxes(lines: readonly DrawnLine[], widths: readonly number[]): LaidOutBox[] {
  return lines.map((line, index) => ({ left: 0, top: 0, width: widths[index] ?? 0, height: 0, role: line.role, text: line.text }));
}
