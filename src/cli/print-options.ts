/**
 * The options of the commands that print in a browser, and what they resolve to: the browser
 * (pdf, poster, build, preview), the QR code (the same four), and the sheet finish and
 * one-at-a-time printing of `pdf` and `poster`.
 */
import type { Argv } from 'yargs';
import type { PagePool } from '../browser/page-pool.js';
import type { PageOpener } from '../browser/target.js';
import { parseLengthMm } from '../print/length.js';
import type { CommandContext } from './context.js';
import { closeOnInterrupt } from './interrupt.js';
import { qrLink, resolveBrowserWs, timeoutMs } from './options.js';
import { loadRenderSettings, type RenderSettings, type SettingsArgs } from './settings.js';

/** More bleed than this is a typo (say 3cm for 3mm), not a print-shop request. */
export const MAX_BLEED_MM = 25;

export interface BrowserArgs {
  browser?: string;
  browserWs?: string;
}

export interface QrArgs {
  baseUrl?: string;
  qrUrl?: string;
}

/** The arguments `pdf` and `poster` share. */
export interface PrintArgs extends SettingsArgs, BrowserArgs, QrArgs {
  records: string[];
  landscape: boolean;
  bleed: string;
  cropMarks: boolean;
  timeout: number;
  open: boolean;
}

/** --browser and --browser-ws; `purpose` says what the running browser is used for, for --help. */
export function browserOptions<T>(yargs: Argv<T>, purpose = 'Print'): Argv<T> {
  return yargs
    .option('browser', { type: 'string', describe: 'Chrome or Chromium executable (else CASEFILE_BROWSER, PUPPETEER_EXECUTABLE_PATH, then the usual places)' })
    .option('browser-ws', {
      type: 'string',
      describe: `${purpose} in a running Chrome: its DevTools WebSocket URL (else CASEFILE_BROWSER_WS or browserWs in the config); casefile works in a context of its own and never closes that browser`,
    });
}

/** --base-url and --qr-url; `baseUrlDoes` says what a base URL adds, for --help. */
export function qrOptions<T>(yargs: Argv<T>, baseUrlDoes: string): Argv<T> {
  return yargs
    .option('base-url', { type: 'string', describe: `Where the records are published: ${baseUrlDoes}` })
    .option('qr-url', { type: 'string', describe: 'The QR code\'s URL as a template with {baseUrl} and {slug} (default "{baseUrl}/{slug}/")' });
}

/** Everything `pdf` and `poster` share on the command line. */
export function printOptions<T>(yargs: Argv<T>, options: { sheet: string; qrCodeWhere: string; timeoutSeconds: number }): Argv<T> {
  const withFinish = yargs
    .positional('records', { type: 'string', array: true, demandOption: true, describe: 'Slugs or paths of record files (.json, or .txt page texts)' })
    .option('landscape', { type: 'boolean', default: false, describe: `Turn the ${options.sheet} sideways` })
    .option('bleed', { type: 'string', default: '0mm', describe: 'Print-shop bleed past the trim, e.g. 3mm or 0.125in' })
    .option('crop-marks', { type: 'boolean', default: false, describe: 'Draw trim marks outside the bleed' })
    .option('timeout', { type: 'number', default: options.timeoutSeconds, describe: 'Seconds one document may take before it fails' })
    .option('open', { type: 'boolean', default: false, describe: 'Open the PDF when done' });
  return qrOptions(browserOptions(withFinish), `prints a QR code to <base-url>/<slug>/ ${options.qrCodeWhere}`);
}

export interface PrintSettings {
  settings: RenderSettings;
  bleedMm: number;
  timeoutMs: number;
  qr?: ReturnType<typeof qrLink>;
  browserWs?: string;
}

/** Checks and resolves the shared print arguments, flags over the config, before a browser starts. */
export async function resolvePrintSettings(args: PrintArgs, argv: readonly string[]): Promise<PrintSettings> {
  const bleedMm = parseLengthMm(args.bleed, '--bleed', MAX_BLEED_MM);
  const timeout = timeoutMs(args.timeout);
  const settings = await loadRenderSettings(args, argv);
  // The config's baseUrl and qrUrl print the same QR code the build's dossiers carry.
  const qr = qrLink(args.baseUrl ?? settings.config.baseUrl, args.qrUrl ?? settings.config.qrUrl);
  const browserWs = resolveBrowserWs(args.browserWs, process.env, settings.config.browserWs, args.browser);
  return { settings, bleedMm, timeoutMs: timeout, ...(qr ? { qr } : {}), ...(browserWs ? { browserWs } : {}) };
}

/**
 * Prints each record in turn on one warm page of one browser. A browser that crashes (or a remote
 * one whose connection drops) is replaced and the document retried once; Ctrl-C closes it.
 */
export async function printEach<T>(
  context: CommandContext,
  args: PrintArgs,
  browserWs: string | undefined,
  print: (reference: string, pages: PageOpener, pool: PagePool) => Promise<T>,
  onPrinted: (result: T) => void,
): Promise<T[]> {
  const { reporter } = context;
  // Loaded here, not at start-up: --help, --version and usage errors need no browser code.
  const { createDossierPrinter } = await import('../browser/printer.js');
  const printer = createDossierPrinter({
    concurrency: 1,
    launch: { ...(args.browser ? { explicitPath: args.browser } : {}), onInfo: (line) => reporter.debug(line) },
    ...(browserWs ? { browserWs } : {}),
  });
  const guard = closeOnInterrupt(() => printer.close(), () => reporter.warn('interrupted: closing the browser; finished outputs are kept'));
  const made: T[] = [];
  try {
    for (const reference of args.records) {
      const result = await printer.print((pages, pool) => print(reference, pages, pool)).catch((error: unknown) => {
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
