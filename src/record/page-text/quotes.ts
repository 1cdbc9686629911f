/**
 * Quoted lines: the page prints adverts, quotes and complaints between double quotes, straight or
 * curly. One outer pair comes off; quotes inside the text are the text's own.
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ['„', '”'],
  ['«', '»'],
  ['”', '”'],
];

/** The text inside one outer pair of double quotes, or undefined when the line is not quoted. */
export function unquote(line: string): string | undefined {
  for (const [open, close] of PAIRS) {
    if (line.length > open.length + close.length - 1 && line.startsWith(open) && line.endsWith(close)) {
      const inner = line.slice(open.length, line.length - close.length);
      if (inner.trim() !== '') return inner;
    }
  }
  return undefined;
}
