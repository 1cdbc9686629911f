import type { Argv, CommandModule } from 'yargs';
import { isCasefileError, type CasefileError } from '../../errors.js';
import { dataFolderSlugs } from '../../record/data-folder.js';
import { folders, type ArgsOf, type GlobalArgs } from '../options.js';
import type { CommandContext } from '../context.js';

function validateOptions(yargs: Argv<GlobalArgs>) {
  return yargs
    .positional('records', { type: 'string', array: true, default: [] as string[], describe: 'Slugs or paths of record files (.json or page text .txt)' })
    .example('$0 validate', 'Validate every record in data/')
    .example('$0 validate lead-infrastructure-engineer', 'Validate one record by slug')
    .example('$0 validate ./drafts/new-role.json --json', 'Validate a file anywhere, with a JSON report')
    .example('$0 validate ~/pages/sre.txt', 'Check a FILE RECORD page text before importing it');
}

export function validateCommand(context: CommandContext): CommandModule<GlobalArgs, ArgsOf<typeof validateOptions>> {
  return {
    command: 'validate [records..]',
    describe: 'Check records against the schema (all records in the data folder by default)',
    builder: validateOptions,
    handler: async (args) => {
      const { reporter } = context;
      const { dataDir } = folders(args);
      // Loaded here, not at start-up: the record's schemas are for the commands that read records.
      const [{ listRecordFiles }, { loadRecord }] = await Promise.all([import('../../record/list.js'), import('../../record/load.js')]);
      const references = args.records.length > 0 ? args.records : await listRecordFiles(dataDir);
      // Page texts link their bare arrows to the data folder's records: read its slugs once.
      const knownSlugs = await dataFolderSlugs(dataDir);
      const results: { reference: string; file?: string; error?: CasefileError }[] = [];
      for (const reference of references) {
        try {
          const { file } = await loadRecord(reference, { dataDir, knownSlugs });
          results.push({ reference, file });
          reporter.info(`${reporter.green('✓')} ${file}`);
        } catch (error) {
          // A usage error (a malformed slug argument) stops the run; bad data is reported per record.
          if (!isCasefileError(error) || error.exitCode === 2) throw error;
          results.push({ reference, error });
          if (!reporter.json) reporter.error(error);
        }
      }
      const failed = results.filter((result) => result.error);
      reporter.result({
        valid: failed.length === 0,
        results: results.map((result) => ({ reference: result.reference, file: result.file ?? result.error?.file, valid: !result.error, error: result.error?.toJSON() })),
      });
      if (references.length === 0) reporter.info(`no records in ${dataDir}`);
      else reporter.info(`${results.length - failed.length} valid, ${failed.length} invalid`);
      context.exitCode = failed.length > 0 ? 1 : 0;
    },
  };
}
