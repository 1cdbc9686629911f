import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { SIZE_PRESET_NAMES, type SizePresetName } from '../../cards/sizes.js';
import { CasefileError } from '../../errors.js';
import type { PreviewSettings } from '../../preview/server.js';
import { BOUNDS, DEFAULTS } from '../../settings/defaults.js';
import { cardFlags } from '../card-options.js';
import type { CommandContext } from '../context.js';
import { configOr, shown, wholeNumber, type ArgsOf, type GlobalArgs } from '../options.js';
import { browserAndQrFlags, browserOptions, flowOption, qrAndBrowser, qrOptions } from '../print-options.js';
import { cardLayoutsOption, resolveSettings, settingsFlags, settingsOptions, type ResolvedSettings } from '../settings.js';

function previewOptions(yargs: Argv<GlobalArgs>) {
  const options = qrOptions(browserOptions(cardLayoutsOption(settingsOptions(yargs)), 'Print the PDF link'), 'the dossier shows its QR code to <base-url>/<slug>/')
    .option('templates', { type: 'string', describe: 'Folder of your own dossier templates' })
    .option('port', { type: 'number', defaultDescription: shown(DEFAULTS.port), describe: 'Port to listen on (0: any free port)' })
    .option('host', { type: 'string', defaultDescription: shown(DEFAULTS.host), describe: 'Address to listen on; 0.0.0.0 exposes the preview to your network' })
    .option('size', { type: 'string', array: true, defaultDescription: configOr(DEFAULTS.sizes), describe: `Card sizes to show: ${SIZE_PRESET_NAMES.join(', ')}` })
    .option('section', { type: 'string', array: true, defaultDescription: 'all', describe: 'Only these cards on the record pages' })
    .option('engine', { type: 'string', defaultDescription: configOr(DEFAULTS.engine), describe: 'What draws the cards: satori or takumi' })
    .option('concurrency', {
      type: 'number',
      defaultDescription: shown(DEFAULTS.previewConcurrency),
      describe: `Renders at once (and card worker processes), ${BOUNDS.concurrency.min} to ${BOUNDS.concurrency.max}`,
    });
  return flowOption(options, 'The dossier\'s flow, as `pdf --flow`: sheets or compact')
    .example('$0 preview', 'http://127.0.0.1:4173: every record in data/, live')
    .example('$0 preview --size og,story --theme brand.json --card-layouts layouts', 'Tune a theme and your layouts');
}

type PreviewArgs = ArgsOf<typeof previewOptions>;

/** The sizes the preview shows: presets only, as its card URLs name them. */
function presetSizes(sizes: readonly string[]): SizePresetName[] {
  return sizes.map((size) => {
    const preset = SIZE_PRESET_NAMES.find((name) => name === size);
    if (!preset) throw new CasefileError('E_USAGE', `Invalid value for --size. Allowed: ${SIZE_PRESET_NAMES.join(', ')}. Received: ${JSON.stringify(size)}.`);
    return preset;
  });
}

/** What the pages render with, from settings resolved again after each change of the config or theme file. */
function previewSettings(settings: ResolvedSettings & { qr?: PreviewSettings['qr'] }): PreviewSettings {
  return {
    paper: settings.paper,
    flow: settings.flow,
    ...(settings.qr ? { qr: settings.qr } : {}),
    ...(settings.theme ? { theme: settings.theme } : {}),
    ...(settings.templatesDir ? { templatesDir: settings.templatesDir } : {}),
    ...(settings.cardLayoutsDir ? { layoutsDir: settings.cardLayoutsDir } : {}),
  };
}

export function previewCommand(context: CommandContext): CommandModule<GlobalArgs, PreviewArgs> {
  return {
    command: 'preview',
    describe: 'Serve a live preview of every record: its cards and dossier, redrawn when a record, template, theme or layout changes',
    builder: previewOptions,
    handler: async (args) => {
      const { reporter } = context;
      const port = wholeNumber('port', args.port, BOUNDS.port);
      const concurrency = wholeNumber('concurrency', args.concurrency, BOUNDS.concurrency);
      const flags = { ...settingsFlags(args), ...browserAndQrFlags(args), ...cardFlags(args), flow: args.layout, port, host: args.host, previewConcurrency: concurrency };
      const resolve = async () => {
        const settings = await resolveSettings('preview', args, flags);
        return { ...settings, ...qrAndBrowser(settings, flags) };
      };
      // Checked now, so a bad flag exits 2 before the server starts (later config edits show in the pages).
      const first = await resolve();
      const sizes = presetSizes(first.sizes);
      const { startPreview } = await import('../../preview/server.js');
      const server = await startPreview({
        dataDir: first.dataDir,
        host: first.host,
        port: first.port,
        sizes,
        ...(first.sections ? { sections: [...first.sections] } : {}),
        concurrency: first.previewConcurrency,
        workers: first.previewConcurrency,
        engine: first.engine,
        settingsFiles: [path.resolve(first.configFile), ...(args.theme ? [path.resolve(args.theme)] : [])],
        launch: { ...(first.browser ? { explicitPath: first.browser } : {}), onInfo: (line) => reporter.debug(line) },
        ...(first.browserWs ? { browserWs: first.browserWs } : {}),
        onChange: (file) => reporter.debug(`changed: ${file}`),
        // Each change of the config or theme file is read again; an error shows in the pages.
        loadSettings: async () => previewSettings(await resolve()),
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
