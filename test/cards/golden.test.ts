/**
 * Golden images: every card of the Lead Infrastructure Engineer at og size against the
 * committed PNGs in test/golden/cards, stored at half size (2×2 averaged) to keep the repository
 * small, compared with pixelmatch. After an intended change: `npm run golden:cards` (this file
 * and engines.test.ts with UPDATE_GOLDENS=1), look at the images, commit them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_IDS, planCards } from '../../src/cards/plan.js';
import { renderCard, type RenderedCard } from '../../src/cards/render.js';
import type { CaseFile } from '../../src/record/schema.js';
import { GOLDEN_ROOT, UPDATE_GOLDENS, writeGolden } from '../helpers/goldens.js';
import { decodePng, encodePng, halve, type Image } from '../helpers/png.js';
import { loadDataRecord } from '../helpers/records.js';

const GOLDEN_DIR = path.join(GOLDEN_ROOT, 'cards');
/** Share of pixels allowed to differ: room for a rasterizer's anti-aliasing, none for a moved line. */
const TOLERANCE = 0.002;

let record: CaseFile;
const rendered = new Map<string, RenderedCard>();

beforeAll(async () => {
  record = loadDataRecord('lead-infrastructure-engineer');
  for (const job of planCards(record)) rendered.set(job.section, await renderCard(record, job));
});

function difference(actual: Image, expected: Image): number {
  return pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.1 });
}

describe('golden cards (og, Lead Infrastructure Engineer)', () => {
  it.each(CARD_IDS.map((id) => [id]))('%s matches its golden image', (id) => {
    const golden = path.join(GOLDEN_DIR, `${id}.png`);
    const actual = halve(decodePng(rendered.get(id)!.png!));
    if (UPDATE_GOLDENS) return writeGolden(golden, encodePng(actual));
    expect(existsSync(golden), `missing ${golden}: run npm run golden:cards`).toBe(true);
    const expected = decodePng(readFileSync(golden));
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    const different = difference(actual, expected);
    expect(different / (actual.width * actual.height)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('notices a real change: a card compared with another card differs far beyond the tolerance', () => {
    if (UPDATE_GOLDENS) return;
    const salary = halve(decodePng(rendered.get('salary')!.png!));
    const metrics = decodePng(readFileSync(path.join(GOLDEN_DIR, 'metrics.png')));
    expect(difference(salary, metrics) / (salary.width * salary.height)).toBeGreaterThan(TOLERANCE * 10);
  });
});
