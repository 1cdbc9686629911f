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
import { validateCommand } from './commands/validate.js';
import type { CommandContext } from './context.js';
import { globalOptions } from './options.js';
import { Reporter } from './reporter.js';

/** Runs casefile with `argv` and resolves to the process exit code; never throws. */
export async function runCli(argv: string[]): Promise<number> {
  const wantsVerbose = argv.includes('--verbose');
  const context: CommandContext = {
    reporter: new Reporter({ json: argv.includes('--json'), quiet: argv.includes('--quiet') || argv.includes('-q'), verbose: wantsVerbose }),
    exitCode: 0,
  };

  const parser = globalOptions(yargs(argv))
    .scriptName('casefile')
    .usage('$0 <command> [options]\n\nTurn role case-file records into dossier PDFs and social cards.')
    .command(pdfCommand(context, argv))
    .command(posterCommand(context, argv))
    .command(cardsCommand(context, argv))
    .command(previewCommand(context, argv))
    .command(validateCommand(context))
    .command(listCommand(context))
    .command(buildCommand(context, argv))
    .command(mergeManifestsCommand(context))
    .command(newCommand(context))
    .command(importCommand(context))
    .command(exportCommand(context, argv))
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
