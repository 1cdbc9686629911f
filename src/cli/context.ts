import type { Reporter } from './reporter.js';

/** What a command handler needs from the CLI shell, and how it reports its exit code back. */
export interface CommandContext {
  reporter: Reporter;
  exitCode: number;
}
