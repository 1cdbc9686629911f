import path from 'node:path';
import type { CommandModule } from 'yargs';
import { CONFIG_FILE } from '../../build/config.js';
import { SIZE_PRESET_NAMES, type SizePresetName } from '../../cards/sizes.js';
import { CasefileError } from '../../errors.js';
import { DOSSIER_FLOWS, type DossierFlow } from '../../dossier/flow.js';
import type { PaperName } from '../../dossier/paper.js';
import type { CommandContext } from '../context.js';
import { qrLink, resolveBrowserWs } from '../options.js';
import { browserOptions, qrOptions, type BrowserArgs, type QrArgs } from '../print-options.js';
import { loadRenderSettings, settingsOptions, type SettingsArgs } from '../settings.js';
import { splitList } from './cards.js';

interface PreviewArgs extends SettingsArgs, BrowserArgs, QrArgs {
  port: number;
  host: string;
  size?: string[];
  section?: string[];
  engine?: string;
  concurrency: number;
  layout?: DossierFlow;
}

export function previewCommand(context: CommandContext, argv: readonly string[]): CommandModule<SettingsArgs, PreviewArgs> {
  return {
    command: 'preview',
    describe: 'Serve a live preview of every record: its cards and dossier, redrawn when a record, template, theme or layout changes',
    builder: (yargs) =>
      qrOptions(browserOptions(settingsOptions(yargs, { cardLayouts: true }), 'Print the PDF link'), 'the dossier shows its QR code to <base-url>/<slug>/')
        .option('templates', { type: 'string', describe: 'Folder of your own dossier templates' })
        .option('port', { type: 'number', default: 4173, describe: 'Port to listen on (0: any free port)' })
        .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on; 0.0.0.0 exposes the preview to your network' })
        .option('size', { type: 'string', array: true, describe: `Card sizes to show: ${SIZE_PRESET_NAMES.join(', ')} (default: the config's, else og)` })
        .option('section', { type: 'string', array: true, describe: 'Only these cards on the record pages (default: all)' })
        .option('engine', { type: 'string', describe: 'What draws the cards: satori or takumi' })
        .option('concurrency', { type: 'number', default: 2, describe: 'Renders at once (and card worker processes)' })
        .option('layout', { choices: DOSSIER_FLOWS, describe: 'Dossier layout, as `pdf --layout`: sheets (default) or compact' })
        .example('$0 preview', 'http://127.0.0.1:4173: every record in data/, live')
        .example('$0 preview --size og,story --theme brand.json --card-layouts layouts', 'Tune a theme and your layouts') as never,
    handler: async (args) => {
      const { reporter } = context;
      if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
        throw new CasefileError('E_USAGE', `Invalid value for --port. Allowed: a whole number from 0 to 65535. Received: ${JSON.stringify(args.port)}.`);
      }
      if (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 16) {
        throw new CasefileError('E_USAGE', `Invalid value for --concurrency. Allowed: a whole number from 1 to 16. Received: ${JSON.stringify(args.concurrency)}.`);
      }
      const first = await loadRenderSettings(args, argv);
      const browserWs = resolveBrowserWs(args.browserWs, process.env, first.config.browserWs, args.browser);
      // Checked now, so a bad flag exits 2 before the server starts (later config edits show in the pages).
      qrLink(args.baseUrl ?? first.config.baseUrl, args.qrUrl ?? first.config.qrUrl);
      const sizes = (args.size ? splitList(args.size) : (first.config.sizes ?? ['og'])) as SizePresetName[];
      for (const size of sizes) {
        if (!(SIZE_PRESET_NAMES as string[]).includes(size)) {
          throw new CasefileError('E_USAGE', `Invalid value for --size. Allowed: ${SIZE_PRESET_NAMES.join(', ')}. Received: ${JSON.stringify(size)}.`);
        }
      }
      const { startPreview } = await import('../../preview/server.js');
      const server = await startPreview({
        dataDir: first.dataDir,
        host: args.host,
        port: args.port,
        sizes,
        ...(args.section ? { sections: splitList(args.section) } : {}),
        concurrency: args.concurrency,
        workers: args.concurrency,
        ...((args.engine ?? first.config.engine) ? { engine: (args.engine ?? first.config.engine)! } : {}),
        settingsFiles: [path.resolve(args.config ?? CONFIG_FILE), ...(args.theme ? [path.resolve(args.theme)] : [])],
        launch: { ...(args.browser ? { explicitPath: args.browser } : {}), onInfo: (line) => reporter.debug(line) },
        ...(browserWs ? { browserWs } : {}),
        onChange: (file) => reporter.debug(`changed: ${file}`),
        // Each change of the config or theme file is read again; an error shows in the pages.
        loadSettings: async () => {
          const settings = await loadRenderSettings(args, argv);
          const layout = args.layout ?? settings.config.layout;
          const qr = qrLink(args.baseUrl ?? settings.config.baseUrl, args.qrUrl ?? settings.config.qrUrl);
          return {
            ...(layout ? { layout } : {}),
            ...(qr ? { qr } : {}),
            ...(settings.theme ? { theme: settings.theme } : {}),
            ...(settings.templatesDir ? { templatesDir: settings.templatesDir } : {}),
            ...(settings.cardLayoutsDir ? { layoutsDir: settings.cardLayoutsDir } : {}),
            ...(settings.config.paper ? { paper: settings.config.paper as PaperName } : {}),
          };
        },
      });
      reporter.info(`preview: ${server.url} (Ctrl-C to stop)`);
      reporter.result({ url: server.url });
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      context.exitCode = 0;
    },
  };
}
