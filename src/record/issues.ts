/**
 * Zod's issues turned into sentences that say what was expected and what was received,
 * in the form `$.path: expected …, received …`.
 */
import type { z } from 'zod';
import { SECTION_IDS } from './sections.js';
import { CLOCK_TIME_PATTERN, CURRENCY_PATTERN, SLUG_PATTERN } from './schema.js';
import { HEX_COLOUR_PATTERN, LOGO_FILE_PATTERN } from '../theme/schema.js';
import type { PathSegment } from './json-path.js';

type ZodIssue = z.core.$ZodIssue;

export interface RecordProblem {
  path: PathSegment[];
  message: string;
  /** Point at the key rather than the value (unknown keys). */
  atKey?: boolean;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const json = JSON.stringify(value);
  const shown = json.length > 60 ? `${json.slice(0, 57)}…"` : json;
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${shown}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

function expectedRange(issue: ZodIssue & { code: 'too_small' | 'too_big' }): string {
  const origin = issue.origin;
  if (issue.code === 'too_small') {
    const minimum = Number(issue.minimum);
    if (origin === 'string') return minimum <= 1 ? 'a non-empty string' : `a string of at least ${minimum} characters`;
    if (origin === 'array') return `at least ${minimum} item${minimum === 1 ? '' : 's'}`;
    return `a number of at least ${minimum}`;
  }
  const maximum = Number(issue.maximum);
  if (origin === 'string') return `a string of at most ${maximum} characters`;
  if (origin === 'array') return `at most ${maximum} items`;
  return `a number of at most ${maximum}`;
}

/** Plain words for the patterns the schema uses, so nobody has to read a regular expression. */
const FORMAT_NAMES: Record<string, string> = {
  [String(SLUG_PATTERN)]: 'a slug of lower-case letters, digits and hyphens ([a-z0-9-]+)',
  [String(CLOCK_TIME_PATTERN)]: 'a 24-hour time as HH:MM',
  [String(CURRENCY_PATTERN)]: 'a three-letter currency code such as USD',
  [String(HEX_COLOUR_PATTERN)]: 'a hex colour such as "#1d1b18"',
  [String(LOGO_FILE_PATTERN)]: 'a path to an .svg or .png file',
};

const PERCENT_KEYS = new Set(['percent', 'match']);

function describeIssue(issue: ZodIssue, input: unknown): RecordProblem[] {
  const path = issue.path as PathSegment[];
  const received = describeValue(valueAt(input, path));
  const lastKey = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const value = valueAt(input, path);
      return [{ path, message: value === undefined ? `missing; expected ${expected}` : `expected ${expected}, received ${received}` }];
    }
    case 'too_small':
    case 'too_big': {
      const expected =
        typeof lastKey === 'string' && PERCENT_KEYS.has(lastKey) && issue.origin === 'number'
          ? 'a percent from 0 to 100'
          : expectedRange(issue);
      const subject = issue.origin === 'array' ? `received ${received}` : `received ${received}`;
      return [{ path, message: `expected ${expected}, ${subject}` }];
    }
    case 'invalid_format': {
      const pattern = 'pattern' in issue && issue.pattern ? String(issue.pattern) : '';
      const expected = FORMAT_NAMES[pattern] ?? (issue.format === 'url' ? 'an http or https URL' : `a string matching ${pattern}`);
      return [{ path, message: `expected ${expected}, received ${received}` }];
    }
    case 'unrecognized_keys': {
      const inSections = path.length === 1 && path[0] === 'sections';
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: inSections
          ? `unknown section ${JSON.stringify(key)}; expected one of: ${SECTION_IDS.join(', ')}`
          : `unknown field ${JSON.stringify(key)}`,
      }));
    }
    case 'invalid_value':
      return [{ path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, received ${received}` }];
    default:
      return [{ path, message: `${issue.message}, received ${received}` }];
  }
}

export function describeIssues(issues: readonly ZodIssue[], input: unknown): RecordProblem[] {
  return issues.flatMap((issue) => describeIssue(issue, input));
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}
