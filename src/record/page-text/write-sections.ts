/**
 * Each section of a record as the lines of its page text (docs/page-text.md), one small writer per
 * section. A writer returns the lines after the `[NN] heading` line; every text field stands on a
 * line of its own or after its label, as the page prints it.
 */
import type { Sections } from '../schema.js';
import { plainDecimal, writeFigure } from './money.js';
import { writeOrgChartBlock } from './org-chart-block.js';
import { topEarnersFromNote } from './sections/salary.js';

export const ALIASES_LABEL = 'KNOWN ALIASES / DISGUISES:';

/** `[01] HEADING`, or a bare `[01]` when the record leaves the standard heading to print. */
export function writeSectionLine(number: string, heading: string | undefined): string {
  return heading === undefined ? `[${number}]` : `[${number}] ${heading}`;
}

/** `* summary`, the whole chart as an editable list, then the aliases under their label. */
export function writeOrgChart(section: Sections['org-chart'], aliasLines: readonly string[]): string[] {
  return [`* ${section.summary}`, ...writeOrgChartBlock(section.chart), ALIASES_LABEL, ...aliasLines];
}

export function writeHabitat(section: Sections['habitat']): string[] {
  return section.places.map((place) => `- ${place}`);
}

/**
 * The figure, the note and the quote; a `TOP EARNERS:` line only when the note alone would not
 * give the record's top figure, currency and hedge.
 */
export function writeSalary(section: Sections['salary']): string[] {
  const lines = ['MARKET AVERAGE', writeFigure(section.marketAverage, section.currency), `* ${section.note}`, `"${section.quote}"`];
  return noteGivesTopEarners(section) ? lines : [...lines, writeTopEarners(section)];
}

function noteGivesTopEarners(section: Sections['salary']): boolean {
  const fromNote = topEarnersFromNote(section.note);
  return (
    fromNote !== undefined &&
    Object.is(fromNote.amount, section.topEarners) &&
    fromNote.currency === section.currency &&
    fromNote.qualifier === section.topEarnersQualifier
  );
}

function writeTopEarners(section: Sections['salary']): string {
  const figure = writeFigure(section.topEarners, section.currency);
  return section.topEarnersQualifier === undefined ? `TOP EARNERS: ${figure}` : `TOP EARNERS: ${section.topEarnersQualifier} ${figure}`;
}

/** `FLIGHT RISK:85%HIGH RISK`, the percent in plain digits, then `[DIAGNOSIS]…`. */
export function writeFlightRisk(section: Sections['flight-risk']): string[] {
  return [`FLIGHT RISK:${plainDecimal(section.percent)}%${section.level}`, `[DIAGNOSIS]${section.diagnosis}`];
}

/** Metrics and weaponry: the name, then the description. */
export function writeNamedItems(section: Sections['metrics'] | Sections['weaponry']): string[] {
  return section.items.flatMap((item) => [item.name, item.description]);
}

/** `[IF ENGAGED:]advice`: the colon is always written, so a situation ending in one keeps it. */
export function writeSurvivalGuide(section: Sections['survival-guide']): string[] {
  return section.items.map((item) => `[${item.situation}:]${item.advice}`);
}

export function writeJobAdAutopsy(section: Sections['job-ad-autopsy']): string[] {
  return section.items.flatMap((item) => ['LINKEDIN ILLUSION', `[${item.source}]`, `"${item.ad}"`, 'OTIOSE TRANSLATION', item.translation]);
}

export function writeDayInTheLife(section: Sections['day-in-the-life']): string[] {
  return section.entries.flatMap((entry) => [`[${entry.start} - ${entry.end}]`, entry.title, entry.description]);
}

export function writeBurnWard(section: Sections['burn-ward']): string[] {
  return [`* ${section.summary}`, ...section.quotes.flatMap((quote) => [`"${quote.text}"`, `— ${quote.source}`])];
}

/**
 * `SYSTEM MATCH: NN%` (the first after the page's `[VIEW FULL TAXONOMY] ↗`), title, description,
 * and the arrow with the related record's slug when the item names one.
 */
export function writeRelatedSpecimens(section: Sections['related-specimens']): string[] {
  return section.items.flatMap((item, index) => [
    `${index === 0 ? '[VIEW FULL TAXONOMY] ↗' : ''}SYSTEM MATCH: ${plainDecimal(item.match)}%`,
    item.title,
    item.description,
    item.slug === undefined ? '→' : `→ ${item.slug}`,
  ]);
}
