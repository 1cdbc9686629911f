/**
 * The options of the commands that print in a browser, and what they resolve to: the browser
 * (pdf, poster, build, preview), the QR code (the same four), the dossier's flow (pdf, build,
 * preview), and the sheet finish and one-at-a-time printing of `pdf` and `poster`.
 */
import type { Argv } from 'yargs';
import type { QrLink } from '../api/dossier.js';
import type { PagePool } from '../browser/page-pool.js';
import type { PageOpener } from '../browser/target.js';
import { DEFAULT_QR_URL_TEMPLATE } from '../dossier/qr-code.js';
import { DOSSIER_FLOWS } from '../dossier/flow.js';
import { parseLengthMm } from '../print/length.js';
import { DEFAULTS } from '../settings/defaults.js';
import type { CommandContext } from './context.js';
import { closeOnInterrupt } from './interrupt.js';
import { configOr, parseQrLink, resolveBrowserWs, shown, timeoutMs, type ArgsOf, type GlobalArgs } from './options.js';
import { resolveSettings, settingsFlags, settingsOptions, type ResolvedSettings, type SettingsLayer } from './settings.js';

/** More bleed than this is a typo (say 3cm for 3mm), not a print-shop request. */
export const MAX_BLEED_MM = 25;

/** --browser and --browser-ws; `purpose` says what the running browser is used for, for --help. */
export function browserOptions<T>(yargs: Argv<T>, purpose = 'Print') {
  return yargs
    .option('browser', { type: 'string', describe: 'Chrome or Chromium executable (else CASEFILE_BROWSER, PUPPETEER_EXECUTABLE_PATH, then the usual places)' })
    .option('browser-ws', {
      type: 'string',
      describe: `${purpose} in a running Chrome: its DevTools WebSocket URL (else CASEFILE_BROWSER_WS or browserWs in the config); casefile works in a context of its own and never closes that browser`,
    });
}

/** --base-url and --qr-url; `baseUrlDoes` says what a base URL adds, for --help. */
export function qrOptions<T>(yargs: Argv<T>, baseUrlDoes: string) {
  return yargs
    .option('base-url', { type: 'string', describe: `Where the records are published: ${baseUrlDoes}` })
    .option('qr-url', { type: 'string', defaultDescription: shown(DEFAULT_QR_URL_TEMPLATE), describe: 'The QR code\'s URL as a template with {baseUrl} and {slug}' });
}

/** --layout, or --flow: the dossier's flow (pdf, build, preview). */
export function flowOption<T>(yargs: Argv<T>, describe: string) {
  return yargs.option('layout', { alias: 'flow', choices: DOSSIER_FLOWS, defaultDescription: configOr(DEFAULTS.flow), describe });
}

/** The browser and QR code flags as settings. */
export function browserAndQrFlags(args: { browser?: string | undefined; 'browser-ws'?: string | undefined; 'base-url'?: string | undefined; 'qr-url'?: string | undefined }): SettingsLayer {
  return { browser: args.browser, browserWs: args['browser-ws'], baseUrl: args['base-url'], qrUrl: args['qr-url'] };
}

/**
 * The QR code and the running browser of resolved settings, checked before a browser starts.
 * The browser to connect to is the flag's, else CASEFILE_BROWSER_WS, else the config's.
 */
export function qrAndBrowser(settings: ResolvedSettings, flags: SettingsLayer): { qr?: QrLink; browserWs?: string } {
  const qr = parseQrLink(settings.baseUrl, settings.qrUrl);
  const browserWs = resolveBrowserWs(flags.browserWs, process.env, settings.fromConfig.browserWs, settings.browser);
  return { ...(qr ? { qr } : {}), ...(browserWs ? { browserWs } : {}) };
}

/** Everything `pdf` and `poster` share on the command line; `timeoutMs` is the document's default. */
export function printCommandOptions<T>(yargs: Argv<T>, options: { sheet: string; qrCodeWhere: string; timeoutMs: number }) {
  const withFinish = settingsOptions(yargs)
    .positional('records', { type: 'string', array: true, demandOption: true, describe: 'Slugs or paths of record files (.json, or .txt page texts)' })
    .option('landscape', { type: 'boolean', defaultDescription: shown(DEFAULTS.landscape), describe: `Turn the ${options.sheet} sideways` })
    .option('bleed', { type: 'string', defaultDescription: shown(`${DEFAULTS.bleedMm}mm`), describe: 'Print-shop bleed past the trim, e.g. 3mm or 0.125in' })
    .option('crop-marks', { type: 'boolean', defaultDescription: shown(DEFAULTS.cropMarks), describe: 'Draw trim marks outside the bleed' })
    .option('timeout', { type: 'number', defaultDescription: shown(options.timeoutMs / 1000), describe: 'Seconds one document may take before it fails' })
    .option('open', { type: 'boolean', defaultDescription: shown(DEFAULTS.open), describe: 'Open the PDF when done' });
  return qrOptions(browserOptions(withFinish), `prints a QR code to <base-url>/<slug>/ ${options.qrCodeWhere}`);
}

/** What `resolvePrintSettings` reads: the shared print options, and the command's --templates. */
export type PrintArgs = ArgsOf<typeof printCommandOptions<GlobalArgs>> & { templates?: string | undefined };

export interface PrintSettings extends ResolvedSettings {
  qr?: QrLink;
  browserWs?: string;
}

/**
 * `pdf`'s and `poster`'s settings: their flags (checked before anything is read) over the config
 * over the defaults, with the QR code and browser checked before a browser starts. `own` are the
 * command's own flags, as settings.
 */
export async function resolvePrintSettings(command: 'pdf' | 'poster', args: PrintArgs, own: SettingsLayer): Promise<PrintSettings> {
  const bleedMm = args.bleed === undefined ? undefined : parseLengthMm(args.bleed, '--bleed', MAX_BLEED_MM);
  const timeout = args.timeout === undefined ? undefined : timeoutMs(args.timeout);
  const flags: SettingsLayer = {
    ...settingsFlags(args),
    ...browserAndQrFlags(args),
    landscape: args.landscape,
    bleedMm,
    cropMarks: args['crop-marks'],
    ...(command === 'poster' ? { posterTimeoutMs: timeout } : { dossierTimeoutMs: timeout }),
    open: args.open,
    ...own,
  };
  const settings = await resolveSettings(command, args, flags);
  return { ...settings, ...qrAndBrowser(settings, flags) };
}

/**
 * Prints each record in turn on one warm page of one browser. A browser that crashes (or a remote
 * one whose connection drops) is replaced and the document retried once; Ctrl-C closes it.
 */
export async function printEach<T>(
  context: CommandContext,
  records: readonly string[],
  settings: PrintSettings,
  print: (reference: string, browser: PageOpener, pool: PagePool) => Promise<T>,
  onPrinted: (result: T) => void,
): Promise<T[]> {
  const { reporter } = context;
  // Loaded here, not at start-up: --help, --version and usage errors need no browser code.
  const { createDossierPrinter } = await import('../browser/printer.js');
  const printer = createDossierPrinter({
    concurrency: 1,
    launch: { ...(settings.browser ? { explicitPath: settings.browser } : {}), onInfo: (line) => reporter.debug(line) },
    ...(settings.browserWs ? { browserWs: settings.browserWs } : {}),
  });
  const guard = closeOnInterrupt(() => printer.close(), () => reporter.warn('interrupted: closing the browser; finished outputs are kept'));
  const made: T[] = [];
  try {
    for (const reference of records) {
      const result = await printer.print((browser, pool) => print(reference, browser, pool)).catch((error: unknown) => {
        // The document the interrupt cut short: no error to report, the exit (130) is under way.
        if (guard.interrupted) return new Promise<never>(() => undefined);
        throw error;
      });
      made.push(result);
      onPrinted(result);
    }
  } finally {
    guard.release();
    await printer.close();
  }
  return made;
}
