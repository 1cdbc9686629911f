/**
 * A record as FILE RECORD page text (docs/page-text.md): the header, then the eleven sections in
 * order, each under its `[NN] heading` line. LF line ends and a final newline.
 */
import type { CaseFile, Sections } from '../schema.js';
import { SECTIONS, type SectionId } from '../sections.js';
import { aliasesReadBack, listedAliases, runTogetherAliases } from './write-aliases.js';
import {
  writeBurnWard,
  writeDayInTheLife,
  writeFlightRisk,
  writeHabitat,
  writeJobAdAutopsy,
  writeNamedItems,
  writeOrgChart,
  writeRelatedSpecimens,
  writeSalary,
  writeSectionLine,
  writeSurvivalGuide,
} from './write-sections.js';

/**
 * The aliases run together, as the page prints them, unless that line would not read back as the
 * same aliases: then one `- alias` a line.
 */
export function formatPageText(record: CaseFile): string {
  const runTogether = composePageText(record, runTogetherAliases(record.aliases));
  if (record.aliases.length === 0 || aliasesReadBack(runTogether, record.aliases)) return runTogether;
  return composePageText(record, listedAliases(record.aliases));
}

function composePageText(record: CaseFile, aliasLines: readonly string[]): string {
  const lines = [`FILE RECORD: ${record.slug.toUpperCase()}`, record.question, record.title];
  for (const { id, number } of SECTIONS) {
    lines.push(writeSectionLine(number, record.sections[id].heading), ...sectionBody(id, record.sections, aliasLines));
  }
  return `${lines.join('\n')}\n`;
}

function sectionBody(id: SectionId, sections: Sections, aliasLines: readonly string[]): string[] {
  switch (id) {
    case 'org-chart':
      return writeOrgChart(sections['org-chart'], aliasLines);
    case 'habitat':
      return writeHabitat(sections.habitat);
    case 'salary':
      return writeSalary(sections.salary);
    case 'flight-risk':
      return writeFlightRisk(sections['flight-risk']);
    case 'metrics':
      return writeNamedItems(sections.metrics);
    case 'weaponry':
      return writeNamedItems(sections.weaponry);
    case 'survival-guide':
      return writeSurvivalGuide(sections['survival-guide']);
    case 'job-ad-autopsy':
      return writeJobAdAutopsy(sections['job-ad-autopsy']);
    case 'day-in-the-life':
      return writeDayInTheLife(sections['day-in-the-life']);
    case 'burn-ward':
      return writeBurnWard(sections['burn-ward']);
    case 'related-specimens':
      return writeRelatedSpecimens(sections['related-specimens']);
  }
}
