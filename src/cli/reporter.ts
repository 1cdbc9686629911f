/**
 * Everything the CLI prints goes through a Reporter: human lines (coloured only on a TTY and
 * never with NO_COLOR), or one JSON document with --json, and nothing but errors with --quiet.
 */
import { formatLocation, type CasefileError } from '../errors.js';

export interface ReporterOptions {
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

type Paint = (text: string) => string;

export function colourEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

export class Reporter {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  private readonly stdout: NodeJS.WriteStream;
  private readonly stderr: NodeJS.WriteStream;
  readonly red: Paint;
  readonly green: Paint;
  readonly dim: Paint;
  readonly yellow: Paint;

  constructor(options: ReporterOptions) {
    this.json = options.json;
    this.quiet = options.quiet;
    this.verbose = options.verbose;
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    const colour = colourEnabled(this.stderr, options.env ?? process.env);
    const paint = (open: number, close: number): Paint => (colour ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text);
    this.red = paint(31, 39);
    this.green = paint(32, 39);
    this.yellow = paint(33, 39);
    this.dim = paint(2, 22);
  }

  /** A result line for people (suppressed by --quiet and --json). */
  info(line: string): void {
    if (!this.quiet && !this.json) this.stdout.write(`${line}\n`);
  }

  /** Detail only --verbose asks for; on stderr so it never mixes with --json output. */
  debug(line: string): void {
    if (this.verbose) this.stderr.write(`${this.dim(line)}\n`);
  }

  warn(line: string): void {
    if (!this.quiet) this.stderr.write(`${this.yellow('warning:')} ${line}\n`);
  }

  /** The one JSON document a --json run prints. */
  result(value: unknown): void {
    if (this.json) this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  error(error: CasefileError): void {
    const where = formatLocation(error);
    const lines = error.issues.length > 1 ? error.issues.map((issue) => `  ${formatLocation(issue)} ${issue.path}: ${issue.message}`) : [];
    const shownWhere = where && !error.message.startsWith(where) ? `${where}: ` : '';
    this.stderr.write(`${this.red('error:')} ${shownWhere}${error.message}\n`);
    for (const line of lines.slice(0, 20)) this.stderr.write(`${line}\n`);
    if (lines.length > 20) this.stderr.write(`  … and ${lines.length - 20} more\n`);
  }

  unexpected(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.stderr.write(`${this.red('error:')} unexpected failure: ${message}\n`);
    if (this.verbose && error instanceof Error && error.stack) this.stderr.write(`${error.stack}\n`);
    else this.stderr.write('  run again with --verbose for the stack trace\n');
  }
}
