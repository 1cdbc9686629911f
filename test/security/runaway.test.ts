/**
 * Work done before the browser's time limit applies (laying out figures in Node) must stay
 * bounded for the largest valid input: a 4000-character word with no space to break at once
 * took hours in the org chart's word wrap (a measurement of the whole word per character).
 */
import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../src/dossier/figures/text-width.js';
import { orgChartSvg } from '../../src/dossier/figures/org-chart-svg.js';

const face = { family: 'IBM Plex Sans', weight: 600, style: 'normal' } as const;

/**
 * The fastest of a few runs of `work`, in milliseconds, once warmed up (the first text
 * measurement loads fontkit and parses the font). The fastest, because a shared machine only
 * ever adds time: one slow run measured beside a busy neighbour made a linear ratio look quadratic.
 */
function timed(work: () => unknown, runs = 3): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

// Ratios within one run, not thresholds: a loaded machine slows both sides alike. Linear work makes
// 4x the characters cost about 4x (4.3x measured); quadratic work would cost 16x; the old wrap,
// which measured the whole word per character, took hours at 4000 characters.
describe('wrapping an unbroken 4000-character word', () => {
  it('cuts it into pieces that each fit and rejoin to the word, in time that grows about linearly with it', () => {
    wrapText('W'.repeat(100), face, 9, 120);
    const word = 'W'.repeat(4000);
    let lines: string[] = [];
    const quarter = timed(() => wrapText('W'.repeat(1000), face, 9, 120));
    const whole = timed(() => (lines = wrapText(word, face, 9, 120)));
    expect(whole / Math.max(quarter, 1)).toBeLessThan(10);
    expect(lines.join('')).toBe(word);
    for (const line of lines) expect(textWidth(line, face, 9)).toBeLessThanOrEqual(120);
    // Each piece is the longest that fits: one more character would not.
    for (const line of lines.slice(0, -1)) expect(textWidth(`${line}W`, face, 9)).toBeGreaterThan(120);
  });

  it('lays out an org chart whose labels and notes are such words, in time that grows about linearly with them', () => {
    const chart = (length: number) => {
      const long = 'W'.repeat(length);
      return orgChartSvg({ label: long, note: long, reports: [{ label: long, self: true }, { label: 'x'.repeat(length - 1) }] }, 'Org chart', 480);
    };
    chart(100);
    const quarter = timed(() => chart(1000));
    let svg = '';
    const whole = timed(() => (svg = chart(4000)));
    expect(whole / Math.max(quarter, 1)).toBeLessThan(10);
    expect(svg).toContain('<svg');
  });
});
