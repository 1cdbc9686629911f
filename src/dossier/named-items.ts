/**
 * The items of a section a reader can jump between: metrics, weapons, autopsy specimens, day-log
 * entries and related roles. The templates make each one's title an H3, so Chromium bookmarks it
 * under its section; finishing gives those bookmarks the titles as the record spells them.
 */
import type { CaseFile } from '../record/schema.js';

/** Each named item's title as its H3 prints it (an autopsy specimen is named by its bracketed source). */
export function namedItemTitles(record: CaseFile): string[] {
  const { sections } = record;
  return [
    ...sections.metrics.items.map((item) => item.name),
    ...sections.weaponry.items.map((item) => item.name),
    ...sections['job-ad-autopsy'].items.map((item) => `[${item.source}]`),
    ...sections['day-in-the-life'].entries.map((entry) => entry.title),
    ...sections['related-specimens'].items.map((item) => item.title),
  ];
}
