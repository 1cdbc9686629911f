/**
 * The shape of a page text: the FILE RECORD line, the question, the title, then the eleven
 * numbered sections in order, each once. Splits the lines into the header and one block per
 * section; what a section's lines mean is each section reader's business.
 */
import { SECTIONS, type SectionInfo } from '../sections.js';
import type { TextLine } from './lines.js';
import { quoteLine } from './lines.js';
import type { Reading } from './reading.js';

export interface SectionBlock {
  info: SectionInfo;
  headingLine: TextLine;
  /** The heading's wording, or undefined for a bare "[03]". */
  heading: string | undefined;
  lines: TextLine[];
}

export interface Outline {
  slugLine: TextLine;
  slug: string;
  questionLine: TextLine;
  titleLine: TextLine;
  sections: SectionBlock[];
}

const FILE_RECORD = /^FILE RECORD\s*:\s*(.*)$/isu;
const HEADING = /^\[(\d{1,2})\](?:\s*(.*))?$/su;

/** The slug a text's FILE RECORD line names, read without the rest of the text; undefined when it names none. */
export function pageTextSlug(text: string): string | undefined {
  const first = /^\s*(.*)/u.exec(text.replace(/^\uFEFF/, ''))?.[1]?.split(/\r\n|\r|\n/, 1)[0];
  const slug = first === undefined ? undefined : FILE_RECORD.exec(first.trim())?.[1]?.trim().toLowerCase();
  return slug === '' ? undefined : slug;
}

export function isHeading(line: TextLine): boolean {
  return HEADING.test(line.text);
}

const standard = (info: SectionInfo) => `[${info.number}] ${info.defaultHeading}`;

export function outline(lines: readonly TextLine[], reading: Reading): Outline {
  const [slugLine, questionLine, titleLine] = lines;
  function fail(line: TextLine | undefined, message: string, path: (string | number)[]): never {
    return reading.fail(line?.number ?? lines.at(-1)?.number ?? 1, '', `${message}; found ${line === undefined ? 'the end of the text' : quoteLine(line)}`, path);
  }

  const slugMatch = slugLine === undefined ? null : FILE_RECORD.exec(slugLine.text);
  if (slugMatch === null) fail(slugLine, 'expected the text to open with "FILE RECORD: <SLUG>"', ['slug']);
  for (const [line, what, path] of [
    [questionLine, 'the question, e.g. "WHAT DOES A … ACTUALLY DO?", on the line after FILE RECORD', 'question'],
    [titleLine, 'the role\'s title on the line after the question', 'title'],
  ] as const) {
    if (line === undefined || isHeading(line)) fail(line, `expected ${what}`, [path]);
  }

  const sections: SectionBlock[] = [];
  let current: SectionBlock | undefined;
  for (const line of lines.slice(3)) {
    const heading = HEADING.exec(line.text);
    if (heading === null) {
      if (current === undefined) fail(line, `expected ${standard(SECTIONS[0]!)} after the title`, ['sections']);
      current.lines.push(line);
      continue;
    }
    const number = heading[1]!.padStart(2, '0');
    const expected = SECTIONS[sections.length];
    if (expected === undefined || number !== expected.number) fail(line, sectionOrderProblem(number, expected, sections), ['sections', ...(expected ? [expected.id] : [])]);
    current = { info: expected, headingLine: line, heading: heading[2] === undefined || heading[2] === '' ? undefined : heading[2], lines: [] };
    sections.push(current);
  }
  const missing = SECTIONS[sections.length];
  if (missing !== undefined) fail(undefined, `expected ${standard(missing)}: every section from [01] to [11], in order`, ['sections', missing.id]);
  return { slugLine: slugLine!, slug: slugMatch![1]!.trim().toLowerCase(), questionLine: questionLine!, titleLine: titleLine!, sections };
}

function sectionOrderProblem(number: string, expected: SectionInfo | undefined, seen: readonly SectionBlock[]): string {
  const known = SECTIONS.find((info) => info.number === number);
  if (known === undefined) return `expected ${expected ? standard(expected) : 'the end of the text after [11]'}: there is no section [${number}] (the sections are [01] to [11])`;
  if (expected === undefined) return `expected the end of the text after [11], not a second [${number}]`;
  if (seen.some((block) => block.info === known)) return `expected ${standard(expected)}: [${number}] appears a second time (each section comes once, in order)`;
  return `expected ${standard(expected)} before [${number}]: section [${expected.number}] is missing or out of order`;
}
