import type { Argv, CommandModule } from 'yargs';
import { CasefileError, displayPath, formatLocation } from '../../errors.js';
import type { ImportResult, ReadingNote } from '../../api/import.js';
import { folders, type ArgsOf, type GlobalArgs } from '../options.js';
import type { CommandContext } from '../context.js';
import type { Reporter } from '../reporter.js';

/**
 * A reading note as `file:line: kind: message`. Without --verbose only notices (a one-node org
 * chart) are shown; --verbose adds every alias split and word kept whole.
 */
function reportNotes(reporter: Reporter, file: string, notes: readonly ReadingNote[]): void {
  if (reporter.json) return;
  for (const note of notes) {
    if (reporter.verbose || note.kind === 'notice') reporter.notice(`${formatLocation({ file, line: note.line })}: ${note.kind}: ${note.message}`);
  }
}

function resultJson(result: ImportResult) {
  return result.imported
    ? { source: result.source, imported: true, slug: result.slug, output: result.output, overwritten: result.overwritten, notes: result.notes }
    : { source: result.source, imported: false, error: result.error.toJSON(), notes: result.notes };
}

function importOptions(yargs: Argv<GlobalArgs>) {
  return yargs
    .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Page texts (.txt) to import' })
    .option('force', { type: 'boolean', defaultDescription: 'false', describe: 'Overwrite a record that already exists' })
    .option('stdout', { type: 'boolean', defaultDescription: 'false', describe: 'Print the JSON of one text instead of writing it' })
    .example('$0 import pages/sre.txt', 'Write data/sre.json from the text (the slug is the text\'s FILE RECORD:)')
    .example('$0 import pages/*.txt', 'Import every text; one that fails does not stop the others')
    .example('$0 import pages/sre.txt --stdout > sre.json', 'Print the record instead of writing it')
    .example('$0 import pages/sre.txt --force --verbose', 'Replace data/sre.json, and show where the aliases were split');
}

export function importCommand(context: CommandContext): CommandModule<GlobalArgs, ArgsOf<typeof importOptions>> {
  return {
    command: 'import <files..>',
    describe: 'Turn FILE RECORD page texts into JSON records: <data-dir>/<slug>.json, "$schema" set',
    builder: importOptions,
    handler: async (args) => {
      const { reporter } = context;
      const { dataDir } = folders(args);
      const { assertPageTextFiles, convertPageText, importPageTexts } = await import('../../api/import.js');
      assertPageTextFiles(args.files);

      if (args.stdout) {
        if (args.json) throw new CasefileError('E_USAGE', '--stdout prints the record itself; it cannot be combined with --json');
        if (args.files.length > 1) {
          throw new CasefileError('E_USAGE', `--stdout prints the JSON of one text; received ${args.files.length} texts (import them without --stdout)`);
        }
        const converted = await convertPageText(args.files[0]!, { dataDir });
        reportNotes(reporter, converted.source, converted.notes);
        reporter.output(converted.json);
        return;
      }

      const results = await importPageTexts(args.files, { dataDir, force: args.force });
      for (const result of results) {
        reportNotes(reporter, result.source, result.notes);
        if (result.imported) reporter.info(`${reporter.green('✓')} ${result.source} → ${displayPath(result.output)}${result.overwritten ? ' (replaced)' : ''}`);
        else if (!reporter.json) reporter.error(result.error);
      }
      const imported = results.filter((result) => result.imported).length;
      const failed = results.length - imported;
      reporter.result({ imported, failed, results: results.map(resultJson) });
      reporter.info(`${imported} imported, ${failed} failed`);
      context.exitCode = failed > 0 ? 1 : 0;
    },
  };
}
