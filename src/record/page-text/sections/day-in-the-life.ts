/** [09]: groups of "[10:00 - 11:00]", the slot's title and what happens in it. */
import type { Sections } from '../../schema.js';
import type { TextLine } from '../lines.js';
import type { SectionText } from '../reading.js';

const SLOT = /^\[\s*(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})\s*\]$/u;

export function readDayInTheLife(section: SectionText): Omit<Sections['day-in-the-life'], 'heading'> {
  const entries: Sections['day-in-the-life']['entries'] = [];
  const notSlot = (line: TextLine) => !SLOT.test(line.text);
  while (!section.atEnd()) {
    const path = [...section.path, 'entries', entries.length];
    const slotLine = section.expect('a time slot, e.g. "[10:00 - 11:00]"', [...path, 'start'], (line) => SLOT.test(line.text));
    const [, startHour, startMinute, endHour, endMinute] = SLOT.exec(slotLine.text)!;
    const titleLine = section.expect(`the title of the ${slotLine.text} slot`, [...path, 'title'], notSlot);
    const descriptionLine = section.expect(`what happens in the ${slotLine.text} slot, after its title`, [...path, 'description'], notSlot);
    if (startHour!.length === 1 || endHour!.length === 1) section.note(slotLine, 'notice', `read ${slotLine.text} as ${clock(startHour!, startMinute!)} to ${clock(endHour!, endMinute!)}`);
    entries.push({
      start: section.from([...path, 'start'], slotLine, clock(startHour!, startMinute!)),
      end: section.from([...path, 'end'], slotLine, clock(endHour!, endMinute!)),
      title: section.from([...path, 'title'], titleLine, titleLine.text),
      description: section.from([...path, 'description'], descriptionLine, descriptionLine.text),
    });
  }
  return { entries };
}

const clock = (hour: string, minute: string) => `${hour.padStart(2, '0')}:${minute}`;
