/**
 * Every card's alt text, for every shipped record: a sentence or two that names the role and the
 * card's own values (checked against the record, not against the function's wording), one line,
 * within the bound; a long record's is cut after a word, and a hostile one's stays plain text.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALT_TEXT_MAX_LENGTH, cardAltText } from '../../../src/cards/alt-text/card-alt.js';
import { CARD_IDS, type CardId } from '../../../src/cards/plan.js';
import { formatMoney } from '../../../src/record/money.js';
import { walkOrgChart } from '../../../src/record/org-chart.js';
import type { CaseFile } from '../../../src/record/schema.js';
import { ROOT } from '../../helpers/cli.js';
import { loadDataRecord, loadRecordAt } from '../../helpers/records.js';

const SLUGS = readdirSync(path.join(ROOT, 'data'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));

const percent = (value: number) => `${Math.round(value)}%`;

/** The values each card shows that its alt text must carry, read from the record. */
function keyValues(record: CaseFile, card: CardId): string[] {
  const { sections } = record;
  switch (card) {
    case 'cover':
      return [percent(sections['flight-risk'].percent), sections['flight-risk'].level, formatMoney(sections.salary.marketAverage, sections.salary.currency)];
    case 'org-chart': {
      const visits = walkOrgChart(sections['org-chart'].chart);
      const self = visits.find((visit) => visit.node.self)!;
      const boss = visits.find((visit) => visit.depth === self.depth - 1 && self.path.join('/').startsWith(visit.path.join('/')));
      // Who the role reports to and who reports to it: on every shipped record, all of them fit.
      return [self.node.label, ...(boss ? [boss.node.label] : []), ...(self.node.reports ?? []).map((report) => report.label)];
    }
    case 'habitat':
      return [`${sections.habitat.places.length} place`, sections.habitat.places[0]!.split(' ').slice(0, 3).join(' ')];
    case 'salary':
      return [formatMoney(sections.salary.marketAverage, sections.salary.currency), formatMoney(sections.salary.topEarners, sections.salary.currency)];
    case 'flight-risk':
      return [percent(sections['flight-risk'].percent), sections['flight-risk'].level];
    case 'metrics':
      return [`${sections.metrics.items.length} metric`, sections.metrics.items[0]!.name];
    case 'weaponry':
      return [`${sections.weaponry.items.length} weapon`, sections.weaponry.items[0]!.name];
    case 'survival-guide':
      return [sections['survival-guide'].items[0]!.situation];
    case 'job-ad-autopsy':
      return [`${sections['job-ad-autopsy'].items.length} job-ad line`];
    case 'day-in-the-life': {
      const [first] = sections['day-in-the-life'].entries;
      return [first!.start, first!.end, first!.title];
    }
    case 'burn-ward':
      return [`${sections['burn-ward'].quotes.length} complaint`, sections['burn-ward'].quotes[0]!.source];
    case 'related-specimens': {
      const [first] = sections['related-specimens'].items;
      return [first!.title, `${percent(first!.match)} match`];
    }
  }
}

describe.each(SLUGS)('the alt text of every card of %s', (slug) => {
  const record = loadDataRecord(slug);

  it.each([...CARD_IDS])('%s: a sentence or two naming the role and the card\'s own values, within the bound', (card) => {
    const alt = cardAltText(record, card);
    expect(alt).toMatch(/^Case file: /);
    expect(alt).toContain(record.title);
    for (const value of keyValues(record, card)) expect(alt).toContain(value);
    // Sentences: each ends with a stop (or the ellipsis of a cut), and there are one to a few of them.
    expect(alt).toMatch(/[.!?…]["'”’)]*$/u);
    expect(alt.split(/(?<=[.!?])\s+(?=[A-Z“0-9])/u).length).toBeLessThanOrEqual(6);
    expect(Array.from(alt).length).toBeLessThanOrEqual(ALT_TEXT_MAX_LENGTH);
    expect(alt).not.toMatch(/\n|undefined|\[object|\s{2}/);
  });

  it('names the section on every section card, as its heading', () => {
    for (const card of CARD_IDS.slice(1)) {
      const heading = record.sections[card as Exclude<CardId, 'cover'>].heading;
      if (heading) expect(cardAltText(record, card)).toContain(heading);
    }
  });

  it('says something different on every card', () => {
    expect(new Set(CARD_IDS.map((card) => cardAltText(record, card))).size).toBe(CARD_IDS.length);
  });
});

describe('a record too long for the bound', () => {
  const record = loadRecordAt(path.join(ROOT, 'test', 'fixtures', 'cards', 'long-record.json'));

  it('is cut after a whole word with an ellipsis, never past the bound', () => {
    for (const card of CARD_IDS) {
      const alt = cardAltText(record, card);
      expect(Array.from(alt).length, card).toBeLessThanOrEqual(ALT_TEXT_MAX_LENGTH);
      if (alt.endsWith('…')) expect(alt.slice(-2, -1), card).toMatch(/[\p{L}\p{N})”'.]/u);
    }
    expect(cardAltText(record, 'flight-risk')).toMatch(/…$/);
  });
});

describe('a hostile record', () => {
  const record = structuredClone(loadDataRecord('sdet'));
  record.title = 'SDET <img src=x onerror="alert(1)">\n\u0000\u001b[31m & co';
  record.sections['flight-risk'].level = 'HIGH\r\nRISK';

  it('gives plain text on one line: markup kept as the characters it is (escaped where it is put), control characters gone', () => {
    const alt = cardAltText(record, 'cover');
    expect(alt).toContain('SDET <img src=x onerror="alert(1)"> [31m & co');
    expect(alt).toContain('HIGH RISK');
    expect(alt).not.toMatch(/[\u0000-\u001f\u007f]/u);
  });
});
