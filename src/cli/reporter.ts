/**
 * Everything the CLI prints goes through a Reporter: human lines (coloured only on a TTY and
 * never with NO_COLOR), or one JSON document with --json, and nothing but errors with --quiet.
 */
import { errorLines, type CasefileError } from '../errors.js';

export interface ReporterOptions extends ReporterMode {
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

/** How much a run prints: --json, --quiet and --verbose. */
export interface ReporterMode {
  json: boolean;
  quiet: boolean;
  verbose: boolean;
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

  /**
   * What a command makes, when it makes text rather than files (export's page text): printed as it
   * is, with --quiet too (that quiets reports, not results); a --json run has it in its result.
   */
  output(text: string): void {
    if (!this.json) this.stdout.write(text);
  }

  /** Detail only --verbose asks for; on stderr so it never mixes with --json output. */
  debug(line: string): void {
    if (this.verbose) this.stderr.write(`${this.dim(line)}\n`);
  }

  /** Something worth knowing that is not a problem; on stderr, so it never mixes with data on stdout. Off with --quiet. */
  notice(line: string): void {
    if (!this.quiet) this.stderr.write(`${line}\n`);
  }

  warn(line: string): void {
    if (!this.quiet) this.stderr.write(`${this.yellow('warning:')} ${line}\n`);
  }

  /** The one JSON document a --json run prints. */
  result(value: unknown): void {
    if (this.json) this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  error(error: CasefileError): void {
    const [first, ...rest] = errorLines(error);
    this.stderr.write(`${this.red('error:')} ${first}\n`);
    for (const line of rest) this.stderr.write(`${line}\n`);
  }

  unexpected(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.stderr.write(`${this.red('error:')} unexpected failure: ${message}\n`);
    if (this.verbose && error instanceof Error && error.stack) this.stderr.write(`${error.stack}\n`);
    else this.stderr.write('  run again with --verbose for the stack trace\n');
  }
}
