/**
 * JSON text to a value, keeping a syntax tree so that later stages can point at the
 * line and column of any JSON path. jsonc-parser is run in strict JSON mode: it is only
 * here for its error offsets and node positions, which JSON.parse does not give.
 */
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { CasefileError } from '../errors.js';
import type { PathSegment } from './json-path.js';

export interface ParsedJson {
  value: unknown;
  /** Line and column (1-based) of the value at a JSON path, or of its nearest existing parent. */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): { line: number; column: number };
}

const BYTE_ORDER_MARK = '\uFEFF';

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

function describeParseError(error: ParseError, text: string): string {
  const found = text.slice(error.offset, error.offset + Math.max(error.length, 1));
  const what = printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return found.trim() === '' ? `invalid JSON: ${what}` : `invalid JSON: ${what}, found ${JSON.stringify(found)}`;
}

export function parseJson(rawText: string, file: string): ParsedJson {
  const text = rawText.startsWith(BYTE_ORDER_MARK) ? rawText.slice(1) : rawText;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const firstError = errors[0];
  if (firstError !== undefined || tree === undefined) {
    const offset = firstError?.offset ?? 0;
    const { line, column } = lineAndColumn(text, offset);
    const message = firstError ? describeParseError(firstError, text) : 'invalid JSON: the file is empty';
    throw new CasefileError('E_JSON', message, { file, line, column, path: '$' });
  }
  // jsonc-parser has accepted it as strict JSON; JSON.parse builds the value the standard way.
  const value: unknown = JSON.parse(text);

  return {
    value,
    locate(path, options = {}) {
      const node = nearestNode(tree, path);
      const offset = options.key && node.parent?.type === 'property' ? node.parent.offset : node.offset;
      return lineAndColumn(text, offset);
    },
  };
}

function nearestNode(tree: Node, path: readonly PathSegment[]): Node {
  for (let length = path.length; length > 0; length -= 1) {
    const node = findNodeAtLocation(tree, path.slice(0, length) as PathSegment[]);
    if (node !== undefined) return node;
  }
  return tree;
}
