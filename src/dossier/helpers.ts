/**
 * Handlebars helpers available to every template, built-in or a user's own.
 * They return plain strings, so Handlebars still escapes them.
 */
import type { HelperDelegate } from 'handlebars';

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

export function padNumber(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export const HELPERS: Record<string, HelperDelegate> = {
  /** {{money 188924 "USD"}} → $188,924 */
  money: (amount: number, currency: unknown) => formatMoney(amount, typeof currency === 'string' ? currency : 'USD'),
  /** {{percent 85}} → 85% */
  percent: (value: number) => formatPercent(value),
  /** {{upper "text"}} → TEXT */
  upper: (value: unknown) => String(value ?? '').toUpperCase(),
  /** {{pad @index 2}} → 00, 01… */
  pad: (value: number, width: unknown) => padNumber(value, typeof width === 'number' ? width : 2),
  /** {{inc @index}} → one-based position */
  inc: (value: number) => value + 1,
  /** {{#if (eq a b)}} */
  eq: (a: unknown, b: unknown) => a === b,
};
