/**
 * The reader against texts written from docs/page-text.md by other hands (test/fixtures/page-text/):
 * each valid text gives its expected record exactly, and each expect-error text is refused at the
 * line its sidecar names, with the section and the words a reader needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCasefileError } from '../../../src/errors.js';
import { parsePageText } from '../../../src/record/page-text/parse.js';
import { FIXTURES } from '../../helpers/cli.js';

const DIR = path.join(FIXTURES, 'page-text');
const texts = (folder: string) => readdirSync(path.join(DIR, folder)).filter((name) => name.endsWith('.txt')).sort();

describe('valid page texts', () => {
  it.each(texts('valid'))('%s reads as its expected record', (name) => {
    const file = path.join(DIR, 'valid', name);
    const expected = JSON.parse(readFileSync(file.replace(/\.txt$/, '.expected.json'), 'utf8'));
    expect(parsePageText(readFileSync(file, 'utf8'), { file }).record).toStrictEqual(expected);
  });
});

interface ExpectedError {
  line: number;
  section: string | null;
  mentions: string[];
}

describe('invalid page texts', () => {
  it.each(texts('invalid'))('%s is refused where its sidecar says', (name) => {
    const file = path.join(DIR, 'invalid', name);
    const expected = JSON.parse(readFileSync(file.replace(/\.txt$/, '.json'), 'utf8')) as ExpectedError;
    let error: unknown;
    try {
      parsePageText(readFileSync(file, 'utf8'), { file });
    } catch (caught) {
      error = caught;
    }
    if (!isCasefileError(error)) throw new Error(`${name} was not refused with a CasefileError: ${String(error)}`);
    expect({ file: error.file, line: error.line, exitCode: error.exitCode }).toEqual({ file, line: expected.line, exitCode: 1 });
    if (expected.section !== null) expect(error.message).toContain(expected.section);
    for (const word of expected.mentions) expect(error.message.toLowerCase()).toContain(word.toLowerCase());
  });
});
