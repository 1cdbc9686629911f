/** The font book: bundled fonts read and parsed once per process, one stable array for Satori per fallback set. */
import { describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/cards/fonts.js';
import { BUNDLED_FONTS, loadBundledFonts } from '../../src/fonts/registry.js';
import { ROLES } from '../../src/cards/theme.js';

describe('loadFontBook', () => {
  it('is made once per process, from the shared registry’s bytes', async () => {
    const [first, second] = await Promise.all([loadFontBook(), loadFontBook()]);
    expect(first).toBe(second);
    expect(await loadFontBook()).toBe(first);
    const registry = await loadBundledFonts();
    expect(first.bundled).toHaveLength(BUNDLED_FONTS.length);
    first.bundled.forEach((font, index) => expect(font.data).toBe(registry[index]!.data));
  });

  it('hands Satori the same array for the same fallbacks, so its parse cache keeps hitting', async () => {
    const book = await loadFontBook();
    expect(book.satoriFonts()).toBe(book.satoriFonts([]));
    expect(book.satoriFonts().map((font) => `${font.name} ${font.weight} ${font.style}`)).toEqual(
      BUNDLED_FONTS.map((font) => `${font.family} ${font.weight} ${font.style}`),
    );
  });

  it('resolves a character the way Satori does: the asked-for family first, then the others in order', async () => {
    const book = await loadFontBook();
    expect(book.fontFor('A', ROLES.stamp.font)!.family).toBe('Special Elite');
    expect(book.fontFor('A', ROLES.quote.font)!.family).toBe('Courier Prime');
    // Neither typewriter face has Cyrillic: Plex Mono, next in the registry, draws it.
    expect(book.fontFor('Ж', ROLES.stamp.font)!.family).toBe('IBM Plex Mono');
    expect(book.fontFor('Ж', ROLES.quote.font)!.family).toBe('IBM Plex Mono');
    expect(book.fontFor('Ж', ROLES.body.font)!.family).toBe('IBM Plex Sans');
    expect(book.fontFor('\uE000', ROLES.body.font)).toBeUndefined();
  });
});
