/**
 * The takumi engine's overflow check (src/cards/engines/line-check.ts): Takumi measures only the
 * lines the fitter's margin does not cover. These show the margin holds where it is trusted (on
 * every line of every shipped record's og and square cards, Takumi's full layout agrees with the
 * fitter's widths to well within it), that the lines it cannot vouch for are measured, and that a
 * line drawn wider than it was fitted is still reported by both engines.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Renderer } from '@takumi-rs/core';
import { fromJsx } from '@takumi-rs/helpers/jsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { column, tagged, box } from '../../src/cards/element.js';
import { loadEngine } from '../../src/cards/engines/index.js';
import { CHECK_FILL, drawnLines, fitterWidth, needsCheck, type DrawnLine } from '../../src/cards/engines/line-check.js';
import { WIDTH_SAFETY } from '../../src/cards/fit.js';
import { findOverflow } from '../../src/cards/overflow.js';
import { planCards } from '../../src/cards/plan.js';
import { cardTree, renderEnvironment, type RenderEnvironment } from '../../src/cards/render.js';
import { lineRole } from '../../src/cards/text.js';
import type { CaseFile } from '../../src/record/schema.js';
import { ROOT } from '../helpers/cli.js';
import { loadRecordAt } from '../helpers/records.js';

let env: RenderEnvironment;
let records: CaseFile[];
beforeAll(async () => {
  env = await renderEnvironment();
  const dir = path.join(ROOT, 'data');
  records = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => loadRecordAt(path.join(dir, name)));
});

interface TakumiNode {
  type: string;
  attributes?: Record<string, string>;
  children?: TakumiNode[];
}
interface Measured {
  width: number;
  children: Measured[];
}

/** Takumi's full-layout width of each fitted line, in tree order. */
function lineWidths(node: TakumiNode, measured: Measured, into: number[] = []): number[] {
  if (node.attributes?.['data-role']?.startsWith('line:')) into.push(measured.width);
  else node.children?.forEach((child, index) => lineWidths(child, measured.children[index]!, into));
  return into;
}

const line = (text: string, limit: number, fontFamily = 'IBM Plex Sans'): DrawnLine => ({
  role: lineRole(limit),
  limit,
  text,
  children: text,
  style: { fontFamily, fontWeight: 400, fontStyle: 'normal', fontSize: 20, letterSpacing: '0.04em' },
});

describe('which lines Takumi measures', () => {
  it('trusts the fitter where it left room, and agrees with Takumi there to well within the margin', async () => {
    const renderer = new Renderer();
    for (const font of env.book.bundled) await renderer.registerFont({ name: font.family, data: font.data, weight: font.weight, style: font.style });
    let trusted = 0;
    let checked = 0;
    let worst = -1;
    for (const record of records) {
      for (const job of planCards(record, { sizes: ['og', 'square'] })) {
        const { tree, fallbackFamilies } = await cardTree(record, job, env);
        const lines = drawnLines(tree);
        const { node } = await fromJsx(tree as never, { defaultStyles: false });
        const widths = lineWidths(node as TakumiNode, (await renderer.measure(node as never, { width: job.width, height: job.height })) as Measured);
        expect(widths.length, `${record.slug}/${job.section}`).toBe(lines.length);
        lines.forEach((drawn, index) => {
          if (needsCheck(drawn, env.book, fallbackFamilies)) return void checked++;
          trusted++;
          const ours = fitterWidth(drawn, env.book, fallbackFamilies)!;
          // Only drawing wider than the fitter measured can spill (Takumi's kerning often draws narrower).
          worst = Math.max(worst, (widths[index]! - ours) / ours);
          expect(widths[index]!, `${record.slug}/${job.section}/${job.size}: "${drawn.text}"`).toBeLessThanOrEqual(drawn.limit);
        });
      }
    }
    // Most lines need no second layout; the few that do are still measured.
    expect(trusted).toBeGreaterThan(checked * 4);
    expect(checked).toBeGreaterThan(0);
    // Trusted lines keep (1 - CHECK_FILL) of room; Takumi draws wider than the fitter by a small part of that at most.
    expect(worst).toBeLessThan((1 - CHECK_FILL) / 4);
  });

  it('measures a line filled past the margin, one in a face the fitter does not know, and one in a fallback script', () => {
    const text = 'Percentage of decisions routed through review';
    const width = fitterWidth(line(text, 2000), env.book, [])!;
    expect(width).toBeGreaterThan(100);
    expect(needsCheck(line(text, Math.ceil(width / CHECK_FILL) + 1), env.book, [])).toBe(false);
    expect(needsCheck(line(text, Math.floor(width / CHECK_FILL) - 1), env.book, [])).toBe(true);
    // Filled as far as the fitter itself goes (WIDTH_SAFETY): measured.
    expect(needsCheck(line(text, Math.ceil(width / WIDTH_SAFETY)), env.book, [])).toBe(true);
    expect(needsCheck(line(text, 2000, 'Comic Sans MS'), env.book, [])).toBe(true);
    expect(needsCheck(line('基础设施首席工程师', 2000), env.book, [])).toBe(true);
    expect(needsCheck(line('Paid in exposure 💸', 2000), env.book, [])).toBe(true);
  });

  it('finds every line with the text style it inherits', async () => {
    const { tree } = await cardTree(records[0]!, planCards(records[0]!, { sections: ['salary'] })[0]!, env);
    const lines = drawnLines(tree);
    expect(lines.length).toBeGreaterThan(5);
    for (const found of lines) {
      expect(found.role).toBe(`line:${found.limit}`);
      expect(typeof found.style.fontFamily).toBe('string');
      expect(Number(found.style.fontSize)).toBeGreaterThan(0);
    }
  });
});

describe('a line drawn wider than it was fitted', () => {
  it('is reported by both engines', async () => {
    const tree = column(
      { width: 1200, height: 630, padding: 40, backgroundColor: '#ffffff' },
      column(
        { fontFamily: 'IBM Plex Sans', fontWeight: 400, fontStyle: 'normal', fontSize: 40, lineHeight: '48px' },
        tagged(box({ height: 48, whiteSpace: 'pre', flexShrink: 0, alignSelf: 'flex-start' }, 'This line was fitted to 200 px'), lineRole(200)),
        tagged(box({ height: 48, whiteSpace: 'pre', flexShrink: 0, alignSelf: 'flex-start' }, 'Short'), lineRole(900)),
      ),
    );
    const request = { width: 1200, height: 630, scale: 1, formats: ['png'] as const, quality: 90, fallbackFamilies: [] };
    for (const name of ['satori', 'takumi'] as const) {
      const engine = await loadEngine(name, env.book);
      const drawing = await engine.draw(tree, request);
      expect(findOverflow(drawing.boxes, 1200, 630).map((item) => item.text), name).toEqual(['This line was fitted to 200 px']);
    }
  });
});
