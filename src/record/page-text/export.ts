/**
 * A record as page text that is sure to read back: export formats the record, reads its own text
 * back and refuses a record the format cannot hold, naming the value's JSON path and why.
 */
import { CasefileError } from '../../errors.js';
import { formatJsonPath } from '../json-path.js';
import type { CaseFile } from '../schema.js';
import { formatPageText } from './format.js';
import { comparableRecord, readBack } from './read-back.js';
import { findUnwritableValue } from './unwritable-value.js';

export interface ExportPageTextOptions {
  /** The record's file, for the error message. */
  file?: string;
}

export function exportPageText(record: CaseFile, options: ExportPageTextOptions = {}): string {
  const text = formatPageText(record);
  if (readBack(text, comparableRecord(record)).ok) return text;
  const { path, reason } = findUnwritableValue(record);
  const jsonPath = formatJsonPath(path);
  throw new CasefileError('E_TEXT', `${jsonPath}: cannot be written as page text: ${reason}`, {
    path: jsonPath,
    ...(options.file === undefined ? {} : { file: options.file }),
  });
}
