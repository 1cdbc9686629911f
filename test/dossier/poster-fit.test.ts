/** Which poster sections may run on into the next column: pure, no browser. */
import { describe, expect, it } from 'vitest';
import { roundFitDown } from '../../src/dossier/poster-fit.js';
import { RUN_ON_MIN_SHARE, sectionsThatRunOn } from '../../src/dossier/poster-run-on.js';
import type { SectionId } from '../../src/record/sections.js';

describe('sectionsThatRunOn', () => {
  const heights = new Map<SectionId, number>([
    ['habitat', 299],
    ['metrics', 300],
    ['weaponry', 520],
    ['burn-ward', 1400],
  ]);

  it('lets a section a third of a column tall or more run on, and keeps a shorter one whole', () => {
    expect(RUN_ON_MIN_SHARE).toBeCloseTo(1 / 3);
    expect([...sectionsThatRunOn(900, heights)].sort()).toEqual(['burn-ward', 'metrics', 'weaponry']);
  });

  it('judges by the column: in taller columns fewer sections are long', () => {
    expect([...sectionsThatRunOn(1800, heights)].sort()).toEqual(['burn-ward']);
    expect(sectionsThatRunOn(5000, heights).size).toBe(0);
  });
});

describe('roundFitDown', () => {
  it('rounds down to what the HTML carries, so a fit measured is the fit printed', () => {
    expect(roundFitDown(0.71875)).toBe(0.718);
    expect(roundFitDown(1)).toBe(1);
  });
});
