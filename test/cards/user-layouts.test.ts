/**
 * User card layouts through the CLI: the docs' worked example draws the cover with the user's
 * pixels (with both engines), a missing file falls back to the built-in layout, and layouts that
 * throw, return a non-element or loop each fail only their own card, in one line naming both. A
 * layout may return `{ element, alt }`: its alt text is the card's, and a bad one fails the card.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALT_TEXT_MAX_LENGTH, cardAltText } from '../../src/cards/alt-text/card-alt.js';
import { elementProblem } from '../../src/cards/user-layouts.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const EXAMPLE = path.join(ROOT, 'docs', 'card-layouts', 'cover.mjs');

/** Share of pixels within `tolerance` of `hex`. */
function share(png: PNG, hex: string, tolerance = 6): number {
  const want = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) if (want.every((channel, c) => Math.abs(png.data[i + c]! - channel) <= tolerance)) count++;
  return count / (png.width * png.height);
}

function pixel(png: PNG, x: number, y: number): string {
  const i = (y * png.width + x) * 4;
  return `#${[0, 1, 2].map((c) => png.data[i + c]!.toString(16).padStart(2, '0')).join('')}`;
}

describe('user card layouts', () => {
  let dir: string;
  let result: ReturnType<typeof runCli>;
  beforeAll(() => {
    dir = tempDir();
    const layouts = path.join(dir, 'layouts');
    mkdirSync(layouts);
    mkdirSync(path.join(dir, 'data'));
    copyFileSync(path.join(ROOT, 'data', 'sdet.json'), path.join(dir, 'data', 'sdet.json'));
    copyFileSync(EXAMPLE, path.join(layouts, 'cover.mjs'));
    writeFileSync(path.join(layouts, 'salary.mjs'), "export default () => { throw new Error('boom: no salary design yet'); };\n");
    writeFileSync(path.join(layouts, 'habitat.mjs'), "export default () => ({ type: 'table', props: {} });\n");
    // A .js file with ESM syntax and no package.json beside it: loaded all the same.
    writeFileSync(path.join(layouts, 'metrics.js'), 'export default function metrics() { for (;;) {} }\n');
    result = runCli(['cards', 'sdet', '--card-layouts', 'layouts', '--section', 'cover,salary,habitat,metrics,weaponry', '--workers', '2', '--out-dir', 'out'], { cwd: dir });
  }, 120_000);

  it('draws the cover with the user layout: its navy ground and the accent bar where the file puts them', () => {
    const png = PNG.sync.read(readFileSync(path.join(dir, 'out', 'sdet', 'cards', 'cover.png')));
    expect(png.width).toBe(1200);
    expect(share(png, '#1b3a5c')).toBeGreaterThan(0.8);
    // The bar: px(120) × px(14) at the 64 px padding, in the (unthemed) accent.
    expect(pixel(png, 100, 72)).toBe('#a3201b');
    expect(share(png, '#f3ecd9')).toBe(0);
  });

  it('falls back to the built-in layout where the folder has no file', () => {
    const png = PNG.sync.read(readFileSync(path.join(dir, 'out', 'sdet', 'cards', 'weaponry.png')));
    expect(share(png, '#f3ecd9', 2)).toBeGreaterThan(0.5);
  });

  it('fails each broken card in one line naming the file and the card, and makes the rest', () => {
    expect(result.status).toBe(1);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error:')).sort();
    expect(errors).toEqual([
      'error: layouts/habitat.mjs: card layout failed for card "sdet/habitat" (og 1200x630): it must return an element; the result has type "table"; expected one of div, img, svg, path, span',
      'error: layouts/metrics.js: card layout failed for card "sdet/metrics" (og 1200x630): it ran past the 2000 ms time limit',
      'error: layouts/salary.mjs: card layout failed for card "sdet/salary" (og 1200x630): it threw: boom: no salary design yet',
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    for (const card of ['salary', 'habitat', 'metrics']) expect(existsSync(path.join(dir, 'out', 'sdet', 'cards', `${card}.png`))).toBe(false);
  });

  it('draws the same layout with the takumi engine', () => {
    const takumi = runCli(['cards', 'sdet', '--card-layouts', path.dirname(EXAMPLE), '--section', 'cover', '--engine', 'takumi', '--out-dir', 'out-takumi'], { cwd: dir });
    expect(takumi.status, takumi.stderr).toBe(0);
    const png = PNG.sync.read(readFileSync(path.join(dir, 'out-takumi', 'sdet', 'cards', 'cover.png')));
    expect(share(png, '#1b3a5c')).toBeGreaterThan(0.8);
    expect(pixel(png, 100, 72)).toBe('#a3201b');
  });

  it('says where a tree stops being an element tree', () => {
    expect(elementProblem({ type: 'div', props: { children: ['a', { type: 'span', props: {} }] } })).toBeUndefined();
    expect(elementProblem(undefined)).toBe('the result is undefined, not an element { type, props }');
    expect(elementProblem({ type: 'div', props: { children: [{ type: 'div' }] } })).toBe('the result.props.children[0] has no props object');
  });
});

describe('a user layout\'s own alt text', () => {
  let dir: string;
  let result: ReturnType<typeof runCli>;
  const outputs = () => (JSON.parse(result.stdout) as { outputs: { section: string; alt: string }[] }).outputs;
  const altOf = (section: string) => outputs().find((output) => output.section === section)?.alt;
  beforeAll(() => {
    dir = tempDir();
    const layouts = path.join(dir, 'layouts');
    mkdirSync(layouts);
    mkdirSync(path.join(dir, 'data'));
    copyFileSync(path.join(ROOT, 'data', 'sdet.json'), path.join(dir, 'data', 'sdet.json'));
    copyFileSync(EXAMPLE, path.join(layouts, 'cover.mjs'));
    const element = "{ type: 'div', props: { style: { width: ctx.width, height: ctx.height, backgroundColor: '#1b3a5c' } } }";
    // Blank: the card falls back to casefile's words. Long and on several lines: bounded, one line.
    writeFileSync(path.join(layouts, 'habitat.mjs'), `export default (ctx) => ({ element: ${element}, alt: '  \\n ' });\n`);
    writeFileSync(path.join(layouts, 'metrics.mjs'), `export default async (ctx) => ({ element: ${element}, alt: 'Our own\\nwords. '.repeat(60) });\n`);
    writeFileSync(path.join(layouts, 'salary.mjs'), `export default (ctx) => ({ element: ${element}, alt: 42 });\n`);
    writeFileSync(path.join(layouts, 'weaponry.mjs'), "export default () => ({ element: { type: 'table', props: {} }, alt: 'a table' });\n");
    result = runCli(['cards', 'sdet', '--card-layouts', 'layouts', '--section', 'cover,habitat,salary,metrics,weaponry,burn-ward', '--workers', '2', '--json', '--out-dir', 'out'], { cwd: dir });
  }, 120_000);

  it('is the card\'s alt when the layout gives one (the worked example\'s, which names no figures)', () => {
    const record = loadDataRecord('sdet');
    expect(altOf('cover')).toBe(`File CF-9254-S: SDET. ${record.question} Also known as ${record.aliases.join(', ')}.`);
    expect(altOf('cover')).not.toBe(cardAltText(record, 'cover'));
  });

  it('is casefile\'s where the layout gives a blank one, and where there is no user layout', () => {
    const record = loadDataRecord('sdet');
    expect(altOf('habitat')).toBe(cardAltText(record, 'habitat'));
    expect(altOf('burn-ward')).toBe(cardAltText(record, 'burn-ward'));
  });

  it('is bounded and on one line, like casefile\'s', () => {
    const alt = altOf('metrics')!;
    expect(alt).toMatch(/^Our own words\. Our own words\. .*…$/);
    expect(Array.from(alt).length).toBeLessThanOrEqual(ALT_TEXT_MAX_LENGTH);
  });

  it('fails its card in one line when it is not a string, or when the element beside it is not one', () => {
    expect(result.status).toBe(1);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error:')).sort();
    expect(errors).toEqual([
      'error: layouts/salary.mjs: card layout failed for card "sdet/salary" (og 1200x630): its alt must be a string, received number',
      'error: layouts/weaponry.mjs: card layout failed for card "sdet/weaponry" (og 1200x630): it must return an element; the result.element has type "table"; expected one of div, img, svg, path, span',
    ]);
    expect(outputs().map((output) => output.section).sort()).toEqual(['burn-ward', 'cover', 'habitat', 'metrics']);
  });
});
