/** [07]: "[IF ENGAGED:]advice", one a line; the advice may stand on the next line. */
import type { Sections } from '../../schema.js';
import type { SectionText } from '../reading.js';

const SITUATION = /^\[([^\]]+)\]\s*(.*)$/su;

export function readSurvivalGuide(section: SectionText): Omit<Sections['survival-guide'], 'heading'> {
  const items: Sections['survival-guide']['items'] = [];
  while (!section.atEnd()) {
    const path = [...section.path, 'items', items.length];
    const line = section.expect('a situation and its advice, e.g. "[IF ENGAGED:]Nod and keep walking"', [...path, 'situation'], (candidate) => SITUATION.test(candidate.text));
    const [, bracket, adviceOnLine] = SITUATION.exec(line.text)!;
    const adviceLine = adviceOnLine === '' ? section.expect(`the advice for [${bracket}]`, [...path, 'advice'], (candidate) => !SITUATION.test(candidate.text)) : line;
    items.push({
      // One trailing colon is the page's punctuation, not the situation's.
      situation: section.from([...path, 'situation'], line, bracket!.replace(/:$/, '')),
      advice: section.from([...path, 'advice'], adviceLine, adviceOnLine === '' ? adviceLine.text : adviceOnLine!),
    });
  }
  return { items };
}
