import type { CommandModule } from 'yargs';
import { isCasefileError, type CasefileError } from '../../errors.js';
import { makePageText, type MadePageText } from '../../api/page-text.js';
import type { GlobalArgs } from '../options.js';
import type { CommandContext } from '../context.js';

interface ExportArgs extends GlobalArgs {
  records: string[];
}

export function exportCommand(context: CommandContext, argv: readonly string[]): CommandModule<GlobalArgs, ExportArgs> {
  return {
    command: 'export <records..>',
    describe: 'Write records as FILE RECORD page text: one record to stdout, or each to <out-dir>/<slug>.txt',
    builder: (yargs) =>
      yargs
        .positional('records', { type: 'string', array: true, demandOption: true, describe: 'Slugs or paths of record files' })
        .example('$0 export lead-infrastructure-engineer', 'Print the record as page text')
        .example('$0 export sdet > sdet.txt', 'Save it wherever you like')
        .example('$0 export sdet enterprise-architect --out-dir pages', 'Write pages/sdet.txt and pages/enterprise-architect.txt')
        .example('$0 export ./drafts/role.json --out-dir pages --json', 'A draft, with a JSON report') as never,
    handler: async (args) => {
      const { reporter } = context;
      // --out-dir has a default, so only its presence on the command line asks for files.
      const outDirGiven = argv.some((arg) => arg === '--out-dir' || arg.startsWith('--out-dir='));
      const toStdout = args.records.length === 1 && !outDirGiven;
      const made: MadePageText[] = [];
      const failures: { reference: string; error: CasefileError }[] = [];
      for (const reference of args.records) {
        try {
          const result = await makePageText(reference, { dataDir: args.dataDir, ...(toStdout ? {} : { outDir: args.outDir }) });
          made.push(result);
          if (toStdout) reporter.output(result.text);
          else reporter.info(`${reporter.green('✓')} ${result.output}`);
        } catch (error) {
          // A usage error (a malformed slug argument) stops the run; a bad record fails alone.
          if (!isCasefileError(error) || error.exitCode === 2) throw error;
          failures.push({ reference, error });
          if (!reporter.json) reporter.error(error);
        }
      }
      reporter.result({
        outputs: made.map((result) => ({ slug: result.slug, file: result.file, ...(result.output === undefined ? { text: result.text } : { output: result.output }) })),
        failures: failures.map((failure) => ({ reference: failure.reference, error: failure.error.toJSON() })),
      });
      context.exitCode = failures.length > 0 ? 1 : 0;
    },
  };
}
