/**
 * [11]: entries of "SYSTEM MATCH: 98%", the related role's title, its description and an arrow.
 * The arrow may name the related record ("→ enterprise-architect"); a bare arrow links the title's
 * slug when a record of that slug is in the data folder.
 */
import { SLUG_PATTERN, type Sections } from '../../schema.js';
import { quoteLine, type TextLine } from '../lines.js';
import type { SectionText } from '../reading.js';

/** "[VIEW FULL TAXONOMY] ↗" is the page's link furniture before the first match. */
const MATCH = /^(?:\[VIEW FULL TAXONOMY\]\s*↗?\s*)?SYSTEM MATCH\s*:?\s*(\d+(?:\.\d+)?)\s*%$/iu;
const ARROW = /^(?:→|->)\s*(.*)$/su;
/** The page's link to the taxonomy, when it stands on a line of its own. */
const TAXONOMY_LINK = /^\[VIEW FULL TAXONOMY\]\s*↗?$/iu;

/** The slug a title would have: "Enterprise Architect" → "enterprise-architect". */
export function slugOfTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function readRelatedSpecimens(section: SectionText): Omit<Sections['related-specimens'], 'heading'> {
  const items: Sections['related-specimens']['items'] = [];
  const plain = (line: TextLine) => !MATCH.test(line.text) && !ARROW.test(line.text);
  while (!section.atEnd()) {
    if (TAXONOMY_LINK.test(section.peek()!.text)) section.next();
    const path = [...section.path, 'items', items.length];
    const matchLine = section.expect('"SYSTEM MATCH: NN%", opening a related role', [...path, 'match'], (line) => MATCH.test(line.text));
    const titleLine = section.expect('the related role\'s title', [...path, 'title'], plain);
    const descriptionLine = section.expect(`the description of ${quoteLine(titleLine)}`, [...path, 'description'], plain);
    const arrowLine = section.peek() !== undefined && ARROW.test(section.peek()!.text) ? section.next() : undefined;
    const slug = relatedSlug(section, titleLine, arrowLine, [...path, 'slug']);
    items.push({
      match: section.from([...path, 'match'], matchLine, Number(MATCH.exec(matchLine.text)![1])),
      title: section.from([...path, 'title'], titleLine, titleLine.text),
      description: section.from([...path, 'description'], descriptionLine, descriptionLine.text),
      ...(slug === undefined ? {} : { slug }),
    });
  }
  return { items };
}

function relatedSlug(section: SectionText, titleLine: TextLine, arrowLine: TextLine | undefined, path: (string | number)[]): string | undefined {
  const named = arrowLine === undefined ? '' : ARROW.exec(arrowLine.text)![1]!;
  if (named !== '') {
    if (!SLUG_PATTERN.test(named)) section.failAt(arrowLine, 'a record\'s slug after the arrow (lower-case letters, digits and hyphens), or a bare arrow', path);
    return section.from(path, arrowLine!, named);
  }
  const derived = slugOfTitle(titleLine.text);
  return section.reading.knownSlugs.has(derived) ? section.from(path, titleLine, derived) : undefined;
}
