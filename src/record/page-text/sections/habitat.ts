/** [02]: one "- place" a line. */
import type { Sections } from '../../schema.js';
import type { SectionText } from '../reading.js';

const place = (text: string) => /^[-•]\s+(.+)$/su.exec(text)?.[1];

export function readHabitat(section: SectionText): Omit<Sections['habitat'], 'heading'> {
  const places: string[] = [];
  while (!section.atEnd()) {
    const path = [...section.path, 'places', places.length];
    const line = section.expect('a place, "- …"', path, (candidate) => place(candidate.text) !== undefined);
    places.push(section.from(path, line, place(line.text)!));
  }
  return { places };
}
