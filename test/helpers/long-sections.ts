/** A record whose burn ward (14 quotes) and day (12 slots) run over pages, each item marked where it begins and ends. */
import type { CaseFile } from '../../src/record/schema.js';

export function withLongSections(record: CaseFile): CaseFile {
  const long = structuredClone(record);
  long.sections['burn-ward'].quotes = Array.from({ length: 14 }, (_, i) => ({
    text: `Complaint number ${i + 1} begins here. ${'It goes on about alignment meetings, status updates and dashboards that stay green whatever happens. '.repeat(1 + (i % 3))}Complaint ${i + 1} ends here.`,
    source: `board-${i + 1}.example`,
  }));
  long.sections['day-in-the-life'].entries = Array.from({ length: 12 }, (_, i) => ({
    start: `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
    end: `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '59' : '29'}`,
    title: `Slot ${i + 1} opens`,
    description: `${'A meeting about the meeting, with action items for everyone else. '.repeat(3)}Slot ${i + 1} closes.`,
  }));
  return long;
}
