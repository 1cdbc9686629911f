/**
 * A content stream as its operations: each operator with the operands before it, as byte ranges
 * (ISO 32000-1 7.8.2: operands, then the operator that takes them). Keywords inside an array or a
 * dictionary (a BDC's inline property list) are operands, not operators. An inline image
 * (BI … ID <data> EI) is one operation, `BI`, whose range covers its data and the `EI`.
 * The operands are not kept: a page has some hundred thousand, and nothing here needs their values.
 */
import { inlineImageEnd, inlineImageParameters } from './inline-image.js';
import { isWhitespace, skipBlank, text, tokenAt, type Token } from './tokens.js';

export interface Operation {
  operator: string;
  /** Offset of its first operand, or of the operator when it has none. */
  start: number;
  /** Offset just past the operator (past the `EI` of an inline image). */
  end: number;
}

const OPERAND_KEYWORDS = new Set(['true', 'false', 'null']);

/** Where the inline image whose `BI` ends at `biEnd` ends, read from its parameters. */
function inlineImageEndAfter(bytes: Uint8Array, biEnd: number): number {
  const params: Token[] = [];
  for (let at = skipBlank(bytes, biEnd); at < bytes.length; ) {
    const token = tokenAt(bytes, at);
    if (token.kind === 'keyword' && text(bytes, token) === 'ID') {
      // ID is followed by exactly one white-space byte, then the data.
      const dataStart = token.end + (isWhitespace(bytes[token.end]) ? 1 : 0);
      return inlineImageEnd(bytes, dataStart, inlineImageParameters(bytes, params));
    }
    params.push(token);
    at = skipBlank(bytes, token.end);
  }
  return bytes.length;
}

/** Every operation of `bytes`, in order. Operands left with no operator at the end are dropped. */
export function operations(bytes: Uint8Array): Operation[] {
  const found: Operation[] = [];
  /** Where the operands of the next operator start, if it has any. */
  let operandsStart: number | undefined;
  let nesting = 0;
  for (let at = skipBlank(bytes, 0); at < bytes.length; ) {
    const token = tokenAt(bytes, at);
    at = skipBlank(bytes, token.end);
    const word = token.kind === 'keyword' && nesting === 0 ? text(bytes, token) : undefined;
    if (word === undefined || OPERAND_KEYWORDS.has(word)) {
      if (token.kind === 'array-open' || token.kind === 'dict-open') nesting += 1;
      else if ((token.kind === 'array-close' || token.kind === 'dict-close') && nesting > 0) nesting -= 1;
      operandsStart ??= token.start;
      continue;
    }
    const start = operandsStart ?? token.start;
    const end = word === 'BI' ? inlineImageEndAfter(bytes, token.end) : token.end;
    found.push({ operator: word, start, end });
    at = skipBlank(bytes, end);
    operandsStart = undefined;
  }
  return found;
}
