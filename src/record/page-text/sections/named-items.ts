/** [05] and [06]: a name line, then its description line, any number of times. */
import type { Sections } from '../../schema.js';
import { quoteLine } from '../lines.js';
import type { SectionText } from '../reading.js';

export function readNamedItems(section: SectionText, what: string): Omit<Sections['metrics'], 'heading'> {
  const items: Sections['metrics']['items'] = [];
  while (!section.atEnd()) {
    const path = [...section.path, 'items', items.length];
    const nameLine = section.expect(`the name of a ${what}`, [...path, 'name']);
    const descriptionLine = section.expect(`the description of ${quoteLine(nameLine)} on the line after its name`, [...path, 'description']);
    section.from(path, nameLine, undefined);
    items.push({
      name: section.from([...path, 'name'], nameLine, nameLine.text),
      description: section.from([...path, 'description'], descriptionLine, descriptionLine.text),
    });
  }
  return { items };
}
