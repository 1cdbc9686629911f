import path from 'node:path';

/**
 * Every failure casefile expects is a CasefileError: a code a program can switch on,
 * a one-line message a person can act on, and where it happened (file, JSON path, line).
 */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_SLUG'
  | 'E_NOT_FOUND'
  | 'E_READ'
  | 'E_JSON'
  /** A FILE RECORD page text that breaks the format's rules (docs/page-text.md). */
  | 'E_TEXT'
  | 'E_SCHEMA'
  /**
   * Two files claim one record: a slug with both `<slug>.json` and `<slug>.txt` in the data
   * folder, or an import that would overwrite an existing record without --force.
   */
  | 'E_CONFLICT'
  | 'E_TEMPLATE'
  | 'E_BROWSER'
  | 'E_RENDER'
  /** A user card layout failed its card (threw, returned no element, ran too long): only that card fails. */
  | 'E_LAYOUT'
  | 'E_TIMEOUT'
  /** A server's render queue is full: try again shortly (HTTP 503). */
  | 'E_BUSY'
  | 'E_WRITE'
  | 'E_PATH'
  | 'E_INTERRUPTED';

export interface ErrorLocation {
  /** The file the problem is in, as the user named it or as casefile resolved it. */
  file?: string;
  /** JSONPath-like location inside a record, e.g. `$.sections["flight-risk"].percent`. */
  path?: string;
  line?: number;
  column?: number;
}

export interface ValidationIssue extends ErrorLocation {
  message: string;
}

/** Usage errors exit 2; bad data, a failed render or a failed write exit 1. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set(['E_USAGE', 'E_SLUG']);

export class CasefileError extends Error {
  override readonly name = 'CasefileError';
  readonly code: ErrorCode;
  readonly file?: string;
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  /** All problems found, when validation found more than one. */
  readonly issues: readonly ValidationIssue[];

  constructor(
    code: ErrorCode,
    message: string,
    where: ErrorLocation & { issues?: readonly ValidationIssue[]; cause?: unknown } = {},
  ) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.code = code;
    this.file = where.file;
    this.path = where.path;
    this.line = where.line;
    this.column = where.column;
    this.issues = where.issues ?? [];
  }

  /** 2 for usage, 130 for an interrupt (as shells report SIGINT), 1 for everything else. */
  get exitCode(): 1 | 2 | 130 {
    if (this.code === 'E_INTERRUPTED') return 130;
    return USAGE_CODES.has(this.code) ? 2 : 1;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      file: this.file,
      path: this.path,
      line: this.line,
      column: this.column,
      issues: this.issues.length > 0 ? this.issues : undefined,
    };
  }
}

export function isCasefileError(error: unknown): error is CasefileError {
  return error instanceof CasefileError;
}

/** A path as a person in `cwd` would type it: relative when it lies beneath, absolute otherwise. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * An error as the CLI prints it, without colour: `file:line:col: message`, then each issue when
 * there are several. The preview shows the same words in its pages.
 */
export function errorLines(error: CasefileError, limit = 20): string[] {
  const where = formatLocation(error);
  const shownWhere = where && !error.message.startsWith(where) ? `${where}: ` : '';
  const issues = error.issues.length > 1 ? error.issues.map((issue) => `  ${formatLocation(issue)} ${issue.path}: ${issue.message}`) : [];
  return [`${shownWhere}${error.message}`, ...issues.slice(0, limit), ...(issues.length > limit ? [`  … and ${issues.length - limit} more`] : [])];
}

/** `file:line:column` for messages, omitting whatever is unknown. */
export function formatLocation(where: ErrorLocation): string {
  if (where.file === undefined) return '';
  const file = displayPath(where.file);
  if (where.line === undefined) return file;
  return where.column === undefined ? `${file}:${where.line}` : `${file}:${where.line}:${where.column}`;
}
