/**
 * The outline a dossier's bookmarks and headings must have, worked out from the record alone:
 * the title (level 1), each section's heading in print order (level 2) and, under the sections
 * that name their items, each item (level 3): metrics, weapons, autopsy specimens (by their
 * bracketed source), day-log entries, related roles.
 */
import type { CaseFile } from '../../src/record/schema.js';
import { SECTIONS, type SectionId } from '../../src/record/sections.js';

export interface OutlineEntry {
  title: string;
  level: number;
}

function itemsOf(record: CaseFile, id: SectionId): string[] {
  const { sections } = record;
  switch (id) {
    case 'metrics':
      return sections.metrics.items.map((item) => item.name);
    case 'weaponry':
      return sections.weaponry.items.map((item) => item.name);
    case 'job-ad-autopsy':
      return sections['job-ad-autopsy'].items.map((item) => `[${item.source}]`);
    case 'day-in-the-life':
      return sections['day-in-the-life'].entries.map((entry) => entry.title);
    case 'related-specimens':
      return sections['related-specimens'].items.map((item) => item.title);
    default:
      return [];
  }
}

export function expectedOutline(record: CaseFile): OutlineEntry[] {
  return [
    { title: record.title, level: 1 },
    ...SECTIONS.flatMap((info) => [
      { title: record.sections[info.id].heading ?? info.defaultHeading, level: 2 },
      ...itemsOf(record, info.id).map((title) => ({ title, level: 3 })),
    ]),
  ];
}
