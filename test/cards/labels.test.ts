/**
 * The cards use the source's own labels where they carry one, read from the text Satori laid out
 * (card text is drawn as paths, so the SVG holds no words to search).
 */
import { describe, expect, it } from 'vitest';
import { planCards } from '../../src/cards/plan.js';
import { layoutCard } from '../helpers/card-layout.js';
import { loadDataRecord } from '../helpers/records.js';

const record = loadDataRecord('lead-infrastructure-engineer');

async function laidOutText(section: string): Promise<string> {
  const [job] = planCards(record, { sections: [section], sizes: ['og'] });
  const { boxes } = await layoutCard(record, job!);
  return boxes.map((box) => box.text ?? '').join(' ').replace(/\s+/g, ' ');
}

describe("the source's labels on cards", () => {
  it.each([
    ['flight-risk', '[DIAGNOSIS]'],
    ['job-ad-autopsy', '[SOURCE REDACTED]'],
    ['survival-guide', '[IF ENGAGED:]'],
  ])('%s says %s', async (section, label) => {
    expect(await laidOutText(section)).toContain(label);
  });
});
