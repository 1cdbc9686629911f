/**
 * The page prints a role's aliases on one line with nothing between them:
 * "Principal Infrastructure EngineerInfrastructure ArchitectSenior Platform Engineer (sometimes)Cloud Operations Lead".
 * This finds where one alias ends and the next begins, keeps camel-case words whole, and says why
 * at every place it split or chose not to.
 */
import { CAMEL_ENDINGS, isKnownCamelWord } from './camel-words.js';

export type AliasDecisionKind = 'split' | 'kept' | 'unsure';

export interface AliasDecision {
  kind: AliasDecisionKind;
  /** Where in the line: the split falls before this index. */
  index: number;
  message: string;
}

export interface AliasSplit {
  aliases: string[];
  decisions: AliasDecision[];
}

type Boundary = { index: number; why: 'case' | 'bracket' | 'acronym' };

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CLOSERS = new Set([')', ']']);

/** Places where an alias may end: a lower-case letter or a closing bracket before a capital, or the last capital of a run before a capitalised word. */
function boundaries(line: string): Boundary[] {
  const chars = [...line];
  const found: Boundary[] = [];
  let offset = 0;
  for (let i = 0; i < chars.length; i += 1) {
    const here = chars[i]!;
    const before = chars[i - 1] ?? '';
    if (i > 0 && UPPER.test(here)) {
      if (LOWER.test(before)) found.push({ index: offset, why: 'case' });
      else if (CLOSERS.has(before)) found.push({ index: offset, why: 'bracket' });
      else if (UPPER.test(before) && UPPER.test(chars[i - 2] ?? '') && LOWER.test(chars[i + 1] ?? '')) found.push({ index: offset, why: 'acronym' });
    }
    offset += here.length;
  }
  return found;
}

/** The run of letters and digits around a boundary: the word it would cut. */
function wordAround(line: string, index: number): { start: number; end: number; word: string } {
  let start = index;
  while (start > 0 && LETTER_OR_DIGIT.test(line[start - 1]!)) start -= 1;
  let end = index;
  while (end < line.length && LETTER_OR_DIGIT.test(line[end]!)) end += 1;
  return { start, end, word: line.slice(start, end) };
}

/**
 * A dictionary word that covers the boundary: it stands in the line across it and is not the
 * front of a longer lower-case word ("LinkedIn" in "LinkedInfrastructure" is not the brand).
 */
function coveringWord(line: string, index: number, isWord: (word: string) => boolean): string | undefined {
  const { start, end } = wordAround(line, index);
  for (let from = start; from < index; from += 1) {
    for (let to = end; to > index; to -= 1) {
      const candidate = line.slice(from, to);
      if (isWord(candidate) && !LOWER.test(line[to] ?? '')) return candidate;
    }
  }
  return undefined;
}

/** A word of the same make as the known ones, which the text alone cannot prove: "eBay", "ITOps". */
function sameMake(line: string, index: number): { word: string; why: string } | undefined {
  const { start, end, word } = wordAround(line, index);
  const prefix = line.slice(start, index);
  if (/^\p{Ll}{1,3}$/u.test(prefix)) return { word, why: 'a short lower-case prefix on a capitalised word, as in eBay or iPhone' };
  const rest = line.slice(index, end);
  const ending = CAMEL_ENDINGS.find((part) => rest.startsWith(part) && !LOWER.test(rest[part.length] ?? ''));
  if (ending !== undefined && UPPER.test(prefix[0] ?? '')) {
    return { word: line.slice(start, index + ending.length), why: `a capitalised word ending in "${ending}", as in DevOps or GraphQL` };
  }
  return undefined;
}

const WHY_SPLIT: Record<Boundary['why'], string> = {
  case: 'a lower-case letter ran into a capital',
  bracket: 'a closing bracket ran into a capital',
  acronym: 'a run of capitals ran into a capitalised word',
};

function context(line: string, index: number): string {
  const before = line.slice(Math.max(0, index - 18), index);
  const after = line.slice(index, index + 18);
  return `"${index > 18 ? '…' : ''}${before}|${after}${index + 18 < line.length ? '…' : ''}"`;
}

/**
 * Splits one run-together aliases line. `ownWords` are the camel-case words the record uses
 * elsewhere, which count as words here too.
 */
export function splitAliases(line: string, ownWords: ReadonlySet<string>): AliasSplit {
  const isWord = (word: string) => isKnownCamelWord(word) || ownWords.has(word);
  const decisions: AliasDecision[] = [];
  const cuts: number[] = [];
  for (const boundary of boundaries(line)) {
    const { index } = boundary;
    const known = boundary.why === 'bracket' ? undefined : coveringWord(line, index, isWord);
    if (known !== undefined) {
      const source = isKnownCamelWord(known) ? 'a known word' : 'a word the record uses elsewhere';
      const message = `kept "${known}" whole (${source})`;
      if (decisions.at(-1)?.message !== message) decisions.push({ kind: 'kept', index, message });
      continue;
    }
    const like = boundary.why === 'bracket' ? undefined : sameMake(line, index);
    if (like !== undefined) {
      decisions.push({ kind: 'unsure', index, message: `kept "${like.word}" whole, unsure: ${like.why}; if it is two aliases, write them one per line as "- alias"` });
      continue;
    }
    cuts.push(index);
    decisions.push({ kind: 'split', index, message: `split at ${context(line, index)}: ${WHY_SPLIT[boundary.why]}` });
  }
  decisions.push(...unsplitRuns(line));
  const edges = [0, ...cuts, line.length];
  const aliases = edges.slice(1).map((end, i) => line.slice(edges[i], end).trim());
  return { aliases, decisions: decisions.sort((a, b) => a.index - b.index) };
}

/** Joins the rules leave alone but a reader should look at: a digit or a known lower-case word running on from a letter. */
function unsplitRuns(line: string): AliasDecision[] {
  const found: AliasDecision[] = [];
  for (const match of line.matchAll(/\p{N}(?=\p{Lu}\p{Ll})/gu)) {
    const index = match.index + match[0].length;
    found.push({ kind: 'unsure', index, message: `did not split at ${context(line, index)}: a digit runs into a capitalised word; if it is two aliases, write them one per line as "- alias"` });
  }
  for (const match of line.matchAll(/\p{L}(?=\p{Ll}{1,3}\p{Lu})/gu)) {
    const index = match.index + match[0].length;
    const { start, word: whole } = wordAround(line, index);
    const word = whole.slice(index - start);
    if (isKnownCamelWord(word) && LOWER.test(word[0] ?? '')) {
      found.push({ kind: 'unsure', index, message: `did not split at ${context(line, index)}: "${word}" runs on from the letter before it; if it starts an alias, write the aliases one per line as "- alias"` });
    }
  }
  return found;
}
