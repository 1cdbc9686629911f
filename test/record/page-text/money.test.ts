import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figuresIn, plainDecimal, readFigure, writeFigure } from '../../../src/record/page-text/money.js';

const read = (text: string) => {
  const figure = readFigure(text);
  return figure.ok ? [figure.amount, figure.currency] : figure.reason;
};

describe('readFigure', () => {
  it('reads a figure with its symbol or ISO code, before or after the number', () => {
    expect(read('$188,924')).toEqual([188924, 'USD']);
    expect(read('€72,000')).toEqual([72000, 'EUR']);
    expect(read('£65,500')).toEqual([65500, 'GBP']);
    expect(read('¥8,500,000')).toEqual([8500000, 'JPY']);
    expect(read('CN¥420,000')).toEqual([420000, 'CNY']);
    expect(read('A$145,000')).toEqual([145000, 'AUD']);
    expect(read('CHF 145,000')).toEqual([145000, 'CHF']);
    expect(read('540,000 SEK')).toEqual([540000, 'SEK']);
    expect(read('72 000 €')).toEqual([72000, 'EUR']);
    expect(read('₹2,450,000')).toEqual([2450000, 'INR']);
  });

  it('reads decimals and K or M exactly', () => {
    expect(read('$52,500.50')).toEqual([52500.5, 'USD']);
    expect(read('$188K')).toEqual([188000, 'USD']);
    expect(read('€1.15M')).toEqual([1150000, 'EUR']);
    expect(read('$0.000001')).toEqual([0.000001, 'USD']);
  });

  it('refuses an unknown symbol, a missing currency and a figure readable two ways', () => {
    expect(read('¤188,924')).toMatch(/unknown currency symbol "¤"/);
    expect(read('₿2.5')).toMatch(/unknown currency symbol "₿"/);
    expect(read('kr 540,000')).toMatch(/unknown currency symbol "kr"/);
    expect(read('188,924')).toMatch(/no currency/);
    expect(read('€72.000')).toMatch(/two ways/);
    expect(read('€72.000,50')).toMatch(/two ways/);
    expect(read('$12,34')).toMatch(/two ways/);
    expect(read('$lots')).toMatch(/not a number/);
  });
});

describe('figuresIn', () => {
  it('finds the figures in prose, without the punctuation after them', () => {
    expect(figuresIn('top earners reaching nearly $260,000, often more; some say €1.2M.').map((figure) => figure.text)).toEqual(['$260,000', '€1.2M']);
    expect(figuresIn('a CEO 5 years in').map((figure) => figure.text)).toEqual([]);
    expect(figuresIn('reaching SEK 600,000 or 650,000 NOK').map((figure) => figure.text)).toEqual(['SEK 600,000', '650,000 NOK']);
  });
});

describe('writeFigure', () => {
  it('writes the symbol where one stands for the currency, the ISO code elsewhere', () => {
    expect(writeFigure(188924, 'USD')).toBe('$188,924');
    expect(writeFigure(540000, 'SEK')).toBe('SEK 540,000');
    expect(writeFigure(1.123, 'EUR')).toBe('€1.1230');
  });

  it('reads back every amount exactly, exponents included', () => {
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e25, noNaN: true, noDefaultInfinity: true }), fc.constantFrom('USD', 'EUR', 'JPY', 'SEK', 'XQZ'), (amount, currency) => {
        expect(read(writeFigure(amount, currency))).toEqual([amount, currency]);
      }),
      { numRuns: 500 },
    );
  });
});
