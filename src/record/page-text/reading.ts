/**
 * What every section reader shares: a cursor over the section's lines, located errors in the
 * form JSON records use (file, line, JSON path, what was expected and what was found), the notes
 * a reader leaves about decisions it made, and where each value came from, so that a schema error
 * found later still points at its line.
 */
import { CasefileError } from '../../errors.js';
import { formatJsonPath, type PathSegment } from '../json-path.js';
import { SECTIONS, type SectionInfo } from '../sections.js';
import { quoteLine, type TextLine } from './lines.js';

export type ReadingNoteKind = 'split' | 'kept' | 'unsure' | 'notice';

export interface ReadingNote {
  line: number;
  kind: ReadingNoteKind;
  message: string;
}

/** State of one text's reading, shared by the header and every section. */
export class Reading {
  readonly notes: ReadingNote[] = [];
  /** Where each value came from; searched only when a schema error needs a line. */
  private readonly origins: { path: readonly PathSegment[]; line: number }[] = [];

  constructor(
    readonly file: string,
    readonly knownSlugs: ReadonlySet<string>,
  ) {}

  note(line: number, kind: ReadingNoteKind, message: string): void {
    this.notes.push({ line, kind, message });
  }

  /** Remembers that the value at `path` came from `line`, and hands the value back. */
  from<T>(path: readonly PathSegment[], line: TextLine | number, value: T): T {
    this.origins.push({ path, line: typeof line === 'number' ? line : line.number });
    return value;
  }

  /** The line a path's value came from, or its nearest parent's. */
  lineOf(path: readonly PathSegment[]): number | undefined {
    const wanted = formatJsonPath(path);
    let best: { length: number; line: number } | undefined;
    for (const origin of this.origins) {
      const known = formatJsonPath(origin.path);
      const covers = known === wanted || wanted.startsWith(`${known}.`) || wanted.startsWith(`${known}[`);
      if (covers && (best === undefined || origin.path.length > best.length)) best = { length: origin.path.length, line: origin.line };
    }
    return best?.line;
  }

  fail(line: number, where: string, message: string, path: readonly PathSegment[]): never {
    throw new CasefileError('E_TEXT', `${where}${message}`, { file: this.file, line, path: formatJsonPath(path) });
  }
}

/** A cursor over one section's lines, which reports every failure with the section's number and heading. */
export class SectionText {
  private index = 0;

  constructor(
    readonly reading: Reading,
    readonly info: SectionInfo,
    /** The heading line, e.g. "[03] SALARY DELUSION", as the text prints it. */
    readonly headingLine: TextLine,
    /** The heading's own wording, or undefined for a bare "[03]". */
    readonly heading: string | undefined,
    readonly lines: readonly TextLine[],
  ) {}

  /** The JSON path of this section, e.g. ['sections', 'salary']. */
  get path(): PathSegment[] {
    return ['sections', this.info.id];
  }

  peek(offset = 0): TextLine | undefined {
    return this.lines[this.index + offset];
  }

  next(): TextLine | undefined {
    const line = this.lines[this.index];
    if (line !== undefined) this.index += 1;
    return line;
  }

  atEnd(): boolean {
    return this.index >= this.lines.length;
  }

  /** The next line, which must pass `test`; otherwise a located error saying what was expected. */
  expect(what: string, path: readonly PathSegment[], test: (line: TextLine) => boolean = () => true): TextLine {
    const line = this.peek();
    if (line === undefined || !test(line)) this.failAt(line, `expected ${what}`, path);
    this.index += 1;
    return line;
  }

  /** Fails at `line`, or after the section's last line when the section ran out. */
  failAt(line: TextLine | undefined, expected: string, path: readonly PathSegment[]): never {
    const found = line === undefined ? 'found the end of the section' : `found ${quoteLine(line)}`;
    const at = line?.number ?? (this.lines.at(-1) ?? this.headingLine).number;
    return this.reading.fail(at, `${this.headingLine.text}: `, `${expected}; ${found}`, path);
  }

  /** Every line must be read: one left over is an error, never dropped. */
  expectEnd(what: string): void {
    const line = this.peek();
    if (line !== undefined) this.failAt(line, `${what}, or ${afterSection(this.info)}`, this.path);
  }

  note(line: TextLine | number, kind: ReadingNoteKind, message: string): void {
    this.reading.note(typeof line === 'number' ? line : line.number, kind, `[${this.info.number}] ${message}`);
  }

  from<T>(path: readonly PathSegment[], line: TextLine, value: T): T {
    return this.reading.from(path, line, value);
  }
}

function afterSection(info: SectionInfo): string {
  const next = SECTIONS[SECTIONS.indexOf(info) + 1];
  return next === undefined ? 'the end of the text' : `the next section [${next.number}]`;
}
