import type { CommandModule } from 'yargs';
import { CasefileError } from '../../errors.js';
import { POSTER_SIZE_NAMES, type PosterSizeName } from '../../print/poster-sizes.js';
import { TILE_SHEET_NAMES, type TileSheetName } from '../../print/tile-plan.js';
import { dataFolderSlugs } from '../../record/data-folder.js';
import type { GlobalArgs } from '../options.js';
import type { CommandContext } from '../context.js';
import { printEach, printOptions, resolvePrintSettings, type PrintArgs } from '../print-options.js';
import { settingsOptions } from '../settings.js';
import { openFile } from './pdf.js';

interface PosterArgs extends PrintArgs {
  size: PosterSizeName;
  tile?: TileSheetName;
  templates?: string;
}

export function posterCommand(context: CommandContext, argv: readonly string[]): CommandModule<GlobalArgs, PosterArgs> {
  return {
    command: 'poster <records..>',
    describe: 'Lay a whole record out on one wall poster: <out-dir>/<slug>-poster-<size>.pdf',
    builder: (yargs) =>
      printOptions(settingsOptions(yargs, { cardLayouts: false }), { sheet: 'poster', qrCodeWhere: 'on the poster', timeoutSeconds: 90 })
        .option('size', { choices: POSTER_SIZE_NAMES, default: 'a2' as PosterSizeName, describe: 'Poster sheet' })
        .option('tile', { choices: TILE_SHEET_NAMES, describe: 'Split the poster over home-printer pages, with overlap and alignment marks' })
        .option('templates', { type: 'string', describe: 'Folder of your own templates (poster.hbs, poster.css, partials); built-in ones fill the gaps' })
        .example('$0 poster lead-infrastructure-engineer', 'An A2 poster in out/')
        .example('$0 poster sdet --size a0 --bleed 3mm --crop-marks', 'A0 for the print shop')
        .example('$0 poster sdet --tile a4', 'The A2 poster over A4 pages, to tape together') as never,
    handler: async (args) => {
      const { reporter } = context;
      const { settings, bleedMm, timeoutMs, qr, browserWs } = await resolvePrintSettings(args, argv);
      if (args.tile && (bleedMm > 0 || args.cropMarks)) {
        throw new CasefileError('E_USAGE', 'Invalid options: --tile prints on a home printer, so it takes no --bleed or --crop-marks. Received both.');
      }
      // Loaded here, not at start-up: --help, --version and usage errors need no PDF code.
      const { makePoster } = await import('../../api/poster.js');
      // Page texts link their bare arrows to the data folder's records: its slugs are read once.
      const knownSlugs = await dataFolderSlugs(settings.dataDir);
      const made = await printEach(
        context,
        args,
        browserWs,
        (reference, pages) =>
          makePoster(reference, {
            dataDir: settings.dataDir,
            knownSlugs,
            outDir: settings.outDir,
            size: args.size,
            landscape: args.landscape,
            bleedMm,
            cropMarks: args.cropMarks,
            timeoutMs,
            ...(qr ? { qr } : {}),
            browser: pages,
            ...(args.tile ? { tile: args.tile } : {}),
            ...(settings.templatesDir ? { templatesDir: settings.templatesDir } : {}),
            ...(settings.theme ? { theme: settings.theme } : {}),
          }),
        (result) => {
          for (const url of result.blockedRequests) reporter.debug(`blocked request: ${url}`);
          const notes = [`${Math.round(result.bytes / 1024)} KB`, ...(result.tiles ? [`${result.tiles} ${args.tile} pages`] : []), ...(result.fit < 1 ? [`shrunk to ${Math.round(result.fit * 100)}% to fit`] : [])];
          reporter.info(`${reporter.green('✓')} ${result.output} (${notes.join(', ')})`);
          if (args.open) openFile(result.output);
        },
      );
      reporter.result({ outputs: made });
    },
  };
}
