/**
 * Handlebars helpers available to every template, built-in or a user's own. Most return plain
 * strings, so Handlebars still escapes them; the figure helpers return SafeStrings built only
 * from escaped record text and numbers, and cssString returns a fully escaped CSS string.
 */
import Handlebars, { type HelperDelegate } from 'handlebars';
import { formatMoney } from '../record/money.js';
import type { OrgNode } from '../record/schema.js';
import { gaugeSvg } from './figures/gauge-svg.js';
import { orgChartAlt } from './figures/org-chart-alt.js';
import { orgChartSvg } from './figures/org-chart-svg.js';
import { mmToPt } from '../print/length.js';
import type { PageGeometry } from './paper.js';
import { TAG_HINT_LANG } from './tag-hint-lang.js';

export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

export function padNumber(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `value` as a percentage of `max`, clamped to 0–100 and rounded to 0.1, for bar widths. */
export function percentOf(value: number, max: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(max) || max <= 0) return 0;
  return Math.round(Math.max(0, Math.min(100, (value / max) * 100)) * 10) / 10;
}

/**
 * A quoted CSS string that is safe anywhere in a stylesheet, including inside <style>: every
 * character but letters, digits and spaces becomes a CSS hex escape, so record text can never
 * close the string, the rule or the style element.
 */
export function cssString(value: string): string {
  const escaped = Array.from(value, (char) => (/[A-Za-z0-9 ]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `)).join('');
  return `"${escaped}"`;
}

/** The width of the page's text column in points, as the (zoomed) layout sees it. */
export function textColumnPt(page: PageGeometry | undefined): number | undefined {
  if (!page) return undefined;
  return mmToPt(page.widthMm - 2 * page.margin.side) / page.scale;
}

/** Handlebars passes an options hash as the last argument; a helper's optional arguments must skip it. */
const given = <T>(value: unknown, type: 'string' | 'number'): T | undefined => (typeof value === type ? (value as T) : undefined);

export const HELPERS: Record<string, HelperDelegate> = {
  /** {{money 188924 "USD"}} → $188,924 */
  money: (amount: number, currency: unknown) => formatMoney(amount, given<string>(currency, 'string') ?? 'USD'),
  /** {{percent 85}} → 85% */
  percent: (value: number) => formatPercent(value),
  /** {{percentOf 188924 260000}} → 72.7 (for style="width: …%") */
  percentOf: (value: number, max: unknown) => percentOf(value, given<number>(max, 'number') ?? 100),
  /** {{concat "[" number "] " name}} → the arguments joined, e.g. to build a header string */
  concat: (...args: unknown[]) => args.slice(0, -1).map((arg) => String(arg ?? '')).join(''),
  /** {{upper "text"}} → TEXT */
  upper: (value: unknown) => String(value ?? '').toUpperCase(),
  /** {{pad @index 2}} → 00, 01… */
  pad: (value: number, width: unknown) => padNumber(value, given<number>(width, 'number') ?? 2),
  /** {{inc @index}} → one-based position */
  inc: (value: number) => value + 1,
  /** {{#if (eq a b)}} */
  eq: (a: unknown, b: unknown) => a === b,
  /** {{#if (gte a b)}} */
  gte: (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a >= b,
  /** {{cssString record.title}} → "Lead\2d Infra…" for content: in @page rules */
  cssString: (value: unknown) => new Handlebars.SafeString(cssString(String(value ?? ''))),
  /** {{orgChart data.chart "title"}} → the org chart as inline SVG, arranged to fit the page's text column (or width=pt) */
  orgChart: function (this: unknown, chart: OrgNode, ...rest: unknown[]) {
    const options = rest[rest.length - 1] as Handlebars.HelperOptions;
    const width = given<number>(options.hash?.['width'], 'number') ?? textColumnPt(options.data?.root?.page);
    return new Handlebars.SafeString(orgChartSvg(chart, given<string>(rest[0], 'string') ?? 'Org chart', width));
  },
  /**
   * {{#words}}File record{{/words}} → a letter-spaced label that a screen reader reads as its words.
   * Chromium's tagged PDF carries an element's accessible name only for an image, and letter-spaced
   * glyphs read one by one ("F I L E R E C O R D"); so the label is an image named by its own text,
   * hinted for finishing, which makes it a Span whose /ActualText is that name (dossier/tag-hints.ts).
   * The text inside is Handlebars' escaped output: tags stripped, it is the label's plain text.
   */
  words: function (this: unknown, options: Handlebars.HelperOptions) {
    const html = options.fn(this);
    const text = html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim().replace(/"/g, '&quot;');
    return new Handlebars.SafeString(`<span role="img" lang="${TAG_HINT_LANG.words}" aria-label="${text}">${html}</span>`);
  },
  /** {{orgChartAlt data.chart record.title}} → the chart in words, for its figure's aria-label (plain text, escaped by Handlebars) */
  orgChartAlt: (chart: OrgNode, title: unknown) => orgChartAlt(chart, given<string>(title, 'string') ?? 'role'),
  /** {{gauge data.percent}} → the flight-risk dial as inline SVG */
  gauge: (percent: number) => new Handlebars.SafeString(gaugeSvg(percent)),
};
