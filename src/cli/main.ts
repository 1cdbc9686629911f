/**
 * The CLI shell: yargs parses, a command calls the library, and only here is anything
 * printed or an exit code decided. Library functions never print or exit.
 */
import yargs from 'yargs';
import { CasefileError, isCasefileError } from '../errors.js';
import { VERSION } from '../version.js';
import { buildCommand } from './commands/build.js';
import { cardsCommand } from './commands/cards.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { listCommand } from './commands/list.js';
import { mergeManifestsCommand } from './commands/merge-manifests.js';
import { newCommand } from './commands/new.js';
import { pdfCommand } from './commands/pdf.js';
import { posterCommand } from './commands/poster.js';
import { previewCommand } from './commands/preview.js';
import { serveCommand } from './commands/serve.js';
import { validateCommand } from './commands/validate.js';
import type { CommandContext } from './context.js';
import { globalOptions } from './options.js';
import { Reporter, type ReporterMode } from './reporter.js';

/**
 * --json, --quiet and --verbose, read by yargs with the same declarations and nothing else (no
 * command, no checks), so that even a usage error prints the way they ask.
 */
function reporterMode(argv: string[]): ReporterMode {
  const args = globalOptions(yargs(argv)).help(false).version(false).exitProcess(false).parseSync();
  return { json: args.json === true, quiet: args.quiet === true, verbose: args.verbose === true };
}

/** The part of yargs' internals skipHelpRendering reaches for, each step optional in case a version moves it. */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: unknown } };
}

/**
 * yargs renders the command's whole help text just after starting its handler, to have it ready
 * should the handler ask for it (usage.cacheHelpMessage, yargs 18). casefile's handlers never ask:
 * a failure is a CasefileError that runCli prints. That rendering (string-width over every line)
 * was about 0.15 s of CPU on every command, a build with nothing changed included. `--help` and
 * usage errors render as before.
 */
function skipHelpRendering(parser: object): void {
  const usage = (parser as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/** Runs casefile with `argv` and resolves to the process exit code; never throws. */
export async function runCli(argv: string[]): Promise<number> {
  const context: CommandContext = { reporter: new Reporter(reporterMode(argv)), exitCode: 0 };

  const parser = globalOptions(yargs(argv))
    .scriptName('casefile')
    .usage('$0 <command> [options]\n\nTurn role case-file records into dossier PDFs and social cards.')
    .command(pdfCommand(context))
    .command(posterCommand(context))
    .command(cardsCommand(context))
    .command(previewCommand(context))
    .command(serveCommand(context))
    .command(validateCommand(context))
    .command(listCommand(context))
    .command(buildCommand(context))
    .command(mergeManifestsCommand(context))
    .command(newCommand(context))
    .command(importCommand(context))
    .command(exportCommand(context))
    .demandCommand(1, 'Name a command, e.g. pdf, cards, build, validate or list.')
    .recommendCommands()
    .strict()
    .version(VERSION)
    .help()
    .alias('help', 'h')
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .epilogue('Exit codes: 0 done, 1 bad data or a failed render, 2 bad usage, 130 interrupted.')
    .fail((message, error) => {
      if (error) throw error;
      throw new CasefileError('E_USAGE', `${message}\nRun \`casefile --help\` for usage.`);
    });

  skipHelpRendering(parser);
  try {
    await parser.parseAsync();
    return context.exitCode;
  } catch (error) {
    if (isCasefileError(error)) {
      context.reporter.result({ error: error.toJSON() });
      context.reporter.error(error);
      return error.exitCode;
    }
    context.reporter.unexpected(error);
    return 1;
  }
}
