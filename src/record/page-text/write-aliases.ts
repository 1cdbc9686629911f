/**
 * The two ways the page text holds the aliases (docs/page-text.md, "[01] Aliases"): run together
 * on one line as the page prints them, or one `- alias` a line, each read exactly as written.
 */
import { isDeepStrictEqual } from 'node:util';
import { parsePageText } from './parse.js';

/** The page's own form: one line, nothing between the aliases; no line at all for none. */
export function runTogetherAliases(aliases: readonly string[]): string[] {
  return aliases.length === 0 ? [] : [aliases.join('')];
}

/** The list form, for aliases the run-together line cannot give back. */
export function listedAliases(aliases: readonly string[]): string[] {
  return aliases.map((alias) => `- ${alias}`);
}

/**
 * Does `text` give back exactly these aliases? The reader splits a run-together line by the words of
 * the whole text, so only reading the whole text can tell. A text that does not read at all does
 * not give them back either (export then names the value at fault).
 */
export function aliasesReadBack(text: string, aliases: readonly string[]): boolean {
  try {
    return isDeepStrictEqual(parsePageText(text, { file: '(page text)', knownSlugs: new Set() }).record.aliases, aliases);
  } catch {
    return false;
  }
}
