/** [08]: groups of LINKEDIN ILLUSION, [SOURCE], "the ad", OTIOSE TRANSLATION, what it means. */
import type { Sections } from '../../schema.js';
import { unquote } from '../quotes.js';
import type { SectionText } from '../reading.js';
import { isLabel } from './shared.js';

const SOURCE = /^\[([^\]]+)\]$/u;

export function readJobAdAutopsy(section: SectionText): Omit<Sections['job-ad-autopsy'], 'heading'> {
  const items: Sections['job-ad-autopsy']['items'] = [];
  while (!section.atEnd()) {
    const path = [...section.path, 'items', items.length];
    const opening = section.expect('LINKEDIN ILLUSION, opening an advert', path, (line) => isLabel(line, 'LINKEDIN ILLUSION'));
    section.from(path, opening, undefined);
    const sourceLine = section.expect('the advert\'s source in brackets, e.g. "[SOURCE REDACTED]"', [...path, 'source'], (line) => SOURCE.test(line.text));
    const adLine = section.expect('the advert in quotes, "…"', [...path, 'ad'], (line) => unquote(line.text) !== undefined);
    section.expect('OTIOSE TRANSLATION after the advert', [...path, 'translation'], (line) => isLabel(line, 'OTIOSE TRANSLATION'));
    const translationLine = section.expect('the translation after OTIOSE TRANSLATION', [...path, 'translation'], (line) => !isLabel(line, 'LINKEDIN ILLUSION'));
    items.push({
      source: section.from([...path, 'source'], sourceLine, SOURCE.exec(sourceLine.text)![1]!),
      ad: section.from([...path, 'ad'], adLine, unquote(adLine.text)!),
      translation: section.from([...path, 'translation'], translationLine, translationLine.text),
    });
  }
  return { items };
}
