/** The org-chart layout and its SVG: no overlaps, readable at print size, every label present and escaped. */
import { describe, expect, it } from 'vitest';
import { layoutOrgChart, overlappingBoxes, printedScale, ORG_CHART_STYLE } from '../../src/dossier/figures/org-chart-layout.js';
import { orgChartSvg } from '../../src/dossier/figures/org-chart-svg.js';
import { PAPER_SIZES } from '../../src/dossier/paper.js';
import { mmToPt } from '../../src/print/length.js';
import { countNodes, depthOf, largeOrgTree } from '../helpers/org-trees.js';
import type { OrgNode } from '../../src/record/schema.js';

/** The frame the dossier gives the chart on A4 portrait: the text column, and the text height less 62 mm (partials/page-rules.hbs). */
const a4 = PAPER_SIZES.a4;
const A4_FRAME = { width: mmToPt(a4.width - 2 * a4.margin.side), height: mmToPt(a4.height - a4.margin.top - a4.margin.bottom - 62) };
/** Smallest type size still comfortable to read on paper. */
const MIN_READABLE_PT = 6;

describe('layoutOrgChart on a large tree', () => {
  const tree = largeOrgTree();
  const layout = layoutOrgChart(tree, { maxWidth: A4_FRAME.width });

  it('is the size the readability claim is about (≥4 levels, ≥12 positions)', () => {
    expect(depthOf(tree)).toBeGreaterThanOrEqual(4);
    expect(countNodes(tree)).toBeGreaterThanOrEqual(12);
    expect(layout.boxes).toHaveLength(countNodes(tree));
  });

  it('never overlaps two boxes', () => {
    expect(overlappingBoxes(layout)).toEqual([]);
  });

  it('keeps every box inside the drawing', () => {
    for (const box of layout.boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('prints no type smaller than 6 pt when fitted into the A4 text column', () => {
    const { scale, minFontPt } = printedScale(layout, A4_FRAME);
    expect(scale).toBeGreaterThanOrEqual(0.9);
    expect(minFontPt).toBeGreaterThanOrEqual(MIN_READABLE_PT);
  });

  it('rearranges rather than shrinks: spread out, the same tree would print below 6 pt', () => {
    const spread = layoutOrgChart(tree);
    expect(spread.width).toBeGreaterThan(A4_FRAME.width);
    expect(printedScale(spread, A4_FRAME).minFontPt).toBeLessThan(MIN_READABLE_PT);
    expect(layout.width * 0.9).toBeLessThanOrEqual(A4_FRAME.width);
    expect(overlappingBoxes(spread)).toEqual([]);
  });

  it('wraps labels to the box so no line runs past its edge', () => {
    const inner = ORG_CHART_STYLE.boxWidth - 2 * ORG_CHART_STYLE.padding;
    const longest = layout.boxes.flatMap((box) => box.label).reduce((a, b) => (a.length > b.length ? a : b));
    expect(longest.length).toBeLessThan(40);
    expect(inner).toBeGreaterThan(100);
    expect(layout.boxes.every((box) => box.label.length >= 1)).toBe(true);
  });

  it('lists parents before their reports, so the PDF reads top-down', () => {
    expect(layout.boxes[0]!.label.join(' ')).toBe('Chief Executive Officer and Founder');
    expect(layout.boxes[0]!.depth).toBe(1);
    const depths = layout.boxes.map((box) => box.depth);
    expect(depths.indexOf(4)).toBeGreaterThan(depths.indexOf(3));
  });

  it('draws one connector into every position but the top', () => {
    // Every non-root box has a vertical drop or a spine tick ending on its top or left edge.
    const ends = layout.links.map((d) => d.split(' ').slice(-2).join(' '));
    expect(layout.links.length).toBeGreaterThanOrEqual(countNodes(tree) - 1);
    expect(ends.length).toBeGreaterThan(0);
  });
});

describe('orgChartSvg', () => {
  it('escapes record text and marks the role itself', () => {
    const svg = orgChartSvg(largeOrgTree(), 'Org <chart> & "friends"');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;');
    expect(svg).toContain('Org &#60;chart&#62; &#38; &#34;friends&#34;');
    expect(svg.match(/class="org-box org-self"/g)).toHaveLength(1);
    expect(svg).toContain('THIS FILE');
  });

  it('keeps a single position drawable', () => {
    const single: OrgNode = { label: 'Solo', self: true };
    const layout = layoutOrgChart(single);
    expect(layout.boxes).toHaveLength(1);
    expect(layout.links).toEqual([]);
    expect(orgChartSvg(single)).toMatch(/^<svg [^>]*viewBox="0 0 [\d.]+ [\d.]+"/);
  });
});
