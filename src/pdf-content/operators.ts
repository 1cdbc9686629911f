/**
 * The content-stream operators by what they do to the page (ISO 32000-1 table 51, figure 9):
 * which ones paint, which build a path (a path object may not be broken by marked content), and
 * which open and close the nestings that marked content has to respect.
 */

/** Path construction: m l c v y h re. A path object runs from the first of them to its painting operator. */
export const PATH_CONSTRUCTION: ReadonlySet<string> = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);

/** Clipping, between a path's construction and its painting operator. */
export const CLIPPING: ReadonlySet<string> = new Set(['W', 'W*']);

/** Path painting; `n` ends a path without painting it (a clipping path). */
export const PATH_PAINTING: ReadonlySet<string> = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);

/** Text showing, inside a text object. */
export const TEXT_SHOWING: ReadonlySet<string> = new Set(['Tj', 'TJ', "'", '"']);

/** Begin a marked-content sequence; EMC ends one. (MP and DP mark a point and open nothing.) */
export const MARKED_CONTENT_BEGIN: ReadonlySet<string> = new Set(['BMC', 'BDC']);
export const MARKED_CONTENT_END = 'EMC';

/** Operators that put marks on the page by themselves: text, paths painted, shadings, XObjects, inline images. */
export function paints(operator: string): boolean {
  return TEXT_SHOWING.has(operator) || (PATH_PAINTING.has(operator) && operator !== 'n') || operator === 'sh' || operator === 'Do' || operator === 'BI';
}

/** What opens a nesting, to what closes it: q … Q (graphics state) and BT … ET (text object). */
export const OPENS: ReadonlyMap<string, string> = new Map([
  ['q', 'Q'],
  ['BT', 'ET'],
]);
export const CLOSES: ReadonlySet<string> = new Set(['Q', 'ET']);
