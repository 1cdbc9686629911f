/**
 * Each card's alt text: what the card says, in a sentence or two, written from the record alone.
 * Pure and cheap, so any caller can give a card its words without drawing it. The card's key
 * values come first (the role, then its figures and names) and prose after, so the length bound
 * cuts prose rather than a value. Plain text: whoever puts it into HTML escapes it.
 */
import { formatMoney } from '../../record/money.js';
import type { CaseFile, Sections } from '../../record/schema.js';
import { sectionInfo, type SectionId } from '../../record/sections.js';
import { chartEntries } from '../layouts/org-chart.js';
import { exhibitLetter } from '../layouts/weaponry.js';
import type { CardId } from '../plan.js';
import { clipOnWord } from './clip.js';
import { counted, plainText, sentences, series } from './sentences.js';

/**
 * At most this many characters: two sentences of a card's values and the start of its prose, which
 * a screen reader says in one go, well under the 420 characters X allows an image description.
 */
export const ALT_TEXT_MAX_LENGTH = 300;

/** A job advert is quoted only so far: its translation, the punchline, must still fit. */
const ADVERT_QUOTE_LENGTH = 60;

/** A percentage as the cards print it: whole, `85%`. */
const percent = (value: number) => `${Math.round(Math.min(100, Math.max(0, value)))}%`;

/** `3 metrics: a; b; c`, or that there are none: `;` because record names carry commas of their own. */
function listed(items: readonly string[], singular: string, plural = `${singular}s`): string {
  if (items.length === 0) return `No ${plural} on file`;
  return `${counted(items.length, singular, plural)}: ${items.map(plainText).join('; ')}`;
}

function coverAlt(record: CaseFile): string {
  const risk = record.sections['flight-risk'];
  const salary = record.sections.salary;
  return sentences(
    `Case file: ${record.title}`,
    `Flight risk ${percent(risk.percent)}, ${risk.level}; market average ${formatMoney(salary.marketAverage, salary.currency)} a year`,
    record.question,
    record.aliases.length > 0 ? `Also known as ${record.aliases.join(', ')}` : '',
  );
}

/** The same positions the org-chart card draws: the chain above the role, nearest first, and its reports. */
function orgChartAlt(record: CaseFile): string {
  const { chain, reports } = chartEntries(record);
  const label = (entry: (typeof chain)[number]) => plainText(entry.visit.node.label);
  // The card marks the role SUBJECT; named again only where the chart calls it other than the title.
  const self = label(chain[chain.length - 1]!);
  const subject = self === plainText(record.title) ? 'The role' : `The role (${self})`;
  const above = chain.slice(0, -1).reverse().map(label);
  const place = above.length === 0 ? `${subject} is at the top` : `${subject} reports to ${above[0]}${above.length > 1 ? `, under ${series(above.slice(1))}` : ''}`;
  return sentences(place, reports.length === 0 ? 'No one reports to it' : `Reporting to it: ${series(reports.map(label))}`);
}

type SectionAlt<K extends SectionId> = (section: Sections[K], record: CaseFile) => string;

/** What each section's card body says, after the heading the frame gives it. */
const SECTION_ALTS: { [K in SectionId]: SectionAlt<K> } = {
  'org-chart': (_section, record) => orgChartAlt(record),
  habitat: ({ places }) => (places.length === 0 ? 'No habitat on file' : `Sighted in ${counted(places.length, 'place')}: ${places.map(plainText).join('; ')}`),
  salary: (salary) => {
    const top = `${salary.topEarnersQualifier ? `${salary.topEarnersQualifier} ` : ''}${formatMoney(salary.topEarners, salary.currency)}`;
    return sentences(`Market average ${formatMoney(salary.marketAverage, salary.currency)} a year (${salary.currency}); top earners ${top}`, `“${salary.quote}”`);
  },
  'flight-risk': (risk) => sentences(`Flight risk ${percent(risk.percent)}, ${risk.level}`, `Diagnosis: ${risk.diagnosis}`),
  metrics: ({ items }) => listed(items.map((item) => item.name), 'metric'),
  weaponry: ({ items }) => listed(items.map((item, index) => `Exhibit ${exhibitLetter(index)}, ${item.name}`), 'weapon'),
  'survival-guide': ({ items }) => (items.length === 0 ? 'No encounter instructions on file' : sentences(...items.map((item) => `${item.situation}: ${item.advice}`))),
  'job-ad-autopsy': ({ items }) =>
    sentences(
      `${counted(items.length, 'job-ad line')} decoded`,
      ...items.map((item) => `The ad says “${clipOnWord(plainText(item.ad), ADVERT_QUOTE_LENGTH)}”; it means: ${item.translation}`),
    ),
  'day-in-the-life': ({ entries }) => listed(entries.map((entry) => `${entry.start} to ${entry.end}, ${entry.title}`), 'log entry', 'log entries'),
  'burn-ward': ({ quotes }) => {
    if (quotes.length === 0) return 'No complaints on file';
    const sources = [...new Set(quotes.map((quote) => plainText(quote.source)))];
    return sentences(`${counted(quotes.length, 'complaint')}, from ${series(sources)}`, ...quotes.map((quote) => `“${quote.text}”`));
  },
  'related-specimens': ({ items }) => listed(items.map((item) => `${item.title}, ${percent(item.match)} match`), 'related role'),
};

function sectionAlt<K extends SectionId>(record: CaseFile, id: K): string {
  const info = sectionInfo(id);
  const section = record.sections[id];
  // The frame's heading: the section's number and heading, with the role's title.
  return sentences(`Case file: ${record.title}, exhibit ${info.number}: ${section.heading ?? info.defaultHeading}`, SECTION_ALTS[id](section, record));
}

/** Any alt text made fit for a manifest and an attribute: one plain line, at most ALT_TEXT_MAX_LENGTH. */
export function boundAltText(text: string): string {
  return clipOnWord(plainText(text), ALT_TEXT_MAX_LENGTH);
}

/** The alt text of a card drawn by casefile's own layout for `card`. */
export function cardAltText(record: CaseFile, card: CardId): string {
  return boundAltText(card === 'cover' ? coverAlt(record) : sectionAlt(record, card));
}
