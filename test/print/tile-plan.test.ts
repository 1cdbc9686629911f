/** Poster tiling arithmetic and print lengths. */
import { describe, expect, it } from 'vitest';
import { parseLengthMm } from '../../src/print/length.js';
import { POSTER_SIZES } from '../../src/print/poster-sizes.js';
import { alignmentMarks, planTiles, rowLabel, TILE_SHEETS } from '../../src/print/tile-plan.js';

const A2 = { width: POSTER_SIZES.a2.width, height: POSTER_SIZES.a2.height };

describe('planTiles', () => {
  it('covers an A2 poster with 8 landscape A4 pages (2 across, 4 down) rather than 9 portrait ones', () => {
    const plan = planTiles(A2, TILE_SHEETS.a4);
    expect(plan.landscape).toBe(true);
    expect([plan.columns, plan.rows]).toEqual([2, 4]);
    expect(plan.tiles.map((tile) => tile.label)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'D1', 'D2']);
    expect(plan.tiles.map((tile) => tile.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('leaves no gap: the last window reaches the poster edge, and neighbours overlap', () => {
    for (const sheet of Object.values(TILE_SHEETS)) {
      for (const poster of Object.values(POSTER_SIZES)) {
        const plan = planTiles(poster, sheet);
        const last = plan.tiles[plan.tiles.length - 1]!;
        expect(last.x + plan.window.width).toBeGreaterThanOrEqual(poster.width);
        expect(last.y + plan.window.height).toBeGreaterThanOrEqual(poster.height);
        expect(plan.window.width - plan.step.x).toBe(plan.overlap);
      }
    }
  });

  it('puts every alignment mark inside an overlap band, on both neighbours', () => {
    const plan = planTiles(A2, TILE_SHEETS.a4);
    const marks = alignmentMarks(plan, A2);
    expect(marks.length).toBe((plan.columns - 1) * plan.rows + (plan.rows - 1) * plan.columns);
    for (const mark of marks) {
      const holders = plan.tiles.filter(
        (tile) => mark.x >= tile.x && mark.x <= tile.x + plan.window.width && mark.y >= tile.y && mark.y <= tile.y + plan.window.height,
      );
      expect(holders.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('labels rows past Z like spreadsheet columns', () => {
    expect([rowLabel(0), rowLabel(25), rowLabel(26)]).toEqual(['A', 'Z', 'AA']);
  });
});

describe('parseLengthMm', () => {
  it('reads mm, cm, in and pt', () => {
    expect(parseLengthMm('3mm', '--bleed', 25)).toBe(3);
    expect(parseLengthMm('0.125in', '--bleed', 25)).toBeCloseTo(3.175, 3);
    expect(parseLengthMm('0.3cm', '--bleed', 25)).toBe(3);
    expect(parseLengthMm('9pt', '--bleed', 25)).toBeCloseTo(3.175, 3);
    expect(parseLengthMm('0', '--bleed', 25)).toBe(0);
  });

  it('names the option, what is allowed and what it got', () => {
    expect(() => parseLengthMm('3 furlongs', '--bleed', 25)).toThrow(
      'Invalid value for --bleed. Allowed values: a length from 0 to 25mm, in mm, cm, in or pt (e.g. 3mm, 0.125in). Received: "3 furlongs"',
    );
    expect(() => parseLengthMm('-1mm', '--bleed', 25)).toThrow(/Received: "-1mm"/);
    expect(() => parseLengthMm('3cm', '--bleed', 25)).toThrow(/from 0 to 25mm/);
  });
});
