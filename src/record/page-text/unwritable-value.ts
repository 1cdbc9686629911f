/**
 * Which value of a record the page text cannot hold, and why. A value with a line break or spaces
 * at either end is known at sight; anything else (a name the reader would take for a label, an
 * alias that merges with its neighbour) shows only when the text is read back. To find that value,
 * the record's values go into a stand-in record one by one, in page order, until the text stops
 * reading back: the value that broke it is the one named.
 */
import type { PathSegment } from '../json-path.js';
import { formatJsonPath } from '../json-path.js';
import type { CaseFile } from '../schema.js';
import { formatPageText } from './format.js';
import { pageValuePaths, standInRecord, valueAt } from './page-order.js';
import { comparableRecord, readBack, type ReadBack } from './read-back.js';

export interface UnwritableValue {
  path: readonly PathSegment[];
  reason: string;
}

/** Why a value cannot stand on a line of its own, whatever surrounds it; undefined when it can. */
export function textProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/[\r\n]/.test(value)) return 'it contains a line break, and the page text holds each value on one line';
  if (value !== value.trim()) return 'it has spaces at its start or end, and the reader trims every line';
  return undefined;
}

/** The first value, in page order, without which the record would read back; for a record that does not. */
export function findUnwritableValue(record: CaseFile): UnwritableValue {
  const paths = pageValuePaths(record);
  const firstFlawed = paths.findIndex((path) => textProblem(valueAt(record, path)) !== undefined);
  // With the first `count` values real and the rest stand-ins, does the text read back?
  const attempt = (count: number): ReadBack => {
    if (count > firstFlawed && firstFlawed !== -1) return { ok: false, refused: textProblem(valueAt(record, paths[firstFlawed]!))! };
    const candidate = standInRecord(record, paths.slice(count));
    return readBack(formatPageText(candidate), comparableRecord(candidate));
  };
  const whole = attempt(paths.length);
  if (attempt(0).ok === false || whole.ok) {
    // Not one value's fault: the shape of the record (or something the page does not print).
    const path = whole.ok === false && 'differs' in whole ? whole.differs : [];
    return { path, reason: describe(whole, path) };
  }
  let holding = 0;
  let failing = firstFlawed === -1 ? paths.length : firstFlawed + 1;
  // Usually the value just before the first failing count is fine; check that before bisecting.
  if (failing - 1 > holding && attempt(failing - 1).ok) holding = failing - 1;
  while (failing - holding > 1) {
    const middle = Math.floor((holding + failing) / 2);
    if (attempt(middle).ok) holding = middle;
    else failing = middle;
  }
  const path = paths[failing - 1]!;
  return { path, reason: textProblem(valueAt(record, path)) ?? describe(attempt(failing), path) };
}

function describe(result: ReadBack, path: readonly PathSegment[]): string {
  if (result.ok) return 'it does not read back';
  if ('refused' in result) {
    const where = result.line === undefined ? '' : ` at line ${result.line}`;
    return `the text it makes is refused by the reader${where}: ${result.refused.replace(/^\(page text\):\d+: /, '')}`;
  }
  if (formatJsonPath(result.differs) === formatJsonPath(path)) {
    if (Array.isArray(result.expected) && result.expected.length === 0 && result.received === undefined) {
      return 'an empty list reads back as none, since the page text writes nothing for it; leave it out of the record';
    }
    return result.received === undefined ? 'it is lost when the text is read back' : `it reads back as ${show(result.received)}`;
  }
  return `with it the text reads back with ${formatJsonPath(result.differs)} as ${show(result.received)} instead of ${show(result.expected)}`;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}
