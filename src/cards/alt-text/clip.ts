/**
 * Bounds a text to a length, cut after a whole word with an ellipsis, so a reader hears words,
 * never half of one. Lengths count code points (what a reader and a character limit count), and a
 * cut never splits a surrogate pair.
 */

const ELLIPSIS = '…';
/** Left at a cut's end they would dangle before the ellipsis: "spend,…", "(…". */
const DANGLING = /[\s,;:.\-–—(\[“‘"']+$/u;

/** `text` as it is when it fits in `max` code points; otherwise cut on a word boundary and ended with `…`, `max` in all. */
export function clipOnWord(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max < 1) return '';
  const room = chars.slice(0, max - 1).join('');
  // Where the next character is a space, the cut already falls between words.
  const atBoundary = /\s/u.test(chars[max - 1]!);
  const lastSpace = room.search(/\s\S*$/u);
  // A single word longer than the room (a URL) is cut inside: better part of it than nothing.
  const kept = atBoundary || lastSpace <= 0 ? room : room.slice(0, lastSpace);
  return `${kept.replace(DANGLING, '')}${ELLIPSIS}`;
}
