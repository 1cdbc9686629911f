import type { CommandModule } from 'yargs';
import { CasefileError } from '../../errors.js';
import { parseLengthMm } from '../../print/length.js';
import { POSTER_SIZE_NAMES, type PosterSizeName } from '../../print/poster-sizes.js';
import { TILE_SHEET_NAMES, type TileSheetName } from '../../print/tile-plan.js';
import { closeOnInterrupt } from '../interrupt.js';
import { qrLink, resolveBrowserWs, timeoutMs, type GlobalArgs } from '../options.js';
import type { CommandContext } from '../context.js';
import { loadRenderSettings, settingsOptions, type SettingsArgs } from '../settings.js';
import { MAX_BLEED_MM, openFile } from './pdf.js';

interface PosterArgs extends SettingsArgs {
  records: string[];
  size: PosterSizeName;
  landscape: boolean;
  tile?: TileSheetName;
  bleed: string;
  cropMarks: boolean;
  templates?: string;
  browser?: string;
  browserWs?: string;
  timeout: number;
  baseUrl?: string;
  qrUrl?: string;
  open: boolean;
}

export function posterCommand(context: CommandContext, argv: readonly string[]): CommandModule<GlobalArgs, PosterArgs> {
  return {
    command: 'poster <records..>',
    describe: 'Lay a whole record out on one wall poster: <out-dir>/<slug>-poster-<size>.pdf',
    builder: (yargs) =>
      settingsOptions(yargs, { cardLayouts: false })
        .positional('records', { type: 'string', array: true, demandOption: true, describe: 'Slugs or paths of record files' })
        .option('size', { choices: POSTER_SIZE_NAMES, default: 'a2' as PosterSizeName, describe: 'Poster sheet' })
        .option('landscape', { type: 'boolean', default: false, describe: 'Turn the sheet sideways' })
        .option('tile', { choices: TILE_SHEET_NAMES, describe: 'Split the poster over home-printer pages, with overlap and alignment marks' })
        .option('bleed', { type: 'string', default: '0mm', describe: 'Print-shop bleed past the trim, e.g. 3mm' })
        .option('crop-marks', { type: 'boolean', default: false, describe: 'Draw trim marks outside the bleed' })
        .option('templates', { type: 'string', describe: 'Folder of your own templates (poster.hbs, poster.css, partials); built-in ones fill the gaps' })
        .option('browser', { type: 'string', describe: 'Chrome or Chromium executable' })
        .option('browser-ws', { type: 'string', describe: 'Print in a running Chrome: its DevTools WebSocket URL (else CASEFILE_BROWSER_WS); casefile works in a context of its own and never closes that browser' })
        .option('timeout', { type: 'number', default: 90, describe: 'Seconds one poster may take before it fails' })
        .option('open', { type: 'boolean', default: false, describe: 'Open the PDF when done' })
        .option('base-url', { type: 'string', describe: 'Where the records are published: prints a QR code to <base-url>/<slug>/ on the poster' })
        .option('qr-url', { type: 'string', describe: 'The QR code\'s URL as a template, e.g. "{baseUrl}/roles/{slug}.html"' })
        .example('$0 poster lead-infrastructure-engineer', 'An A2 poster in out/')
        .example('$0 poster sdet --size a0 --bleed 3mm --crop-marks', 'A0 for the print shop')
        .example('$0 poster sdet --tile a4', 'The A2 poster over A4 pages, to tape together') as never,
    handler: async (args) => {
      const { reporter } = context;
      const bleedMm = parseLengthMm(args.bleed, '--bleed', MAX_BLEED_MM);
      const timeout = timeoutMs(args.timeout);
      if (args.tile && (bleedMm > 0 || args.cropMarks)) {
        throw new CasefileError('E_USAGE', 'Invalid options: --tile prints on a home printer, so it takes no --bleed or --crop-marks. Received both.');
      }
      const settings = await loadRenderSettings(args, argv);
      // The config's baseUrl and qrUrl print the same QR code the build's dossiers carry.
      const qr = qrLink(args.baseUrl ?? settings.config.baseUrl, args.qrUrl ?? settings.config.qrUrl);
      const browserWs = resolveBrowserWs(args.browserWs, process.env, settings.config.browserWs, args.browser);
      // Loaded here, not at start-up: --help, --version and usage errors need no browser or PDF code.
      const [{ makePoster }, { createDossierPrinter }] = await Promise.all([import('../../api/poster.js'), import('../../build/printer.js')]);
      // One document at a time; a browser that crashes (or a remote one whose connection drops) is replaced and the document retried once.
      const printer = createDossierPrinter({
        concurrency: 1,
        launch: { ...(args.browser ? { explicitPath: args.browser } : {}), onInfo: (line) => reporter.debug(line) },
        ...(browserWs ? { browserWs } : {}),
      });
      const release = closeOnInterrupt(() => printer.close(), () => reporter.warn('interrupted: closing the browser; finished outputs are kept'));
      const made = [];
      try {
        for (const reference of args.records) {
          const result = await printer.print((pages) =>
            makePoster(reference, {
              dataDir: settings.dataDir,
              outDir: settings.outDir,
              size: args.size,
              landscape: args.landscape,
              bleedMm,
              cropMarks: args.cropMarks,
              timeoutMs: timeout,
              ...(qr ? { qr } : {}),
              browser: pages,
              ...(args.tile ? { tile: args.tile } : {}),
              ...(settings.templatesDir ? { templatesDir: settings.templatesDir } : {}),
              ...(settings.theme ? { theme: settings.theme } : {}),
            }),
          );
          made.push(result);
          for (const url of result.blockedRequests) reporter.debug(`blocked request: ${url}`);
          const notes = [`${Math.round(result.bytes / 1024)} KB`, ...(result.tiles ? [`${result.tiles} ${args.tile} pages`] : []), ...(result.fit < 1 ? [`shrunk to ${Math.round(result.fit * 100)}% to fit`] : [])];
          reporter.info(`${reporter.green('✓')} ${result.output} (${notes.join(', ')})`);
          if (args.open) openFile(result.output);
        }
      } finally {
        release();
        await printer.close();
      }
      reporter.result({ outputs: made });
    },
  };
}
