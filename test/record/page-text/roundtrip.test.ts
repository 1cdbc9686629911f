/**
 * Export then import gives the record back, field for field: every shipped record and valid
 * fixture, and generated records across what the page text can hold. A record it cannot hold is
 * refused with the JSON path of the value at fault.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CasefileError } from '../../../src/errors.js';
import { loadRecord } from '../../../src/record/load.js';
import { exportPageText } from '../../../src/record/page-text/export.js';
import { parsePageText } from '../../../src/record/page-text/parse.js';
import type { CaseFile } from '../../../src/record/schema.js';
import { FIXTURES, ROOT } from '../../helpers/cli.js';
import { pageTextRecordArbitrary } from '../../helpers/page-text-arbitraries.js';

const NO_SLUGS: ReadonlySet<string> = new Set();

function withoutSchema(record: CaseFile): Omit<CaseFile, '$schema'> {
  const { $schema: _schema, ...rest } = record;
  return rest;
}

function importText(text: string, file = 'exported.txt'): CaseFile {
  return parsePageText(text, { file, knownSlugs: NO_SLUGS }).record;
}

const DATA_DIR = path.join(ROOT, 'data');
const recordFiles = [
  ...readdirSync(DATA_DIR).filter((name) => /\.(json|txt)$/.test(name)).map((name) => path.join(DATA_DIR, name)),
  path.join(FIXTURES, 'records', 'valid-record.json'),
];

describe('export then import', () => {
  it.each(recordFiles.map((file) => [path.relative(ROOT, file), file]))('gives %s back', async (_name, file) => {
    const { record } = await loadRecord(file, { dataDir: DATA_DIR });
    expect(importText(exportPageText(record, { file }))).toEqual(withoutSchema(record));
  });

  it('gives back every generated record the page text can hold', () => {
    fc.assert(
      fc.property(pageTextRecordArbitrary(), (record) => {
        const text = exportPageText(record);
        expect(importText(text)).toEqual(record);
      }),
      { numRuns: 200, seed: 194 },
    );
  });
});

describe('a record the page text cannot hold', () => {
  it('is refused with the JSON path of the value and why: a line break in a metric name', async () => {
    const { record } = await loadRecord('lead-infrastructure-engineer', { dataDir: DATA_DIR });
    record.sections.metrics.items[0]!.name = 'Number of Meetings\nAttended';
    let error: unknown;
    try {
      exportPageText(record, { file: 'data/lead-infrastructure-engineer.json' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CasefileError);
    expect(error).toMatchObject({ code: 'E_TEXT', path: '$.sections.metrics.items[0].name', file: 'data/lead-infrastructure-engineer.json' });
    expect((error as CasefileError).message).toMatch(/^\$\.sections\.metrics\.items\[0\]\.name: .*line break/);
    expect((error as CasefileError).exitCode).toBe(1);
  });
});
