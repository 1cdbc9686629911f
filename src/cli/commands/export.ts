import type { Argv, CommandModule } from 'yargs';
import { isCasefileError, type CasefileError } from '../../errors.js';
import type { MadePageText } from '../../api/page-text.js';
import { folders, type ArgsOf, type GlobalArgs } from '../options.js';
import type { CommandContext } from '../context.js';

function exportOptions(yargs: Argv<GlobalArgs>) {
  return yargs
    .positional('records', { type: 'string', array: true, demandOption: true, describe: 'Slugs or paths of record files' })
    .example('$0 export lead-infrastructure-engineer', 'Print the record as page text')
    .example('$0 export sdet > sdet.txt', 'Save it wherever you like')
    .example('$0 export sdet enterprise-architect --out-dir pages', 'Write pages/sdet.txt and pages/enterprise-architect.txt')
    .example('$0 export ./drafts/role.json --out-dir pages --json', 'A draft, with a JSON report');
}

export function exportCommand(context: CommandContext): CommandModule<GlobalArgs, ArgsOf<typeof exportOptions>> {
  return {
    command: 'export <records..>',
    describe: 'Write records as FILE RECORD page text: one record to stdout, or each to <out-dir>/<slug>.txt',
    builder: exportOptions,
    handler: async (args) => {
      const { reporter } = context;
      const { dataDir, outDir } = folders(args);
      // Loaded here, not at start-up: the record's schemas and page-text writer are this command's alone.
      const { makePageText } = await import('../../api/page-text.js');
      // One record goes to stdout unless --out-dir asks for files.
      const toStdout = args.records.length === 1 && args['out-dir'] === undefined;
      const made: MadePageText[] = [];
      const failures: { reference: string; error: CasefileError }[] = [];
      for (const reference of args.records) {
        try {
          const result = await makePageText(reference, { dataDir, ...(toStdout ? {} : { outDir }) });
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
