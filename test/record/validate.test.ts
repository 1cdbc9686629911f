import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CasefileError } from '../../src/errors.js';
import { formatJsonPath } from '../../src/record/json-path.js';
import { parseRecord } from '../../src/record/load.js';
import { lineAndColumn, parseJson } from '../../src/record/parse.js';
import { inheritedProblems } from '../helpers/plain-values.js';
import { fixtureRecordFile, loadFixtureRecord } from '../helpers/records.js';

function errorOf(name: string): CasefileError {
  try {
    loadFixtureRecord(name);
  } catch (error) {
    expect(error).toBeInstanceOf(CasefileError);
    return error as CasefileError;
  }
  throw new Error(`${name} was accepted`);
}

describe('formatJsonPath', () => {
  it('uses dots for identifiers and brackets for the rest', () => {
    expect(formatJsonPath(['sections', 'flight-risk', 'percent'])).toBe('$.sections["flight-risk"].percent');
    expect(formatJsonPath(['aliases', 2])).toBe('$.aliases[2]');
    expect(formatJsonPath([])).toBe('$');
  });
});

describe('parseJson', () => {
  it('gives 1-based line and column', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('reports the line and column of a syntax error', () => {
    const error = errorOf('expect-error-malformed-json');
    expect(error.code).toBe('E_JSON');
    expect(error.line).toBe(5);
    expect(error.column).toBe(3);
    expect(error.message).toMatch(/comma expected/);
  });

  it('rejects an empty file', () => {
    expect(errorOf('expect-error-empty').code).toBe('E_JSON');
  });

  it('rejects comments and trailing commas, as JSON does', () => {
    const failure = (text: string) => {
      try {
        parseJson(text, 'x.json');
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(failure('{"a": 1, // no\n}')).toMatchObject({ code: 'E_JSON', file: 'x.json', line: 1, column: 10, message: expect.stringMatching(/^invalid JSON: invalid comment token/) });
    expect(failure('{"a": 1,}')).toMatchObject({ code: 'E_JSON', file: 'x.json', line: 1, column: 9, message: expect.stringMatching(/^invalid JSON: property name expected/) });
  });

  it('ignores a byte-order mark', () => {
    expect(parseJson('\uFEFF{"a": 1}', 'x.json').value).toEqual({ a: 1 });
  });

  it('locates a nested path', () => {
    const parsed = parseJson('{\n  "a": {\n    "b": [1, 22]\n  }\n}', 'x.json');
    expect(parsed.locate(['a', 'b', 1])).toEqual({ line: 3, column: 14 });
    // A missing key points at its nearest existing parent.
    expect(parsed.locate(['a', 'zzz'])).toEqual({ line: 2, column: 8 });
  });
});

describe('validateRecord', () => {
  it('accepts the valid fixture', () => {
    expect(loadFixtureRecord('valid-record').title).toBe('Lead Infrastructure Engineer');
  });

  it.each([
    ['expect-error-missing-field', '$.sections.salary.quote', /missing; expected a string/],
    ['expect-error-mistyped-field', '$.sections.salary.marketAverage', /expected a number, received the string "188924"/],
    ['expect-error-unknown-section', '$.sections.horoscope', /unknown section "horoscope"; expected one of: org-chart, habitat/],
    ['expect-error-percent-range', '$.sections["flight-risk"].percent', /expected a percent from 0 to 100, received the number 150/],
    ['expect-error-match-range', '$.sections["related-specimens"].items[1].match', /expected a percent from 0 to 100, received the number -5/],
    ['expect-error-bad-slug', '$.slug', /expected a slug of lower-case letters, digits and hyphens/],
    ['expect-error-slug-mismatch', '$.slug', /expected "expect-error-slug-mismatch" \(the file's name\)/],
    ['expect-error-two-selves', '$.sections["org-chart"].chart', /exactly one position with "self": true/],
    ['expect-error-prototype-key', '$.__proto__', /unknown field "__proto__"/],
  ])('%s: names the path and what was expected', (name, jsonPath, message) => {
    const error = errorOf(name);
    expect(error.code).toBe('E_SCHEMA');
    expect(error.path).toBe(jsonPath);
    expect(error.message).toMatch(message);
    expect(error.file).toBe(fixtureRecordFile(name));
    expect(error.line).toBeGreaterThan(0);
  });

  it('points an unknown section at its key', () => {
    const error = errorOf('expect-error-unknown-section');
    const text = readFileSync(fixtureRecordFile('expect-error-unknown-section'), 'utf8').split('\n');
    expect(text[error.line! - 1]!.slice(error.column! - 1)).toMatch(/^"horoscope"/);
  });

  it('lists every problem when there are several', () => {
    const file = 'many.json';
    const record = JSON.parse(readFileSync(fixtureRecordFile('valid-record'), 'utf8'));
    record.slug = 'many';
    record.sections['flight-risk'].percent = 101;
    record.sections.salary.currency = 'dollars';
    record.sections['day-in-the-life'].entries[0].start = '25:00';
    try {
      parseRecord(JSON.stringify(record, null, 2), file);
      expect.unreachable();
    } catch (error) {
      const issues = (error as CasefileError).issues;
      expect(issues.map((issue) => issue.path)).toEqual([
        '$.sections.salary.currency',
        '$.sections["flight-risk"].percent',
        '$.sections["day-in-the-life"].entries[0].start',
      ]);
      expect(issues[2]!.message).toMatch(/24-hour time as HH:MM/);
      expect((error as CasefileError).message).toMatch(/\(and 2 more\)/);
    }
  });

  it('does not let a __proto__ key pollute objects', () => {
    expect(errorOf('expect-error-prototype-key').path).toBe('$.__proto__');
    // The key is kept as data, as JSON.parse does; a parser that assigned it would make it the prototype.
    const { value } = parseJson(readFileSync(fixtureRecordFile('expect-error-prototype-key'), 'utf8'), 'x.json');
    expect(Object.hasOwn(value as object, '__proto__')).toBe(true);
    expect(inheritedProblems(value)).toEqual([]);
  });
});
