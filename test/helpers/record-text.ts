/**
 * What "record text is text" and "headings stay with their content" mean, measured on a PDF's
 * extracted text and word boxes.
 */
import type { CaseFile } from '../../src/record/schema.js';
import type { PdfWord } from './poppler.js';

/** Keys whose values are identifiers or codes the layout formats (a slug, a currency), not text it prints. */
const NOT_PRINTED_AS_IS = new Set(['$schema', 'slug', 'currency']);

/** Every string of a record a reader should find in print, depth first. */
export function recordStrings(record: unknown, key = ''): string[] {
  if (typeof record === 'string') return NOT_PRINTED_AS_IS.has(key) ? [] : [record];
  if (Array.isArray(record)) return record.flatMap((item) => recordStrings(item, key));
  if (record && typeof record === 'object') return Object.entries(record).flatMap(([name, value]) => recordStrings(value, name));
  return [];
}

/**
 * Text as a search would compare it: typographic quotes as straight ones, any run of whitespace as
 * one space, case folded (headings are set in capitals), and hyphens dropped with the space after
 * them, because a line broken after "hyper-" comes out as "hyper- growth" (raw) or "hypergrowth"
 * (pdftotext joins what it takes for a hyphenated word).
 */
export function searchable(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E]/g, '"')
    .replace(/-\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Letters and digits only, capitals, for matching a word against a PDF's words. Chromium
 * sometimes writes a capital I that pdftotext cannot map (seen on later sheets of a long multi-sheet
 * print), so I is left out on both sides. */
const letters = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/I/g, '');

/** Where the words of `text` (its first `count` words, or its last with a negative count) sit on a page. */
export function findWords(page: PdfWord[], text: string, count = 4): PdfWord[][] {
  const all = text.split(/\s+/).filter((word) => letters(word) !== '');
  const wanted = letters((count >= 0 ? all.slice(0, count) : all.slice(count)).join(''));
  const found: PdfWord[][] = [];
  for (let start = 0; start < page.length; start += 1) {
    if (letters(page[start]!.text) === '') continue;
    let joined = '';
    for (let end = start; end < page.length && joined.length < wanted.length; end += 1) {
      joined += letters(page[end]!.text);
      if (joined === wanted) found.push(page.slice(start, end + 1));
      if (!wanted.startsWith(joined)) break;
    }
  }
  return found;
}

/** The box around some words. */
export function boxOf(words: PdfWord[]): PdfWord {
  return {
    text: words.map((word) => word.text).join(' '),
    xMin: Math.min(...words.map((word) => word.xMin)),
    yMin: Math.min(...words.map((word) => word.yMin)),
    xMax: Math.max(...words.map((word) => word.xMax)),
    yMax: Math.max(...words.map((word) => word.yMax)),
  };
}

/** The text each section starts with, below its heading, as the templates print it. */
export function firstLines(record: CaseFile): Record<keyof CaseFile['sections'], string> {
  const s = record.sections;
  return {
    'org-chart': s['org-chart'].summary,
    habitat: 'RANGE 01',
    salary: 'MARKET AVERAGE',
    'flight-risk': 'FLIGHT RISK:',
    metrics: 'METRIC 01',
    weaponry: 'WEAPON 01',
    'survival-guide': `[${s['survival-guide'].items[0]?.situation ?? ''}:]`,
    'job-ad-autopsy': 'LINKEDIN ILLUSION',
    'day-in-the-life': s['day-in-the-life'].entries[0]?.start ?? '',
    // Not the summary under the heading: a heading and its one-line aside still leave the notes behind.
    'burn-ward': s['burn-ward'].quotes[0]?.text ?? '',
    'related-specimens': '[VIEW FULL TAXONOMY]',
  };
}

/** The text each section ends with, as the templates print it. */
export function lastLines(record: CaseFile): Record<keyof CaseFile['sections'], string> {
  const s = record.sections;
  return {
    'org-chart': 'Reporting line, top to bottom',
    habitat: s.habitat.places.at(-1) ?? '',
    salary: s.salary.quote,
    'flight-risk': s['flight-risk'].diagnosis,
    metrics: s.metrics.items.at(-1)?.description ?? '',
    weaponry: s.weaponry.items.at(-1)?.description ?? '',
    'survival-guide': s['survival-guide'].items.at(-1)?.advice ?? '',
    'job-ad-autopsy': s['job-ad-autopsy'].items.at(-1)?.translation ?? '',
    'day-in-the-life': s['day-in-the-life'].entries.at(-1)?.description ?? '',
    'burn-ward': s['burn-ward'].quotes.at(-1)?.text ?? '',
    'related-specimens': s['related-specimens'].items.at(-1)?.description ?? '',
  };
}

export interface Placement {
  /** 1-based page of the heading. */
  page: number;
  heading: PdfWord;
  /** The section's first line, when it is below the heading in the heading's column on the same page. */
  first?: PdfWord;
  /** The section's last line, when it too is in that column on that page. */
  last?: PdfWord;
}

/**
 * Where each section's heading is, and whether its first (and last) line is below it in the same
 * column of the same page: `columnWidth` wide from the heading's left edge (Infinity: the page is one
 * column), above the page's footer (the lowest line holding `footer`), so a heading that ends a
 * column or a page finds nothing.
 */
export function placements(
  pages: PdfWord[][],
  record: CaseFile,
  options: { headings: Record<string, string>; columnWidth: number; footer: string },
): Record<string, Placement | undefined> {
  const firsts = firstLines(record);
  const lasts = lastLines(record);
  const result: Record<string, Placement | undefined> = {};
  for (const [id, heading] of Object.entries(options.headings)) {
    // The heading as set in its section (the largest type: not a contents line, even one that wraps, or a running header).
    const typeSize = (words: PdfWord[]) => Math.max(...words.map((word) => word.yMax - word.yMin));
    const candidates = pages.flatMap((page, index) => findWords(page, heading, Infinity).map((words) => ({ index, box: boxOf(words), size: typeSize(words) })));
    const best = candidates.sort((a, b) => b.size - a.size)[0];
    if (!best) {
      result[id] = undefined;
      continue;
    }
    const page = pages[best.index]!;
    // The footer is the lowest line that says it; without one, the page's foot is the limit.
    const footers = findWords(page, options.footer, Infinity).map((words) => boxOf(words).yMin);
    const footerTop = footers.length > 0 ? Math.max(...footers) : Infinity;
    // A page of one column (columnWidth Infinity) takes any line below; columns start at their heading's left edge.
    const inColumn = (box: PdfWord) =>
      box.yMin >= best.box.yMax - 1 &&
      box.yMax < footerTop &&
      (options.columnWidth === Infinity || (box.xMin >= best.box.xMin - 1 && box.xMin < best.box.xMin + options.columnWidth));
    const nearest = (text: string, count: number) =>
      findWords(page, text, count)
        .map(boxOf)
        .filter(inColumn)
        .sort((a, b) => a.yMin - b.yMin)[0];
    const first = nearest(firsts[id as keyof typeof firsts], 4);
    const last = nearest(lasts[id as keyof typeof lasts], -4);
    result[id] = { page: best.index + 1, heading: best.box, ...(first ? { first } : {}), ...(last ? { last } : {}) };
  }
  return result;
}

/** A poster section as its columns hold it: whether it runs on into a later column, and how tall it is in all. */
export interface ColumnSpan {
  split: boolean;
  /** Heading to last line, counting each column it passes through to the columns' foot. */
  height: number;
}

export interface PosterColumns {
  /** Distance between neighbouring columns' left edges. */
  pitch: number;
  /** Top of the columns (the highest column heading) and their foot (the lowest line above the footer). */
  top: number;
  bottom: number;
  spans: Record<string, ColumnSpan>;
}

/** The distance between neighbouring columns: the smallest gap between the left edges of the column sections' headings. */
export function columnPitch(pages: PdfWord[][], record: CaseFile, options: { headings: Record<string, string>; columnIds: string[]; footer: string }): number {
  const headings = Object.fromEntries(options.columnIds.map((id) => [id, options.headings[id]!]));
  const wide = placements(pages, record, { headings, columnWidth: Infinity, footer: options.footer });
  const lefts = [...new Set(options.columnIds.map((id) => Math.round(wide[id]!.heading.xMin)))].sort((a, b) => a - b);
  return Math.min(...lefts.slice(1).map((left, index) => left - lefts[index]!));
}

/**
 * How a one-page poster's column sections sit in its columns, from the PDF's word boxes: for each,
 * whether its last line is in its heading's column, and if not, how tall it is across the columns
 * it runs through (the rule it must keep: only a section a third of a column tall or more runs on).
 */
export function posterColumns(page: PdfWord[], record: CaseFile, options: { headings: Record<string, string>; columnIds: string[]; footer: string }): PosterColumns {
  const headings = Object.fromEntries(options.columnIds.map((id) => [id, options.headings[id]!]));
  const pitch = columnPitch([page], record, { headings, columnIds: options.columnIds, footer: options.footer });
  const found = placements([page], record, { headings, columnWidth: pitch - 5, footer: options.footer });
  const footers = findWords(page, options.footer, Infinity).map((words) => boxOf(words).yMin);
  const footerTop = footers.length > 0 ? Math.max(...footers) : Infinity;
  const top = Math.min(...options.columnIds.map((id) => found[id]!.heading.yMin));
  const bottom = Math.max(...page.filter((word) => word.yMin >= top && word.yMax < footerTop - 2).map((word) => word.yMax));
  const lasts = lastLines(record);
  const spans: Record<string, ColumnSpan> = {};
  for (const id of options.columnIds) {
    const { heading, last } = found[id]!;
    if (last) {
      spans[id] = { split: false, height: last.yMax - heading.yMin };
      continue;
    }
    // Its last line in a later column: the nearest such to the heading's right.
    const later = findWords(page, lasts[id as keyof typeof lasts], -4)
      .map(boxOf)
      .filter((box) => box.xMin > heading.xMin + pitch / 2 && box.yMax < footerTop)
      .sort((a, b) => a.xMin - b.xMin)[0];
    if (!later) throw new Error(`${id}: its last line is nowhere after its heading`);
    const columnsAfter = Math.round((later.xMin - heading.xMin) / pitch);
    spans[id] = { split: true, height: bottom - heading.yMin + (columnsAfter - 1) * (bottom - top) + (later.yMax - top) };
  }
  return { pitch, top, bottom, spans };
}
