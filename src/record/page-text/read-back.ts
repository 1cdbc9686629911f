/**
 * Reading a page text back and comparing it with the record it was written from: what export
 * checks before it hands a text out.
 */
import { isCasefileError } from '../../errors.js';
import type { PathSegment } from '../json-path.js';
import type { CaseFile } from '../schema.js';
import { parsePageText } from './parse.js';

export type ReadBack =
  | { ok: true }
  /** The reader refused the text. */
  | { ok: false; refused: string; line?: number }
  /** The text read, as a different record: the first value that differs. */
  | { ok: false; differs: readonly PathSegment[]; expected: unknown; received: unknown };

/** The record as JSON holds it, without "$schema": what a text must give back. */
export function comparableRecord(record: CaseFile): unknown {
  const { $schema: _schema, ...rest } = record;
  return JSON.parse(JSON.stringify(rest));
}

export function readBack(text: string, expected: unknown): ReadBack {
  let record: CaseFile;
  try {
    // No slugs are known: a bare arrow must read as no slug, whatever the data folder holds.
    record = parsePageText(text, { file: '(page text)', knownSlugs: new Set() }).record;
  } catch (error) {
    if (!isCasefileError(error)) throw error;
    return { ok: false, refused: error.message, ...(error.line === undefined ? {} : { line: error.line }) };
  }
  const received = comparableRecord(record);
  const differs = firstDifference(expected, received, []);
  return differs === undefined ? { ok: true } : { ok: false, differs, expected: at(expected, differs), received: at(received, differs) };
}

/** The path of the first value that differs, walking `expected` in its own key order. */
export function firstDifference(expected: unknown, received: unknown, path: readonly PathSegment[]): readonly PathSegment[] | undefined {
  if (Array.isArray(expected) && Array.isArray(received)) {
    for (let index = 0; index < Math.max(expected.length, received.length); index += 1) {
      const found = firstDifference(expected[index], received[index], [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (isPlainObject(expected) && isPlainObject(received)) {
    const keys = [...Object.keys(expected), ...Object.keys(received).filter((key) => !Object.hasOwn(expected, key))];
    for (const key of keys) {
      const found = firstDifference(expected[key], received[key], [...path, key]);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(expected, received) ? undefined : path;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(root: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>((value, segment) => (isPlainObject(value) || Array.isArray(value) ? (value as Record<PathSegment, unknown>)[segment] : undefined), root);
}
