import type { Argv, CommandModule } from 'yargs';
import { CasefileError } from '../../errors.js';
import { POSTER_SIZE_NAMES } from '../../print/poster-sizes.js';
import { TILE_SHEET_NAMES } from '../../print/tile-plan.js';
import { dataFolderSlugs } from '../../record/data-folder.js';
import { DEFAULTS } from '../../settings/defaults.js';
import type { CommandContext } from '../context.js';
import { shown, type ArgsOf, type GlobalArgs } from '../options.js';
import { printCommandOptions, printEach, resolvePrintSettings } from '../print-options.js';
import { openFile } from './pdf.js';

function posterOptions(yargs: Argv<GlobalArgs>) {
  return printCommandOptions(yargs, { sheet: 'poster', qrCodeWhere: 'on the poster', timeoutMs: DEFAULTS.posterTimeoutMs })
    .option('size', { choices: POSTER_SIZE_NAMES, defaultDescription: shown(DEFAULTS.posterSize), describe: 'Poster sheet' })
    .option('tile', { choices: TILE_SHEET_NAMES, describe: 'Split the poster over home-printer pages, with overlap and alignment marks' })
    .option('templates', { type: 'string', describe: 'Folder of your own templates (poster.hbs, poster.css, partials); built-in ones fill the gaps' })
    .example('$0 poster lead-infrastructure-engineer', 'An A2 poster in out/')
    .example('$0 poster sdet --size a0 --bleed 3mm --crop-marks', 'A0 for the print shop')
    .example('$0 poster sdet --tile a4', 'The A2 poster over A4 pages, to tape together');
}

export function posterCommand(context: CommandContext): CommandModule<GlobalArgs, ArgsOf<typeof posterOptions>> {
  return {
    command: 'poster <records..>',
    describe: 'Lay a whole record out on one wall poster: <out-dir>/<slug>-poster-<size>.pdf',
    builder: posterOptions,
    handler: async (args) => {
      const { reporter } = context;
      const settings = await resolvePrintSettings('poster', args, { posterSize: args.size });
      if (args.tile && (settings.bleedMm > 0 || settings.cropMarks)) {
        throw new CasefileError('E_USAGE', 'Invalid options: --tile prints on a home printer, so it takes no --bleed or --crop-marks. Received both.');
      }
      // Loaded here, not at start-up: --help, --version and usage errors need no PDF code.
      const { makePoster } = await import('../../api/poster.js');
      // Page texts link their bare arrows to the data folder's records: its slugs are read once.
      const knownSlugs = await dataFolderSlugs(settings.dataDir);
      const made = await printEach(
        context,
        args.records,
        settings,
        (reference, browser) =>
          makePoster(reference, {
            dataDir: settings.dataDir,
            knownSlugs,
            outDir: settings.outDir,
            size: settings.posterSize,
            landscape: settings.landscape,
            bleedMm: settings.bleedMm,
            cropMarks: settings.cropMarks,
            timeoutMs: settings.posterTimeoutMs,
            ...(settings.qr ? { qr: settings.qr } : {}),
            browser,
            ...(args.tile ? { tile: args.tile } : {}),
            ...(settings.templatesDir ? { templatesDir: settings.templatesDir } : {}),
            ...(settings.theme ? { theme: settings.theme } : {}),
          }),
        (result) => {
          for (const url of result.blockedRequests) reporter.debug(`blocked request: ${url}`);
          const notes = [`${Math.round(result.bytes / 1024)} KB`, ...(result.tiles ? [`${result.tiles} ${args.tile} pages`] : []), ...(result.fit < 1 ? [`shrunk to ${Math.round(result.fit * 100)}% to fit`] : [])];
          reporter.info(`${reporter.green('✓')} ${result.output} (${notes.join(', ')})`);
          if (settings.open) openFile(result.output);
        },
      );
      reporter.result({ outputs: made });
    },
  };
}
