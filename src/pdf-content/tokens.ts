/**
 * The lexical tokens of a PDF content stream (ISO 32000-1 7.2, 7.3), as byte ranges of the
 * stream: the rewriting steps copy the original bytes and only insert between tokens, so a token
 * never needs its value decoded, only its extent. Comments and whitespace are not tokens.
 *
 * Lenient as PDF readers are: an unterminated string or hex string runs to the end of the stream
 * rather than failing, since the stream came from a printer and is drawn by readers anyway.
 * Inline image data is not tokens: operations.ts skips over it (inline-image.ts finds its end).
 */

export type TokenKind =
  | 'number'
  | 'name'
  | 'string'
  | 'hex-string'
  | 'array-open'
  | 'array-close'
  | 'dict-open'
  | 'dict-close'
  /** Operators, and true, false and null. */
  | 'keyword'
  /** `{`, `}` and a stray `>` or `)`: meaningless in a content stream, kept so nothing is lost. */
  | 'other';

export interface Token {
  kind: TokenKind;
  /** Offset of the token's first byte. */
  start: number;
  /** Offset just past its last byte. */
  end: number;
}

const WHITESPACE = new Uint8Array(256);
for (const code of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[code] = 1;
const DELIMITER = new Uint8Array(256);
for (const char of '()<>[]{}/%') DELIMITER[char.charCodeAt(0)] = 1;

const at = (char: string) => char.charCodeAt(0);
const [PAREN_OPEN, PAREN_CLOSE, ANGLE_OPEN, ANGLE_CLOSE, BRACKET_OPEN, BRACKET_CLOSE, SLASH, PERCENT, BACKSLASH, CR, LF] = [
  at('('),
  at(')'),
  at('<'),
  at('>'),
  at('['),
  at(']'),
  at('/'),
  at('%'),
  at('\\'),
  0x0d,
  0x0a,
];

export const isWhitespace = (code: number | undefined): boolean => code !== undefined && WHITESPACE[code] === 1;
export const isDelimiter = (code: number | undefined): boolean => code !== undefined && DELIMITER[code] === 1;
const isRegular = (code: number | undefined): boolean => code !== undefined && !WHITESPACE[code] && !DELIMITER[code];

/** Offset past a literal string opened at `start`: parentheses balance, a backslash escapes the next byte. */
function literalStringEnd(bytes: Uint8Array, start: number): number {
  let depth = 0;
  let index = start;
  while (index < bytes.length) {
    const code = bytes[index]!;
    if (code === BACKSLASH) index += 1;
    else if (code === PAREN_OPEN) depth += 1;
    else if (code === PAREN_CLOSE && --depth === 0) return index + 1;
    index += 1;
  }
  return bytes.length;
}

/** Offset of the next token at or after `from` (past whitespace and comments). */
export function skipBlank(bytes: Uint8Array, from: number): number {
  let index = from;
  while (index < bytes.length) {
    const code = bytes[index]!;
    if (WHITESPACE[code]) index += 1;
    else if (code === PERCENT) {
      while (index < bytes.length && bytes[index] !== CR && bytes[index] !== LF) index += 1;
    } else break;
  }
  return index;
}

const [DIGIT_0, DIGIT_9, PLUS, MINUS, DOT] = [at('0'), at('9'), at('+'), at('-'), at('.')];

/** A number (ISO 32000-1 7.3.3): a sign, digits and at most one point. Read off the bytes: most tokens of a page are numbers. */
function isNumber(bytes: Uint8Array, start: number, end: number): boolean {
  let digits = 0;
  let points = 0;
  for (let index = start; index < end; index += 1) {
    const code = bytes[index]!;
    if (code >= DIGIT_0 && code <= DIGIT_9) digits += 1;
    else if (code === DOT) points += 1;
    else if (!((code === PLUS || code === MINUS) && index === start)) return false;
  }
  return digits > 0 && points <= 1;
}

/** The token starting at `start` (which must not be whitespace or a comment). */
export function tokenAt(bytes: Uint8Array, start: number): Token {
  const code = bytes[start]!;
  const token = (kind: TokenKind, end: number): Token => ({ kind, start, end });
  if (code === PAREN_OPEN) return token('string', literalStringEnd(bytes, start));
  if (code === ANGLE_OPEN) {
    if (bytes[start + 1] === ANGLE_OPEN) return token('dict-open', start + 2);
    const close = bytes.indexOf(ANGLE_CLOSE, start + 1);
    return token('hex-string', close < 0 ? bytes.length : close + 1);
  }
  if (code === ANGLE_CLOSE) return bytes[start + 1] === ANGLE_CLOSE ? token('dict-close', start + 2) : token('other', start + 1);
  if (code === BRACKET_OPEN) return token('array-open', start + 1);
  if (code === BRACKET_CLOSE) return token('array-close', start + 1);
  let end = start + 1;
  while (isRegular(bytes[end])) end += 1;
  if (code === SLASH) return token('name', end);
  if (!isRegular(code)) return token('other', start + 1);
  return token(isNumber(bytes, start, end) ? 'number' : 'keyword', end);
}

/** A token's bytes as text (Latin-1: one character a byte). */
export function text(bytes: Uint8Array, range: { start: number; end: number }): string {
  const length = range.end - range.start;
  // Operators are one to three letters: made directly, they cost no copy.
  if (length === 1) return String.fromCharCode(bytes[range.start]!);
  if (length === 2) return String.fromCharCode(bytes[range.start]!, bytes[range.start + 1]!);
  return Buffer.from(bytes.buffer, bytes.byteOffset + range.start, length).toString('latin1');
}

/** Every token of `bytes`, in order. */
export function tokenize(bytes: Uint8Array): Token[] {
  const tokens: Token[] = [];
  for (let index = skipBlank(bytes, 0); index < bytes.length; index = skipBlank(bytes, tokens.at(-1)!.end)) {
    tokens.push(tokenAt(bytes, index));
  }
  return tokens;
}
