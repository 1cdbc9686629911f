/** Template helpers and context values: pure functions, checked directly. */
import { describe, expect, it } from 'vitest';
import { relatedViews, salaryScale } from '../../src/dossier/context.js';
import { fileNumber } from '../../src/record/file-number.js';
import { cssString, percentOf } from '../../src/dossier/helpers.js';
import { formatMoney } from '../../src/record/money.js';
import { gaugeSvg } from '../../src/dossier/figures/gauge-svg.js';
import type { CaseFile } from '../../src/record/schema.js';

describe('cssString', () => {
  it('escapes everything that could end the string, the rule or the style element', () => {
    const hostile = 'x"; } body { display: none } </style><script>alert(1)</script>\\';
    const css = cssString(hostile);
    expect(css.startsWith('"') && css.endsWith('"')).toBe(true);
    const inner = css.slice(1, -1);
    expect(inner).not.toMatch(/["<>{};\n]/);
    expect(inner).toContain('\\22 ');
    expect(inner).toContain('\\3c ');
  });

  it('leaves letters, digits and spaces readable', () => {
    expect(cssString('Lead Engineer 2')).toBe('"Lead Engineer 2"');
  });
});

describe('percentOf', () => {
  it('clamps to 0–100 and survives a zero maximum', () => {
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(300, 200)).toBe(100);
    expect(percentOf(-5, 200)).toBe(0);
    expect(percentOf(5, 0)).toBe(0);
  });
});

describe('salaryScale', () => {
  const salary = { currency: 'USD', marketAverage: 188924, topEarners: 260000, note: 'n', quote: 'q' } as CaseFile['sections']['salary'];
  it('ends on a round figure past the top earners, with evenly spaced ticks', () => {
    const scale = salaryScale(salary);
    expect(scale.max).toBeGreaterThan(260000);
    expect(scale.max % 10000).toBe(0);
    expect(scale.ticks[0]).toEqual({ value: 0, at: 0 });
    expect(scale.ticks[scale.ticks.length - 1]!.at).toBe(100);
    expect(scale.ticks.length).toBeGreaterThanOrEqual(4);
    expect(scale.ticks.length).toBeLessThanOrEqual(8);
    expect(scale.averagePercent).toBeCloseTo((188924 / scale.max) * 100, 0);
    expect(scale.topPercent).toBeGreaterThan(scale.averagePercent);
  });
});

describe('fileNumber', () => {
  it('is stable for a slug and differs between slugs', () => {
    expect(fileNumber('lead-infrastructure-engineer')).toMatch(/^CF-\d{4}-LIE$/);
    expect(fileNumber('lead-infrastructure-engineer')).toBe(fileNumber('lead-infrastructure-engineer'));
    expect(fileNumber('sdet')).not.toBe(fileNumber('lead-infrastructure-engineer'));
  });
});

describe('relatedViews', () => {
  it('links only the related records that exist, by relative file name', () => {
    const record = {
      sections: { 'related-specimens': { items: [{ title: 'A', match: 1, description: 'd', slug: 'a' }, { title: 'B', match: 2, description: 'd', slug: 'b' }, { title: 'C', match: 3, description: 'd' }] } },
    } as unknown as CaseFile;
    const views = relatedViews(record, new Set(['b']));
    expect(views.map((view) => view.href)).toEqual([undefined, 'b.pdf', undefined]);
  });
});

describe('gaugeSvg and formatMoney', () => {
  it('draws the red arc only when there is risk, and clamps the needle', () => {
    expect(gaugeSvg(0).match(/#a3201b/g)).toBeNull();
    expect(gaugeSvg(85)).toContain('#a3201b');
    expect(gaugeSvg(500)).toBe(gaugeSvg(100));
    expect(formatMoney(188924, 'USD')).toBe('$188,924');
  });
});
