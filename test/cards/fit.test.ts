import { beforeAll, describe, expect, it } from 'vitest';
import { createTypeSetter, ELLIPSIS, fitList, fitText, tokenize, WIDTH_SAFETY, wrap, type TypeSetter } from '../../src/cards/fit.js';
import { loadFontBook } from '../../src/cards/fonts.js';
import { ROLES } from '../../src/cards/theme.js';

let setter: TypeSetter;
beforeAll(async () => {
  setter = createTypeSetter(await loadFontBook(), []);
});

const LONG =
  'Arbitrary availability and performance targets, meticulously tracked in dashboards, which serve as a shield against accountability and a reason to demand more resources for reliability initiatives when targets are missed due to external factors.';
const words = new Set(LONG.split(/\s+/));

describe('measuring', () => {
  it('measures with the real fonts: wider type, wider text; letter-spacing counts', () => {
    const narrow = setter.width('INFRASTRUCTURE', ROLES.roleTitle, 30);
    const wide = setter.width('INFRASTRUCTURE', { ...ROLES.roleTitle, font: { family: 'mono', weight: 600, style: 'normal' } }, 30);
    expect(narrow).toBeGreaterThan(150);
    expect(wide).toBeGreaterThan(narrow);
    expect(setter.width('abc', ROLES.body, 40)).toBeCloseTo(setter.width('abc', ROLES.body, 20) * 2, 5);
    expect(setter.width('MMMM', ROLES.mark, 20)).toBeGreaterThan(setter.width('MMMM', { ...ROLES.mark, letterSpacing: 0 }, 20));
  });
});

describe('wrap', () => {
  it('never fills a line past the box and never loses or splits a word', () => {
    for (const width of [180, 260, 420, 900]) {
      const { lines, overlong } = wrap(LONG, ROLES.body, 21, width, setter);
      expect(overlong).toBe(false);
      for (const line of lines) expect(setter.width(line, ROLES.body, 21)).toBeLessThanOrEqual(width * WIDTH_SAFETY);
      expect(lines.join(' ')).toBe(LONG);
    }
  });

  it('splits a word only when it alone is wider than the line', () => {
    const url = 'https://internal.example/a/very/long/path/that/cannot/break/anywhere/else';
    const { lines, overlong } = wrap(`see ${url} now`, ROLES.body, 21, 200, setter);
    expect(overlong).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe(`see${url}now`);
    for (const line of lines) expect(setter.width(line, ROLES.body, 21)).toBeLessThanOrEqual(200 * WIDTH_SAFETY);
  });

  it('breaks Chinese and Japanese between characters, other scripts between words', () => {
    expect(tokenize('基础设施 engineer').map((token) => token.text)).toEqual(['基', '础', '设', '施', 'engineer']);
    expect(tokenize('インフラ責任者').map((token) => token.spaced)).toEqual([false, false, false, false, false, false, false]);
    expect(tokenize('  Ведущий   инженер ').map((token) => token.text)).toEqual(['Ведущий', 'инженер']);
  });
});

describe('fitText', () => {
  it('keeps the full size when the text fits', () => {
    const fitted = fitText('Short line', { role: ROLES.body, unit: 1, width: 600, maxLines: 1 }, setter);
    expect(fitted).toMatchObject({ lines: ['Short line'], size: 21, truncated: false });
  });

  it('shrinks within the role bounds before it truncates', () => {
    // Five lines at 21 px, four at 17 px (checked with these fonts).
    const fitted = fitText(LONG, { role: ROLES.body, unit: 1, width: 600, maxLines: 4 }, setter);
    expect(fitted.truncated).toBe(false);
    expect(fitted.size).toBeLessThan(ROLES.body.size);
    expect(fitted.size).toBeGreaterThanOrEqual(ROLES.body.min);
    expect(fitted.lines.join(' ')).toBe(LONG);
    expect(fitted.height).toBe(fitted.lines.length * fitted.lineHeight);
  });

  it('truncates at the smallest size with an ellipsis after whole words', () => {
    const fitted = fitText(LONG, { role: ROLES.body, unit: 1, width: 300, maxLines: 2 }, setter);
    expect(fitted.truncated).toBe(true);
    expect(fitted.size).toBe(ROLES.body.min);
    expect(fitted.lines).toHaveLength(2);
    const last = fitted.lines[1]!;
    expect(last.endsWith(ELLIPSIS)).toBe(true);
    for (const word of fitted.lines.join(' ').slice(0, -1).split(' ')) expect(words.has(word) || words.has(`${word},`)).toBe(true);
    for (const line of fitted.lines) expect(setter.width(line, ROLES.body, fitted.size)).toBeLessThanOrEqual(300 * WIDTH_SAFETY);
  });

  it('respects a height limit as well as a line limit', () => {
    const fitted = fitText(LONG, { role: ROLES.body, unit: 1, width: 400, maxLines: 10, maxHeight: 40 }, setter);
    expect(fitted.height).toBeLessThanOrEqual(40);
    expect(fitted.truncated).toBe(true);
  });

  it('lets a short text grow when asked, and a long one still shrink', () => {
    expect(fitText('SDET', { role: ROLES.coverTitle, unit: 1, width: 700, maxLines: 3, grow: 1.5 }, setter).size).toBe(132);
    const long = fitText('Lead Infrastructure Engineer', { role: ROLES.coverTitle, unit: 1, width: 500, maxLines: 3, grow: 1.5 }, setter);
    expect(long.size).toBeLessThan(ROLES.coverTitle.size);
    expect(long.truncated).toBe(false);
  });

  it('scales its bounds with the card unit', () => {
    const fitted = fitText('Short', { role: ROLES.body, unit: 1.5, width: 600, maxLines: 1 }, setter);
    expect(fitted.size).toBe(31.5);
  });
});

describe('fitList', () => {
  const item = (text: string) => ({ parts: [{ text, role: ROLES.itemTitle, width: 500, maxLines: 2, minLines: 1 }, { text: LONG, role: ROLES.body, width: 500, maxLines: 6, minLines: 2 }] });

  it('fits a short list whole at full size', () => {
    const fit = fitList([item('One'), item('Two')], { unit: 1, height: 2000, gap: 10, moreHeight: 20 }, setter);
    expect(fit).toMatchObject({ hidden: 0, truncated: 0, factor: 1, overflow: false });
  });

  it('shrinks, then truncates, then moves items to "+N more", and stays inside the box', () => {
    const specs = Array.from({ length: 40 }, (_, index) => item(`Item ${index + 1}`));
    const fit = fitList(specs, { unit: 1, height: 380, gap: 12, moreHeight: 20 }, setter);
    expect(fit.hidden).toBeGreaterThan(30);
    expect(fit.items.length + fit.hidden).toBe(40);
    expect(fit.factor).toBeLessThan(1);
    expect(fit.truncated).toBeGreaterThan(0);
    const used = fit.heights.reduce((sum, height) => sum + height, 0) + 12 * (fit.heights.length - 1) + 12 + 20;
    expect(used).toBeLessThanOrEqual(380);
  });

  it('counts rows, not items, when it sets them in columns', () => {
    const specs = Array.from({ length: 6 }, (_, index) => item(`Item ${index}`));
    const oneColumn = fitList(specs, { unit: 1, height: 700, gap: 10, moreHeight: 20 }, setter);
    const threeColumns = fitList(specs, { unit: 1, height: 700, gap: 10, moreHeight: 20, columns: 3 }, setter);
    // Two rows of three fit whole at full size; six stacked rows had to give something up.
    expect(threeColumns).toMatchObject({ hidden: 0, truncated: 0, factor: 1 });
    expect(oneColumn.factor < 1 || oneColumn.truncated > 0 || oneColumn.hidden > 0).toBe(true);
  });

  it('grows a short list to fill a big box only when allowed to', () => {
    const short = { parts: [{ text: 'One short line', role: ROLES.itemTitle, width: 500, maxLines: 2 }] };
    const grown = fitList([short], { unit: 1, height: 2000, gap: 10, moreHeight: 20, grow: 1.5 }, setter);
    expect(grown.factor).toBe(1.5);
    expect(grown.items[0]![0]!.size).toBe(ROLES.itemTitle.size * 1.5);
    expect(fitList([short], { unit: 1, height: 2000, gap: 10, moreHeight: 20 }, setter).factor).toBe(1);
    // Growing never costs a cut: the long item stops growing where its text would need a seventh line.
    const long = fitList([item('One')], { unit: 1, height: 2000, gap: 10, moreHeight: 20, grow: 1.5 }, setter);
    expect(long.truncated).toBe(0);
    expect(long.factor).toBeLessThan(1.5);
  });

  it('honours a design limit on items before shrinking anything', () => {
    const fit = fitList([item('a'), item('b'), item('c'), item('d')], { unit: 1, height: 5000, gap: 10, moreHeight: 20, maxItems: 3 }, setter);
    expect(fit).toMatchObject({ hidden: 1, factor: 1, truncated: 0 });
  });
});
