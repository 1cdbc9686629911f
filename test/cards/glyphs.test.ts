/**
 * Glyph coverage: Cyrillic and Greek from the bundled Plex Sans, Arabic from the packaged Noto
 * Naskh, Chinese and Japanese from a system font found through fontconfig (Debian's
 * fonts-droid-fallback), emoji from @twemoji/svg; and a warning naming what nothing covers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FontBook, loadFontBook, isEmojiGrapheme, segmentGraphemes } from '../../src/cards/fonts.js';
import { checkCoverage, createFallbackFinder, emojiDataUri, twemojiCode } from '../../src/cards/glyphs.js';
import { planCards } from '../../src/cards/plan.js';
import { renderCard } from '../../src/cards/render.js';
import { layoutCard } from '../helpers/card-layout.js';
import { ROLES } from '../../src/cards/theme.js';
import type { CaseFile } from '../../src/record/schema.js';
import { decodePng } from '../helpers/png.js';
import { loadDataRecord } from '../helpers/records.js';

let lead: CaseFile;
beforeAll(() => {
  lead = loadDataRecord('lead-infrastructure-engineer');
});

const SAMPLES = {
  cyrillic: 'Ведущий инженер инфраструктуры',
  greek: 'Τι κάνει πραγματικά;',
  chinese: '基础设施首席工程师',
  japanese: 'インフラ責任者',
  arabic: 'مهندس البنية التحتية',
  emoji: 'Paid in exposure 💸🔥 and 👩‍💻 on call',
};

function multilingual(): CaseFile {
  const record = structuredClone(lead);
  record.title = SAMPLES.cyrillic;
  record.question = SAMPLES.greek;
  record.aliases = [SAMPLES.chinese, SAMPLES.japanese, SAMPLES.arabic, SAMPLES.emoji];
  return record;
}

describe('glyph coverage', () => {
  it('finds a real glyph (not .notdef) for every character of every script that has a fallback', async () => {
    const book = await loadFontBook();
    const finder = createFallbackFinder(book);
    const coverage = checkCoverage(Object.values(SAMPLES), book, finder);
    expect(coverage.missing).toEqual([]);
    expect(coverage.fallbackFamilies).toContain('Noto Naskh Arabic');
    expect(coverage.fallbackFamilies.some((family) => family.endsWith('(fallback)'))).toBe(true);
    for (const [script, text] of Object.entries(SAMPLES)) {
      for (const grapheme of segmentGraphemes(text)) {
        if (grapheme.trim() === '') continue;
        if (isEmojiGrapheme(grapheme)) {
          expect(emojiDataUri(grapheme), `${script} ${grapheme}`).toMatch(/^data:image\/svg\+xml;base64,/);
          continue;
        }
        const font = book.fontFor(grapheme, ROLES.body.font, coverage.fallbackFamilies);
        expect(font, `${script} ${grapheme}`).toBeDefined();
        expect(font!.parsed.charToGlyphIndex(grapheme), `${script} ${grapheme}`).toBeGreaterThan(0);
      }
    }
    // Cyrillic and Greek need no fallback: the bundled Plex Sans draws them.
    expect(book.fontFor('Ж', ROLES.body.font)!.source).toBe('bundled');
    expect(book.fontFor('λ', ROLES.body.font)!.source).toBe('bundled');
  });

  it('loads no fallback font at all for Latin-only text', async () => {
    const shared = await loadFontBook();
    const book = new FontBook([...shared.bundled]);
    const finder = createFallbackFinder(book);
    const latin = JSON.stringify(lead);
    expect(checkCoverage([latin, 'Café, naïve, Œuvre — “quotes” … 100 %'], book, finder)).toEqual({ fallbackFamilies: [], missing: [] });
    expect(book.fallbackFonts).toEqual([]);
    checkCoverage([SAMPLES.arabic], book, finder);
    expect(book.fallbackFonts.map((font) => font.family)).toEqual(['Noto Naskh Arabic', 'Noto Naskh Arabic']);
  });

  it('names emoji files the way twemoji does (VS16 dropped, kept in ZWJ sequences)', () => {
    expect(twemojiCode('🔥')).toBe('1f525');
    expect(twemojiCode('❤️')).toBe('2764');
    expect(twemojiCode('👩‍💻')).toBe('1f469-200d-1f4bb');
    expect(emojiDataUri('\u{10FFFD}')).toBeUndefined();
  });

  it('renders a multilingual cover with no warnings, emoji as images, and ink where the scripts are', async () => {
    const record = multilingual();
    const [job] = planCards(record, { sections: ['cover'], formats: ['png', 'svg'] });
    const card = await renderCard(record, job!);
    expect(card.warnings).toEqual([]);
    // Three emoji graphemes in the aliases, each an embedded twemoji SVG.
    expect(card.svg!.match(/data:image\/svg\+xml;base64,/g)?.length).toBeGreaterThanOrEqual(3);
    const { fallbackFamilies, missing } = await layoutCard(record, job!);
    expect(missing).toEqual([]);
    expect(fallbackFamilies).toContain('Noto Naskh Arabic');
    const image = decodePng(card.png!);
    expect([image.width, image.height]).toEqual([1200, 630]);
  });

  it('draws fallback glyphs as outlines, not as the empty .notdef box', async () => {
    const book = await loadFontBook();
    const finder = createFallbackFinder(book);
    for (const char of ['基', 'イ', 'م']) {
      const font = finder.find(char)!;
      const glyph = font.parsed.charToGlyph(char);
      const notdef = font.parsed.glyphs.get(0);
      expect(glyph.index).toBeGreaterThan(0);
      expect(glyph.path.commands.length).toBeGreaterThan(4);
      expect(glyph.path.toPathData(2)).not.toBe(notdef.path.toPathData(2));
    }
  });

  it('warns, naming the card and the characters, when no font covers them', async () => {
    const record = structuredClone(lead);
    record.title = `Lead \uE000 Engineer \u{10FFFD}`;
    const [job] = planCards(record, { sections: ['salary'] });
    const card = await renderCard(record, job!);
    const warning = card.warnings.find((line) => line.includes('font covers'));
    expect(warning).toBeDefined();
    expect(warning).toMatch(/^card "lead-infrastructure-engineer\/salary" \(og 1200x630\): /);
    expect(warning).toContain('U+E000');
    expect(warning).toContain('U+10FFFD');
  });
});
