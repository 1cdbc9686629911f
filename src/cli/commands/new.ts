import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { CasefileError } from '../../errors.js';
import { writeFileAtomic } from '../../output/atomic.js';
import { resolveInside } from '../../output/safe-path.js';
import { existingRecordFiles } from '../../record/data-folder.js';
import { schemaPathFor } from '../../record/record-json.js';
import { scaffoldRecord } from '../../record/scaffold.js';
import type { CommandContext } from '../context.js';
import { folders, type ArgsOf, type GlobalArgs } from '../options.js';

function newOptions(yargs: Argv<GlobalArgs>) {
  return yargs
    .positional('slug', { type: 'string', demandOption: true, describe: 'The new record\'s slug, e.g. "scrum-master"' })
    .option('title', { type: 'string', defaultDescription: 'from the slug', describe: 'The role as it should print' })
    .option('force', { type: 'boolean', defaultDescription: 'false', describe: 'Overwrite an existing record' })
    .example('$0 new scrum-master', 'Write data/scrum-master.json')
    .example('$0 new vp-of-synergy --title "VP of Synergy"', 'With a title that the slug cannot spell');
}

export function newCommand(context: CommandContext): CommandModule<GlobalArgs, ArgsOf<typeof newOptions>> {
  return {
    command: 'new <slug>',
    describe: 'Start a new record: a valid skeleton with "$schema" set, every section to fill in',
    builder: newOptions,
    handler: async (args) => {
      // Loaded here, not at start-up: the record's schemas are for the commands that read or write records.
      const [{ assertSlug }, { validateRecord }] = await Promise.all([import('../../record/load.js'), import('../../record/validate.js')]);
      assertSlug(args.slug);
      const file = resolveInside(folders(args).dataDir, `${args.slug}.json`, 'record');
      const exists = await access(file).then(() => true, () => false);
      if (exists && !args.force) {
        throw new CasefileError('E_USAGE', `${file} already exists; use --force to overwrite it`, { file });
      }
      // A page text already holds this slug: a .json beside it would give the slug two records.
      const text = (await existingRecordFiles(path.dirname(file), args.slug)).find((found) => found !== file);
      if (text !== undefined) {
        throw new CasefileError('E_CONFLICT', `${text} already holds the record ${JSON.stringify(args.slug)}; ${file} beside it would give the slug two records: edit the page text instead`, { file: text });
      }
      const schemaPath = schemaPathFor(file);
      const record = scaffoldRecord(args.slug, { schemaPath, ...(args.title ? { title: args.title } : {}) });
      validateRecord(record, file);
      await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
      context.reporter.result({ file, slug: args.slug });
      context.reporter.info(`${context.reporter.green('✓')} ${file}: fill in the TODOs, then \`casefile validate ${args.slug}\``);
    },
  };
}
