/** The API on real artifacts: PNG bytes, their dimensions and pixels, determinism and file size. */
import { beforeAll, describe, expect, it } from 'vitest';
import { planCards } from '../../src/cards/plan.js';
import { renderCard } from '../../src/cards/render.js';
import { SIZE_PRESET_NAMES } from '../../src/cards/sizes.js';
import { COLOURS } from '../../src/cards/theme.js';
import type { CaseFile } from '../../src/record/schema.js';
import { countOff, decodePng, hex, pixel, PNG_MAGIC } from '../helpers/png.js';
import { loadDataRecord } from '../helpers/records.js';

let record: CaseFile;
beforeAll(() => {
  record = loadDataRecord('lead-infrastructure-engineer');
});

const FIVE_MB = 5 * 1024 * 1024;

describe('renderCard', () => {
  it.each([...SIZE_PRESET_NAMES, '800x418'].map((size) => [size]))('draws a %s cover at exactly its size, without warnings', async (size) => {
    const [job] = planCards(record, { sections: ['cover'], sizes: [size] });
    const card = await renderCard(record, job!);
    expect(Buffer.from(card.png!.subarray(0, 8)).equals(PNG_MAGIC)).toBe(true);
    const image = decodePng(card.png!);
    expect([image.width, image.height]).toEqual([job!.width, job!.height]);
    expect([card.width, card.height]).toEqual([job!.width, job!.height]);
    expect(card.warnings).toEqual([]);
    expect(card.svg).toBeUndefined();
    // Paper in the top-right corner, the folder edge at the far left.
    expect(pixel(image, image.width - 2, 2)).toEqual(hex(COLOURS.paper));
    expect(pixel(image, 2, Math.floor(image.height / 2))).toEqual(hex(COLOURS.paperEdge));
  });

  it('draws the brand square in red and the title in ink where the frame puts them', async () => {
    const card = await renderCard(record, planCards(record, { sections: ['salary'] })[0]!);
    const image = decodePng(card.png!);
    // The brand square sits at the sheet's top-left (44 px padding, 30 px header, 16 px square).
    expect(pixel(image, 52, 59)).toEqual(hex(COLOURS.red));
    // The header rule spans the sheet in ink.
    expect(pixel(image, 600, 87)).toEqual(hex(COLOURS.ink));
  });

  it('renders at 2x for high-density screens: twice the pixels, same picture', async () => {
    const [job] = planCards(record, { sections: ['flight-risk'], scale: 2 });
    const card = await renderCard(record, job!);
    const image = decodePng(card.png!);
    expect([image.width, image.height]).toEqual([2400, 1260]);
    expect(pixel(image, 104, 118)).toEqual(hex(COLOURS.red));
  });

  it('gives the same bytes for the same input', async () => {
    const [job] = planCards(record, { sections: ['burn-ward'], formats: ['png', 'svg'] });
    const first = await renderCard(record, job!);
    const second = await renderCard(structuredClone(record), job!);
    expect(Buffer.from(first.png!).equals(Buffer.from(second.png!))).toBe(true);
    expect(first.svg).toBe(second.svg);
  });

  it('returns SVG text with its text drawn as paths, no fonts needed to display it', async () => {
    const [job] = planCards(record, { sections: ['metrics'], formats: ['svg'] });
    const card = await renderCard(record, job!);
    expect(card.png).toBeUndefined();
    expect(card.svg!.startsWith('<svg')).toBe(true);
    expect(card.svg).toContain('width="1200"');
    expect(card.svg).not.toContain('<text');
    expect(card.svg).toContain('<path');
  });

  it('keeps the densest cards well under 5 MB even as a story at 2x', async () => {
    for (const section of ['burn-ward', 'job-ad-autopsy'] as const) {
      const [job] = planCards(record, { sections: [section], sizes: ['story'], scale: 2 });
      const card = await renderCard(record, job!);
      expect([card.width, card.height]).toEqual([2160, 3840]);
      expect(card.png!.byteLength).toBeLessThan(FIVE_MB / 4);
    }
  });

  it('leaves the margins empty on every card at every preset (nothing drawn past the sheet)', async () => {
    for (const job of planCards(record, { sizes: [...SIZE_PRESET_NAMES] })) {
      const card = await renderCard(record, job);
      const image = decodePng(card.png!);
      const paper = hex(COLOURS.paper);
      const right = Math.round(job.width * 0.02);
      expect(countOff(image, paper, image.width - right, 0, image.width, image.height), `${job.section} ${job.size} right margin`).toBe(0);
      expect(countOff(image, paper, 20, 0, image.width, 12), `${job.section} ${job.size} top margin`).toBe(0);
      expect(card.warnings.filter((warning) => /cannot fit|font covers/.test(warning)), `${job.section} ${job.size}`).toEqual([]);
    }
  });
});
