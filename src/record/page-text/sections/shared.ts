/** Line shapes that several sections share. */
import type { TextLine } from '../lines.js';

const BULLETS = { '*': /^\*\s+(.+)$/su, '-': /^-\s+(.+)$/su } as const;

/** The text after a bullet ("* summary", "- place"), or undefined when the line has no such bullet. */
export function bulleted(line: TextLine, bullet: '*' | '-'): string | undefined {
  const match = BULLETS[bullet].exec(line.text);
  return match?.[1];
}

/** A label line such as "MARKET AVERAGE" or "OTIOSE TRANSLATION", in any case, with or without a colon. */
export function isLabel(line: TextLine, label: string): boolean {
  return line.text.replace(/:$/, '').trim().toUpperCase() === label;
}
