/**
 * A JSON settings file checked against a zod schema, failing like a record does: one
 * CasefileError naming the file, line, column, JSON path, what was expected and what was received.
 */
import type { z } from 'zod';
import { CasefileError } from '../errors.js';
import { formatJsonPath, type PathSegment } from './json-path.js';
import { describeIssues } from './issues.js';
import { parseJson, type ParsedJson } from './parse.js';

export interface CheckedFile<T> {
  value: T;
  file: string;
  /** Line and column of a JSON path in the file, for errors found after validation (a missing logo). */
  locate: ParsedJson['locate'];
}

export function checkJsonFile<S extends z.ZodType>(text: string, file: string, schema: S): CheckedFile<z.infer<S>> {
  const parsed = parseJson(text, file);
  const result = schema.safeParse(parsed.value);
  if (result.success) return { value: result.data, file, locate: parsed.locate };
  const problem = describeIssues(result.error.issues, parsed.value)[0]!;
  const jsonPath = formatJsonPath(problem.path);
  throw new CasefileError('E_SCHEMA', `${jsonPath}: ${problem.message}`, {
    file,
    path: jsonPath,
    ...parsed.locate(problem.path, problem.atKey ? { key: true } : undefined),
  });
}

export function locateIn(checked: Pick<CheckedFile<unknown>, 'file' | 'locate'>, segments: readonly PathSegment[]) {
  return { file: checked.file, path: formatJsonPath(segments), ...checked.locate(segments) };
}
