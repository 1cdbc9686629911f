/**
 * Page text to numbered lines. The text is scraped from web pages and saved by any editor, so a
 * byte-order mark, CRLF or CR line ends and trailing spaces are read as nothing; blank lines are
 * dropped here (they carry nothing), but every other line keeps the number a person sees.
 */
export interface TextLine {
  /** 1-based, counting every line of the file, blank ones included. */
  number: number;
  /** The line without spaces at either end. */
  text: string;
  /** The line without trailing spaces: leading spaces give depth in the ORG CHART: block. */
  indented: string;
}

const BYTE_ORDER_MARK = '\uFEFF';

export function textLines(text: string): TextLine[] {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  return body
    .split(/\r\n|\r|\n/)
    .map((line, index) => {
      const indented = line.trimEnd();
      return { number: index + 1, text: indented.trim(), indented };
    })
    .filter((line) => line.text !== '');
}

/** How a line appears in a message: quoted, and cut where it would run past one terminal line. */
export function quoteLine(line: TextLine): string {
  const shown = line.text.length > 60 ? `${line.text.slice(0, 57)}…` : line.text;
  return JSON.stringify(shown);
}
