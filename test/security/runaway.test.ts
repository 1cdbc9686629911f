/**
 * Work done before the browser's time limit applies (laying out figures in Node) must stay
 * bounded for the largest valid input: a 4000-character word with no space to break at once
 * took hours in the org chart's word wrap (a measurement of the whole word per character).
 */
import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../src/dossier/figures/text-width.js';
import { orgChartSvg } from '../../src/dossier/figures/org-chart-svg.js';

const face = { family: 'IBM Plex Sans', weight: 600, style: 'normal' } as const;

describe('wrapping an unbroken 4000-character word', () => {
  it('cuts it into pieces that each fit and rejoin to the word, in well under a second per thousand characters', () => {
    const word = 'W'.repeat(4000);
    const started = performance.now();
    const lines = wrapText(word, face, 9, 120);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(lines.join('')).toBe(word);
    for (const line of lines) expect(textWidth(line, face, 9)).toBeLessThanOrEqual(120);
    // Each piece is the longest that fits: one more character would not.
    for (const line of lines.slice(0, -1)) expect(textWidth(`${line}W`, face, 9)).toBeGreaterThan(120);
  });

  it('lays out an org chart whose labels and notes are such words', () => {
    const long = 'W'.repeat(4000);
    const started = performance.now();
    const svg = orgChartSvg({ label: long, note: long, reports: [{ label: long, self: true }, { label: 'x'.repeat(3999) }] }, 'Org chart', 480);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(svg).toContain('<svg');
  });
});
