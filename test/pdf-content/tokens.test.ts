/** The content-stream lexer on hand-written streams: each kind of token, and the ones that hide delimiters. */
import { describe, expect, it } from 'vitest';
import { text, tokenize, type TokenKind } from '../../src/pdf-content/tokens.js';

const lex = (source: string): [TokenKind, string][] => {
  const bytes = Buffer.from(source, 'latin1');
  return tokenize(bytes).map((token) => [token.kind, text(bytes, token)]);
};

describe('tokenize', () => {
  it('reads numbers, names and operators apart', () => {
    expect(lex('1 -2 +.5 3. /F1 12.5 Tf /a#20b f* T*')).toEqual([
      ['number', '1'],
      ['number', '-2'],
      ['number', '+.5'],
      ['number', '3.'],
      ['name', '/F1'],
      ['number', '12.5'],
      ['keyword', 'Tf'],
      ['name', '/a#20b'],
      ['keyword', 'f*'],
      ['keyword', 'T*'],
    ]);
  });

  it('keeps a literal string whole through nested and escaped parentheses', () => {
    expect(lex('(a (b (c)) \\) \\( \\\\) Tj')).toEqual([
      ['string', '(a (b (c)) \\) \\( \\\\)'],
      ['keyword', 'Tj'],
    ]);
    // An escaped backslash before the closing parenthesis does not escape it.
    expect(lex('(x\\\\)(y)')).toEqual([
      ['string', '(x\\\\)'],
      ['string', '(y)'],
    ]);
  });

  it('reads operator names inside strings and comments as no operators', () => {
    expect(lex('(BDC) Tj % EMC ET (\n(EMC \\) BMC) Tj')).toEqual([
      ['string', '(BDC)'],
      ['keyword', 'Tj'],
      ['string', '(EMC \\) BMC)'],
      ['keyword', 'Tj'],
    ]);
  });

  it('tells hex strings from dictionaries, and reads arrays', () => {
    expect(lex('<00 2a>Tj<</MCID 3/Alt<41>>>BDC[(a)-20<62>]TJ')).toEqual([
      ['hex-string', '<00 2a>'],
      ['keyword', 'Tj'],
      ['dict-open', '<<'],
      ['name', '/MCID'],
      ['number', '3'],
      ['name', '/Alt'],
      ['hex-string', '<41>'],
      ['dict-close', '>>'],
      ['keyword', 'BDC'],
      ['array-open', '['],
      ['string', '(a)'],
      ['number', '-20'],
      ['hex-string', '<62>'],
      ['array-close', ']'],
      ['keyword', 'TJ'],
    ]);
  });

  it('treats every PDF white-space byte as white space', () => {
    expect(lex('q\x00Q\tq\fQ\r\nn')).toEqual([
      ['keyword', 'q'],
      ['keyword', 'Q'],
      ['keyword', 'q'],
      ['keyword', 'Q'],
      ['keyword', 'n'],
    ]);
  });

  it('runs an unterminated string to the end of the stream instead of failing', () => {
    expect(lex('(open (string) Tj')).toEqual([['string', '(open (string) Tj']]);
    expect(lex('<4142')).toEqual([['hex-string', '<4142']]);
  });
});
