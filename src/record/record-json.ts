/**
 * A record as the JSON file casefile writes (`casefile new`, `casefile import`): `"$schema"` first,
 * pointing from the file's folder to docs/record.schema.json so editors check it as it is typed,
 * then the record's own keys, two-space indented, with a final newline.
 */
import path from 'node:path';
import { SCHEMA_FILE } from '../paths.js';
import type { CaseFile } from './schema.js';

/** The `"$schema"` a record file at `file` gets: the path from its folder to the schema, with `/`. */
export function schemaPathFor(file: string): string {
  return path.relative(path.dirname(path.resolve(file)), SCHEMA_FILE).split(path.sep).join('/');
}

/** The text of the record file `file`, whatever `"$schema"` the record carried. */
export function recordJsonText(record: CaseFile, file: string): string {
  const { $schema: _ignored, ...rest } = record;
  return `${JSON.stringify({ $schema: schemaPathFor(file), ...rest }, null, 2)}\n`;
}
