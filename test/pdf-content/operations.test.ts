/**
 * A content stream as operations, on hand-written streams: operands go with the operator after
 * them, keywords in a property list are operands, and an inline image is one operation however
 * its data spells "EI" or "EMC".
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/pdf-content/operations.js';
import { text } from '../../src/pdf-content/tokens.js';

const ops = (source: string | Buffer) => {
  const bytes = typeof source === 'string' ? Buffer.from(source, 'latin1') : source;
  return operations(bytes).map((op) => ({ operator: op.operator, text: text(bytes, op) }));
};
const operators = (source: string | Buffer) => ops(source).map((op) => op.operator);

describe('operations', () => {
  it('gives each operator the operands before it', () => {
    expect(ops('q 1 0 0 1 10 20 cm 0 0 5 5 re f Q')).toEqual([
      { operator: 'q', text: 'q' },
      { operator: 'cm', text: '1 0 0 1 10 20 cm' },
      { operator: 're', text: '0 0 5 5 re' },
      { operator: 'f', text: 'f' },
      { operator: 'Q', text: 'Q' },
    ]);
  });

  it('keeps an inline property list, keywords and all, as operands of BDC', () => {
    expect(ops('/Span << /MCID 4 /Flag true /Nested << /K [1 null] >> /ActualText (EMC) >> BDC EMC')).toEqual([
      { operator: 'BDC', text: '/Span << /MCID 4 /Flag true /Nested << /K [1 null] >> /ActualText (EMC) >> BDC' },
      { operator: 'EMC', text: 'EMC' },
    ]);
  });

  it('keeps a TJ array whole', () => {
    expect(ops('BT [(Tj) -250 (ET) 3 <4546>] TJ ET')).toEqual([
      { operator: 'BT', text: 'BT' },
      { operator: 'TJ', text: '[(Tj) -250 (ET) 3 <4546>] TJ' },
      { operator: 'ET', text: 'ET' },
    ]);
  });

  it('reads an unfiltered inline image by its size, whatever its data spells', () => {
    // 8 × 2 grey pixels: 16 bytes that hold " EI ", "EMC" and a newline, then the real EI.
    const data = ' EI \nEMC\n) BDC (';
    expect(data).toHaveLength(16);
    expect(ops(`q BI /W 8 /H 2 /BPC 8 /CS /G ID ${data} EI Q`)).toEqual([
      { operator: 'q', text: 'q' },
      { operator: 'BI', text: `BI /W 8 /H 2 /BPC 8 /CS /G ID ${data} EI` },
      { operator: 'Q', text: 'Q' },
    ]);
  });

  it('sizes a 1-bit image mask and an RGB image from their parameters', () => {
    // 10 × 2 mask: 2 bytes a row; 1 × 1 RGB at 8 bits: 3 bytes.
    expect(operators('BI /IM true /W 10 /H 2 ID EIEI EI BI /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 ID EI\n EI S')).toEqual(['BI', 'BI', 'S']);
  });

  it('passes over a filtered image\'s " EI " followed by binary, and stops at the EI followed by operators', () => {
    const data = Buffer.concat([deflateSync(Buffer.from('image')), Buffer.from(' EI \x01\x02\xff EMC \x00\x9c'), deflateSync(Buffer.from('more'))]);
    const stream = Buffer.concat([Buffer.from('BI /W 4 /H 4 /BPC 8 /CS /RGB /F /Fl ID '), data, Buffer.from(' EI\n0 0 1 1 re f')]);
    const found = operations(stream);
    expect(found.map((op) => op.operator)).toEqual(['BI', 're', 'f']);
    expect(found[0]!.end).toBe(stream.indexOf(' EI\n0 0') + 3);
  });

  it('takes an ASCIIHex image to its > and a PDF 2.0 image to its /L', () => {
    expect(operators('BI /W 2 /H 1 /BPC 8 /CS /G /F /AHx ID 45 49> EI n')).toEqual(['BI', 'n']);
    expect(operators('BI /W 9 /H 9 /BPC 8 /CS /G /F /DCT /L 6 ID EI EI EI Q')).toEqual(['BI', 'Q']);
  });

  it('runs an image with no EI to the end of the stream', () => {
    expect(operators('q BI /W 1 /H 1 /F /Fl ID \x00\x01\x02')).toEqual(['q', 'BI']);
  });
});
