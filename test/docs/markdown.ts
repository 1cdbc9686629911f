/** Just enough Markdown for the docs tests: headings, their GitHub anchors, sections, links and flags. */

/** Fenced code blocks blanked out (line count kept), so a `#` or a link inside one is not read as Markdown. */
export function withoutCodeBlocks(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}

export interface Heading {
  level: number;
  text: string;
  /** Index of the heading's line. */
  line: number;
}

export function headings(markdown: string): Heading[] {
  return withoutCodeBlocks(markdown)
    .split('\n')
    .flatMap((line, index) => {
      const match = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      return match ? [{ level: match[1]!.length, text: match[2]!, line: index }] : [];
    });
}

/**
 * The anchor GitHub gives a heading: lower case, punctuation dropped (inline-code backticks too),
 * each space a hyphen; a repeated anchor gets -1, -2 … in order.
 */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const heading of headings(markdown)) {
    const text = heading.text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The text under a heading, up to the next heading of the same or a higher level. */
export function sections(markdown: string, level: number): Map<string, string> {
  const lines = markdown.split('\n');
  const all = headings(markdown);
  const result = new Map<string, string>();
  all.forEach((heading, index) => {
    if (heading.level !== level) return;
    const next = all.slice(index + 1).find((other) => other.level <= level);
    result.set(heading.text, lines.slice(heading.line + 1, next ? next.line : lines.length).join('\n'));
  });
  return result;
}

/**
 * Every `[text](target)` and `![alt](target)` outside code, and every HTML `src="…"` or `href="…"`,
 * with its line number (from 1).
 */
export function links(markdown: string): { target: string; line: number }[] {
  const patterns = [/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, /<(?:img|a)\b[^>]*?\b(?:src|href)="([^"]+)"/g];
  return withoutCodeBlocks(markdown)
    .split('\n')
    .flatMap((line, index) => {
      const text = line.replace(/`[^`]*`/g, '');
      return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => ({ target: match[1]!, line: index + 1 })));
    });
}

/** `--name` flags anywhere in a text (prose, tables, code). */
export function flagsMentioned(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\w-])--([a-z0-9][a-z0-9-]*)/gi)].map((match) => match[1]!));
}

/** Flags a text documents: those that open an inline code span, as in `--paper a4|letter`. */
export function flagsDocumented(text: string): Set<string> {
  return new Set([...text.matchAll(/`--([a-z0-9][a-z0-9-]*)(?![a-z0-9-])[^`]*`/gi)].map((match) => match[1]!));
}
