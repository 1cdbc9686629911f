/**
 * Fitting on a hostile record (test/fixtures/cards/long-record.json: every text three times
 * as long, every list 40 items): every card at every preset is laid out without overflow,
 * checked from Satori's own layout boxes, and says what it gave up in warnings naming the card.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findOverflow } from '../../src/cards/overflow.js';
import { planCards } from '../../src/cards/plan.js';
import { renderCard } from '../../src/cards/render.js';
import { layoutCard } from '../helpers/card-layout.js';
import { SIZE_PRESET_NAMES } from '../../src/cards/sizes.js';
import { ELLIPSIS } from '../../src/cards/fit.js';
import type { CaseFile } from '../../src/record/schema.js';
import { FIXTURES } from '../helpers/cli.js';
import { loadRecordAt } from '../helpers/records.js';

let record: CaseFile;
beforeAll(() => {
  record = loadRecordAt(path.join(FIXTURES, 'cards', 'long-record.json'));
});

describe('fitting a record with 3x texts and 40-item lists', () => {
  it.each(SIZE_PRESET_NAMES.map((size) => [size]))('lays out every card at %s inside the sheet, every line within its box', async (size) => {
    for (const job of planCards(record, { sizes: [size] })) {
      const { boxes, report } = await layoutCard(record, job);
      const where = `${job.section} at ${size}`;
      const texts = boxes.filter((box) => box.text !== undefined);
      expect(texts.length, where).toBeGreaterThan(5);
      // Independently of overflow.ts: no text within 2% of any edge of the card.
      const marginX = job.width * 0.02;
      const marginY = job.height * 0.02;
      for (const box of texts) {
        expect(box.left, `${where}: "${box.text}"`).toBeGreaterThanOrEqual(marginX);
        expect(box.top, `${where}: "${box.text}"`).toBeGreaterThanOrEqual(marginY);
        expect(box.left + box.width, `${where}: "${box.text}"`).toBeLessThanOrEqual(job.width - marginX);
        expect(box.top + box.height, `${where}: "${box.text}"`).toBeLessThanOrEqual(job.height - marginY);
      }
      expect(findOverflow(boxes, job.width, job.height), where).toEqual([]);
      expect(report.unfit, where).toEqual([]);
      // It had to give something up, and it said so.
      expect(report.truncated + report.moved, where).toBeGreaterThan(0);
    }
  });

  it('warns, naming the card, when it truncates or moves items to "+N more"', async () => {
    const cards = await Promise.all(planCards(record, { sections: ['cover', 'metrics', 'burn-ward'] }).map((job) => renderCard(record, job)));
    const [cover, metrics, burnWard] = cards.map((card) => card.warnings.join('\n'));
    expect(cover).toMatch(/^card "long-record\/cover" \(og 1200x630\): truncated \d+ texts? with an ellipsis to fit$/);
    expect(metrics).toMatch(/^card "long-record\/metrics" \(og 1200x630\): truncated \d+ texts with an ellipsis to fit; moved 37 items to a "\+N more" line$/);
    expect(burnWard).toContain('card "long-record/burn-ward" (og 1200x630)');
    expect(burnWard).toMatch(/moved \d+ items/);
  });

  it('draws what it cut as an ellipsis after a whole word, and the "+N more" line', async () => {
    // Text is drawn as paths, so read the strings from Satori's layout boxes.
    const { boxes } = await layoutCard(record, planCards(record, { sections: ['metrics'] })[0]!);
    const lines = boxes.map((box) => box.text).filter((text): text is string => text !== undefined);
    expect(lines).toContain('+37 MORE IN THE FULL FILE');
    const cut = lines.filter((line) => line.endsWith(ELLIPSIS));
    expect(cut.length).toBeGreaterThan(2);
    // The word before each ellipsis is a whole word of the record (less trailing punctuation), never a stump.
    const words = new Set(
      JSON.stringify(record)
        .split(/[\s"]+/)
        .map((word) => word.replace(/[,.;:–—-]+$/u, '').toUpperCase()),
    );
    for (const line of cut) {
      const lastWord = line.slice(0, -1).split(' ').pop()!;
      expect(words.has(lastWord.toUpperCase()), line).toBe(true);
    }
  });

  it('says when content cannot fit at all, naming the card', async () => {
    // A card too small for even one item: 200 px tall strips cannot hold the frame and a list item.
    const [job] = planCards(record, { sections: ['survival-guide'], sizes: ['1200x200'] });
    const card = await renderCard(record, job!);
    expect(card.warnings.join('\n')).toMatch(/card "long-record\/survival-guide" \(1200x200\): content cannot fit/);
  });
});
