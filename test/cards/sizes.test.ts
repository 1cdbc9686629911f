import { describe, expect, it } from 'vitest';
import { assertPixelBudget, cardShape, parseScale, parseSize, SIZE_PRESETS } from '../../src/cards/sizes.js';

describe('parseSize', () => {
  it('knows every preset with its platform dimensions', () => {
    expect(parseSize('og')).toEqual({ name: 'og', width: 1200, height: 630 });
    expect(parseSize('x')).toEqual({ name: 'x', width: 1200, height: 600 });
    expect(parseSize('linkedin')).toEqual({ name: 'linkedin', width: 1200, height: 627 });
    expect(parseSize('square')).toEqual({ name: 'square', width: 1080, height: 1080 });
    expect(parseSize('story')).toEqual({ name: 'story', width: 1080, height: 1920 });
    expect(Object.keys(SIZE_PRESETS)).toEqual(['og', 'x', 'linkedin', 'square', 'story']);
  });

  it('reads WIDTHxHEIGHT and normalises its name', () => {
    expect(parseSize('800x418')).toEqual({ name: '800x418', width: 800, height: 418 });
    expect(parseSize(' 0800x0418 ')).toEqual({ name: '800x418', width: 800, height: 418 });
    expect(parseSize('OG').name).toBe('og');
  });

  it('rejects an unknown name with what is allowed and what was received', () => {
    expect(() => parseSize('huge')).toThrow(
      'Invalid card size "huge". Allowed values: og, x, linkedin, square, story or WIDTHxHEIGHT in pixels (e.g. 800x418).',
    );
    expect(() => parseSize('800x')).toThrow(/Invalid card size "800x"/);
    expect(() => parseSize('800*418')).toThrow(/Invalid card size/);
  });

  it('rejects sides outside the bounds, naming the side', () => {
    expect(() => parseSize('100x400')).toThrow('Invalid card width in "100x400". Allowed: 200 to 4096 pixels. Received: 100.');
    expect(() => parseSize('400x5000')).toThrow(/Invalid card height .* Received: 5000\./);
    // Caught and returned, so a parseSize that stopped throwing fails here instead of skipping the checks.
    const error = ((): unknown => {
      try {
        parseSize('1x1');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'E_USAGE', exitCode: 2 });
  });
});

describe('parseScale and the pixel budget', () => {
  it('accepts 1 to 4 and nothing else', () => {
    expect(parseScale(2)).toBe(2);
    expect(parseScale('1.5')).toBe(1.5);
    expect(() => parseScale(0)).toThrow(/Invalid card scale.*Received: 0/);
    expect(() => parseScale(Number.NaN)).toThrow(/Invalid card scale/);
    expect(() => parseScale(5)).toThrow(/from 1 to 4/);
  });

  it('allows story at 2x but not a 4096 square at 4x', () => {
    expect(() => assertPixelBudget(parseSize('story'), 2)).not.toThrow();
    expect(() => assertPixelBudget(parseSize('4096x4096'), 4)).toThrow(/at most 16777216 pixels/);
  });
});

describe('cardShape', () => {
  it('sorts the presets into the three arrangements layouts know', () => {
    expect(cardShape(1200, 630)).toBe('wide');
    expect(cardShape(1200, 600)).toBe('wide');
    expect(cardShape(1080, 1080)).toBe('square');
    expect(cardShape(1080, 1350)).toBe('square');
    expect(cardShape(1080, 1920)).toBe('tall');
  });
});
