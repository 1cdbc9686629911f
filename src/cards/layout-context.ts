/**
 * What a user layout is handed: the record, the card's geometry, the theme, and the same
 * element builders and fitting helpers the built-in layouts use, so a layout file needs no
 * imports at all. Types are exported from the package (`import type { LayoutContext } from 'casefile'`).
 */
import { fileNumber } from '../record/file-number.js';
import type { CaseFile } from '../record/schema.js';
import { SECTIONS } from '../record/sections.js';
import { px, type Area, type CardContext } from './context.js';
import { box, column, row, type CardChild, type CardElement, type Style } from './element.js';
import { fitText, type FittedText } from './fit.js';
import { FAMILIES } from '../fonts/registry.js';
import { frame } from './frame.js';
import type { CardId } from './plan.js';
import type { CardShape } from './sizes.js';
import { fontStyle, label, lines } from './text.js';
import { ROLES, type RoleName, type TextRole } from './theme.js';

export interface LayoutTheme {
  /** The brand's name ('' with no theme name; `casefile` for the built-in look). */
  name: string;
  tagline?: string;
  /** The footer's site line as the frame would print it. */
  site: string;
  colors: { paper: string; ink: string; muted: string; accent: string; paperEdge: string; rule: string };
  /** Family names (as in the font registry) the theme draws display, body and mono text in. */
  fonts: { display: string; body: string; mono: string };
  logo?: { src: string; width: number; height: number };
}

export interface FitOptions {
  /** A built-in text role by name (`'body'`, `'heading'`, …) or your own. Default `'body'`. */
  role?: RoleName | TextRole;
  width: number;
  maxLines?: number;
  maxHeight?: number;
  /** A short text may be set up to this much larger than the role's size. */
  grow?: number;
}

export interface LayoutHelpers {
  box: (style: Style, ...children: (CardChild | null | undefined | false)[]) => CardElement;
  row: (style: Style, ...children: (CardChild | null | undefined | false)[]) => CardElement;
  column: (style: Style, ...children: (CardChild | null | undefined | false)[]) => CardElement;
  /** Scales a length given for an og card to this card. */
  px: (value: number) => number;
  /** Shrinks, then truncates, `text` to fit (measured with the real fonts); truncation is reported as a warning. */
  fit: (text: string, options: FitOptions) => FittedText;
  /** Fitted text as elements: one non-wrapping line each, as the built-in layouts draw it. */
  lines: (fitted: FittedText, role: RoleName | TextRole, style?: Style) => CardElement;
  /** One line of short text at the role's size, shrunk or cut to `width`. */
  label: (text: string, role: RoleName | TextRole, width: number, style?: Style) => CardElement;
  fontStyle: (role: RoleName | TextRole, size: number, lineHeight?: number) => Style;
  /** casefile's card frame (brand line, file number, section heading, stamp, footer) around your body. */
  frame: (options: { stamp: string; body: (area: Area) => CardElement; section?: boolean }) => CardElement;
  /** The built-in text roles (font, size at og, smallest size, line height). */
  roles: typeof ROLES;
}

export interface LayoutContext {
  record: CaseFile;
  /** `cover` or a section id. */
  card: CardId;
  /** Layout size in CSS px (the PNG is this times --scale). */
  width: number;
  height: number;
  shape: CardShape;
  /** 1 on an og card, larger on bigger canvases: multiply og-sized lengths by it (or use helpers.px). */
  unit: number;
  /** `CF-3694-LIE`, as on the dossier and every other card. */
  fileNumber: string;
  /** The section's number and heading (`{ number: '03', heading: 'Salary Delusion' }`); absent on the cover. */
  section?: { number: string; heading: string };
  theme: LayoutTheme;
  helpers: LayoutHelpers;
}

const roleOf = (role: RoleName | TextRole): TextRole => (typeof role === 'string' ? ROLES[role] : role);

export function layoutContext(ctx: CardContext): LayoutContext {
  const { theme } = ctx;
  const info = SECTIONS.find((section) => section.id === ctx.card);
  const section = info ? { number: info.number, heading: ctx.record.sections[info.id].heading ?? info.defaultHeading } : undefined;
  const fit = (text: string, options: FitOptions): FittedText => {
    const fitted = fitText(text, { role: roleOf(options.role ?? 'body'), unit: ctx.unit, width: options.width, maxLines: options.maxLines ?? 1, ...(options.maxHeight === undefined ? {} : { maxHeight: options.maxHeight }), ...(options.grow === undefined ? {} : { grow: options.grow }) }, ctx.setter);
    if (fitted.truncated) ctx.report.truncated++;
    return fitted;
  };
  return {
    record: ctx.record,
    card: ctx.card,
    width: ctx.width,
    height: ctx.height,
    shape: ctx.shape,
    unit: ctx.unit,
    fileNumber: fileNumber(ctx.record.slug),
    ...(section ? { section } : {}),
    theme: {
      name: theme.brand.name,
      ...(theme.brand.tagline ? { tagline: theme.brand.tagline } : {}),
      site: theme.brand.siteLines[theme.brand.siteLines.length - 1] ?? '',
      colors: { paper: theme.colours.paper, ink: theme.colours.ink, muted: theme.colours.muted, accent: theme.colours.red, paperEdge: theme.colours.paperEdge, rule: theme.colours.rule },
      fonts: { display: FAMILIES[theme.families.condensed], body: FAMILIES[theme.families.sans], mono: FAMILIES[theme.families.mono] },
      ...(theme.logo ? { logo: { src: theme.logo.dataUri, width: theme.logo.width, height: theme.logo.height } } : {}),
    },
    helpers: {
      box,
      row,
      column,
      px: (value) => px(ctx, value),
      fit,
      lines: (fitted, role, style) => lines(fitted, roleOf(role), style),
      label: (text, role, width, style) => label(ctx, text, roleOf(role), width, style),
      fontStyle: (role, size, lineHeight) => fontStyle(roleOf(role), size, lineHeight),
      frame: (options) => frame(ctx, { stamp: options.stamp, body: options.body, ...(options.section !== false && section ? { section } : {}) }),
      roles: ROLES,
    },
  };
}

