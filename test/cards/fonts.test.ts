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

  it('measures a string once and scales it: widths are linear in the size, and a new fallback is seen at once', async () => {
    const { FontBook } = await import('../../src/cards/fonts.js');
    const shared = await loadFontBook();
    // A book of its own, so adding a fallback here leaves the process's book alone.
    const book = new FontBook([...shared.bundled]);
    const text = 'Lead Infrastructure Engineer';
    const at20 = book.measure(text, ROLES.body.font, 20, 0.1);
    expect(book.measure(text, ROLES.body.font, 40, 0.1)).toBeCloseTo(at20 * 2, 6);
    expect(at20).toBeCloseTo(shared.measure(text, ROLES.body.font, 20, 0.1), 6);
    const arabic = 'مهندس';
    const before = book.measure(arabic, ROLES.body.font, 20, 0, ['Noto Naskh Arabic']);
    const { createFallbackFinder } = await import('../../src/cards/glyphs.js');
    expect(createFallbackFinder(book, { systemFonts: false }).find('م')!.family).toBe('Noto Naskh Arabic');
    // Measured with the .notdef before, with Noto Naskh's glyphs after: the cached width must not survive.
    expect(book.measure(arabic, ROLES.body.font, 20, 0, ['Noto Naskh Arabic'])).not.toBeCloseTo(before, 1);
  });
});
