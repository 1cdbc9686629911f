/** [10]: "* where the complaints come from", then each quoted complaint and its "— source". */
import type { Sections } from '../../schema.js';
import { unquote } from '../quotes.js';
import type { SectionText } from '../reading.js';
import { bulleted } from './shared.js';

const SOURCE = /^(?:—|–|--|-)\s*(.+)$/su;

export function readBurnWard(section: SectionText): Omit<Sections['burn-ward'], 'heading'> {
  const path = section.path;
  const summaryLine = section.expect('the summary, "* …"', [...path, 'summary'], (line) => bulleted(line, '*') !== undefined);
  const quotes: Sections['burn-ward']['quotes'] = [];
  while (!section.atEnd()) {
    const quotePath = [...path, 'quotes', quotes.length];
    const textLine = section.expect('a complaint in quotes, "…"', [...quotePath, 'text'], (line) => unquote(line.text) !== undefined);
    const sourceLine = section.expect('the complaint\'s source after a dash, e.g. "— teamblind.com"', [...quotePath, 'source'], (line) => SOURCE.test(line.text));
    quotes.push({
      text: section.from([...quotePath, 'text'], textLine, unquote(textLine.text)!),
      source: section.from([...quotePath, 'source'], sourceLine, SOURCE.exec(sourceLine.text)![1]!),
    });
  }
  return { summary: section.from([...path, 'summary'], summaryLine, bulleted(summaryLine, '*')!), quotes };
}
