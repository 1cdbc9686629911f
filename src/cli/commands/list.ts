import type { CommandModule } from 'yargs';
import { folders, type GlobalArgs } from '../options.js';
import type { CommandContext } from '../context.js';

export function listCommand(context: CommandContext): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: 'list',
    describe: 'List the records in the data folder',
    builder: (yargs) => yargs.example('$0 list', 'Show every record and whether it is valid').example('$0 list --json', 'The same, as JSON'),
    handler: async (args) => {
      const { dataDir } = folders(args);
      // Loaded here, not at start-up: reading records needs their schemas, which other commands' start-up does not.
      const { listRecords } = await import('../../record/list.js');
      const records = await listRecords(dataDir);
      const { reporter } = context;
      reporter.result({
        dataDir,
        records: records.map((entry) => ({
          slug: entry.slug,
          file: entry.file,
          title: entry.title ?? null,
          valid: entry.error === undefined,
          error: entry.error?.toJSON(),
        })),
      });
      if (records.length === 0) reporter.info(`no records in ${dataDir}`);
      const width = Math.max(0, ...records.map((entry) => entry.slug.length));
      for (const entry of records) {
        const title = entry.error ? reporter.red(`invalid: ${entry.error.message}`) : entry.title;
        reporter.info(`${entry.slug.padEnd(width)}  ${title}`);
      }
      context.exitCode = records.some((entry) => entry.error) ? 1 : 0;
    },
  };
}
