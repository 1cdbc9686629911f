/** Cutting alt text to its bound: after a whole word, with an ellipsis, never past the bound. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipOnWord } from '../../../src/cards/alt-text/clip.js';

const length = (text: string) => Array.from(text).length;

describe('clipOnWord', () => {
  it('leaves a text that fits as it is', () => {
    expect(clipOnWord('Flight risk 85%, HIGH RISK.', 27)).toBe('Flight risk 85%, HIGH RISK.');
  });

  it('cuts after the last whole word that fits, and ends with an ellipsis', () => {
    expect(clipOnWord('alpha beta gamma', 12)).toBe('alpha beta…');
    // The cut falls on the space itself: the word before it is whole and stays.
    expect(clipOnWord('alpha beta gamma', 11)).toBe('alpha beta…');
    expect(clipOnWord('alpha beta gamma', 10)).toBe('alpha…');
  });

  it('drops punctuation and opening quotes the cut leaves dangling before the ellipsis', () => {
    expect(clipOnWord('one, two three', 6)).toBe('one…');
    expect(clipOnWord('He said “never again” twice', 10)).toBe('He said…');
  });

  it('cuts inside a word only when one word alone is longer than the bound', () => {
    expect(clipOnWord('https://example.org/a/very/long/path', 10)).toBe('https://e…');
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(clipOnWord('😀😀😀😀', 3)).toBe('😀😀…');
  });

  it('is never longer than the bound, and what it keeps is the start of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.integer({ min: 1, max: 100 }), (text, max) => {
        const clipped = clipOnWord(text, max);
        expect(length(clipped)).toBeLessThanOrEqual(max);
        if (length(text) <= max) expect(clipped).toBe(text);
        else expect(text.startsWith(clipped.slice(0, -1))).toBe(true);
      }),
    );
  });
});
