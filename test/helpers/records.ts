/**
 * Records the tests start from, read and validated the way the CLI reads a .json record
 * (parseRecord: its slug must match its file's name). A test that means to edit or break the
 * raw JSON reads the file itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRecord } from '../../src/record/load.js';
import type { CaseFile } from '../../src/record/schema.js';
import { FIXTURES, ROOT } from './cli.js';

/** data/<slug>.json: the records casefile ships. */
export function dataRecordFile(slug: string): string {
  return path.join(ROOT, 'data', `${slug}.json`);
}

/** test/fixtures/records/<name>.json: the valid fixture and the expect-error ones. */
export function fixtureRecordFile(name: string): string {
  return path.join(FIXTURES, 'records', `${name}.json`);
}

/** Any record file, read and validated; throws the CasefileError parseRecord throws. */
export function loadRecordAt(file: string): CaseFile {
  return parseRecord(readFileSync(file, 'utf8'), file);
}

export function loadDataRecord(slug: string): CaseFile {
  return loadRecordAt(dataRecordFile(slug));
}

export function loadFixtureRecord(name: string): CaseFile {
  return loadRecordAt(fixtureRecordFile(name));
}
