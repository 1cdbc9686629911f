/**
 * [03]: "MARKET AVERAGE", the figure, "* note" and the quoted line. The note carries the top
 * earners' figure ("reaching nearly $260,000"); a "TOP EARNERS:" line, when present, wins.
 */
import type { Sections } from '../../schema.js';
import type { TextLine } from '../lines.js';
import { figuresIn, readFigure } from '../money.js';
import { unquote } from '../quotes.js';
import type { SectionText } from '../reading.js';
import { bulleted } from './shared.js';

type Salary = Omit<Sections['salary'], 'heading'>;

const MARKET_AVERAGE = /^MARKET AVERAGE\s*:?\s*(.*)$/isu;
const TOP_EARNERS = /^TOP EARNERS\s*:\s*(.+)$/isu;
const REACHING = /\breach(?:ing|es|ed)?\b/giu;
/** Words that hedge a figure, longest first so "well over" wins over "over". */
const HEDGES = [
  'in excess of', 'upwards of', 'as much as', 'as high as', 'an estimated', 'more than', 'well over', 'just under',
  'just over', 'close to', 'north of', 'up to', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately',
  'over', 'under', 'circa', 'some',
];

export interface TopEarners {
  amount: number;
  currency: string;
  qualifier?: string;
}

/**
 * What the note says the top earners reach: the figure after "reaching", hedged by the words
 * between; or, without "reaching", the note's one figure, hedged by the word before it.
 */
export function topEarnersFromNote(note: string): TopEarners | undefined {
  const figures = figuresIn(note);
  for (const reach of note.matchAll(REACHING)) {
    const after = reach.index + reach[0].length;
    const figure = figures.find((candidate) => candidate.index >= after);
    if (figure === undefined) continue;
    const between = note.slice(after, figure.index).trim();
    if (between.length > 40 || /[\d.;:!?]/u.test(between)) continue;
    return withQualifier(figure.text, between);
  }
  if (figures.length !== 1) return undefined;
  const [figure] = figures;
  const before = note.slice(0, figure!.index).trimEnd();
  const hedge = HEDGES.find((words) => before.toLowerCase().endsWith(words) && !/\p{L}/u.test(before.at(-words.length - 1) ?? ''));
  return withQualifier(figure!.text, hedge === undefined ? '' : before.slice(before.length - hedge.length));
}

function withQualifier(figureText: string, qualifier: string): TopEarners | undefined {
  const figure = readFigure(figureText);
  if (!figure.ok) return undefined;
  return { amount: figure.amount, currency: figure.currency, ...(qualifier === '' ? {} : { qualifier }) };
}

/** "TOP EARNERS: nearly $260,000": the longest run of words at the end that reads as a figure, hedged by what comes before, as written. */
function readTopEarnersLine(text: string): TopEarners | { reason: string } {
  const trimmed = text.trim();
  const wordStarts = [...trimmed.matchAll(/\S+/gu)].map((word) => word.index);
  for (const start of wordStarts.slice(-4)) {
    const figure = readFigure(trimmed.slice(start));
    if (!figure.ok) continue;
    const qualifier = trimmed.slice(0, start).trim();
    return { amount: figure.amount, currency: figure.currency, ...(qualifier === '' ? {} : { qualifier }) };
  }
  const last = readFigure(trimmed.slice(wordStarts.at(-1) ?? 0));
  return { reason: last.ok ? 'a figure with its currency at the end' : last.reason };
}

interface SalaryLines {
  note?: TextLine;
  quote?: TextLine;
  topEarners?: TextLine;
}

function otherLines(section: SectionText): SalaryLines {
  const found: SalaryLines = {};
  for (let line = section.peek(); line !== undefined; line = section.peek()) {
    const kind = bulleted(line, '*') !== undefined ? 'note' : TOP_EARNERS.test(line.text) ? 'topEarners' : unquote(line.text) !== undefined ? 'quote' : undefined;
    if (kind === undefined || found[kind] !== undefined) {
      section.failAt(line, 'the note ("* …"), the quoted line ("…"), or a TOP EARNERS: line, each once', section.path);
    }
    found[kind] = section.next();
  }
  return found;
}

export function readSalary(section: SectionText): Salary {
  const path = section.path;
  const labelLine = section.expect('MARKET AVERAGE', [...path, 'marketAverage'], (line) => MARKET_AVERAGE.test(line.text));
  const onLabel = MARKET_AVERAGE.exec(labelLine.text)![1]!;
  const figureLine = onLabel === '' ? section.expect('the MARKET AVERAGE figure with its currency, e.g. "$188,924"', [...path, 'marketAverage'], (line) => /\d/u.test(line.text) && bulleted(line, '*') === undefined) : labelLine;
  const average = readFigure(onLabel === '' ? figureLine.text : onLabel);
  if (!average.ok) section.failAt(figureLine, `the MARKET AVERAGE figure with its currency: ${average.reason}`, [...path, 'marketAverage']);

  const lines = otherLines(section);
  if (lines.note === undefined) section.failAt(undefined, 'the note under the figure, "* …"', [...path, 'note']);
  if (lines.quote === undefined) section.failAt(undefined, 'the quoted line, "…"', [...path, 'quote']);
  const note = bulleted(lines.note, '*')!;
  const top = topEarners(section, lines, note);
  if (top.currency !== average.currency) {
    section.failAt(top.line, `the top earners' figure in the market average's currency (${average.currency}), not ${top.currency}`, [...path, 'topEarners']);
  }
  return {
    currency: section.from([...path, 'currency'], figureLine, average.currency),
    marketAverage: section.from([...path, 'marketAverage'], figureLine, average.amount),
    topEarners: section.from([...path, 'topEarners'], top.line, top.amount),
    ...(top.qualifier === undefined ? {} : { topEarnersQualifier: section.from([...path, 'topEarnersQualifier'], top.line, top.qualifier) }),
    note: section.from([...path, 'note'], lines.note, note),
    quote: section.from([...path, 'quote'], lines.quote, unquote(lines.quote.text)!),
  };
}

function topEarners(section: SectionText, lines: SalaryLines, note: string): TopEarners & { line: TextLine } {
  const path = [...section.path, 'topEarners'];
  if (lines.topEarners !== undefined) {
    const read = readTopEarnersLine(TOP_EARNERS.exec(lines.topEarners.text)![1]!);
    if ('reason' in read) return section.failAt(lines.topEarners, `TOP EARNERS: with a figure, e.g. "TOP EARNERS: nearly $260,000": ${read.reason}`, path);
    return { ...read, line: lines.topEarners };
  }
  const fromNote = topEarnersFromNote(note);
  if (fromNote === undefined) {
    return section.failAt(lines.note!, `the note to give the top earners' figure ("…reaching nearly $260,000…"), or a TOP EARNERS: line`, path);
  }
  return { ...fromNote, line: lines.note! };
}
