/**
 * Plain sentences from record text, for alt text: one line of words a screen reader reads as
 * written (no line breaks, no control characters), each sentence ended once.
 */

/** Control characters (C0 and C1) a record may carry: in an attribute they are noise, or worse. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu;

/** The text on one line: control characters gone, every run of whitespace one space. */
export function plainText(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/gu, ' ').trim();
}

/** Ends a sentence with a full stop unless it already ends like one (`?`, `!`, `…`, a closing quote after one). */
export function sentence(text: string): string {
  const plain = plainText(text);
  if (plain === '') return '';
  return /[.!?…]["'”’)]*$/u.test(plain) ? plain : `${plain}.`;
}

/** Sentences one after another; empty ones left out. */
export function sentences(...parts: string[]): string {
  return parts.map(sentence).filter((part) => part !== '').join(' ');
}

/** `1 metric`, `3 metrics`, `0 entries`: a count with its noun. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** `a`, `a and b`, `a, b and c`: names in a row, as a sentence lists them. */
export function series(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
