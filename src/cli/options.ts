/**
 * The options every command takes, and the checks a flag's value goes through before it joins
 * the settings. yargs gives no option a default: a flag is in the arguments exactly when it was
 * given, and the defaults come from one table (src/settings/defaults.ts), shown in --help.
 */
import type { Argv } from 'yargs';
import type { QrLink } from '../api/dossier.js';
import { checkBrowserWs } from '../browser/ws-url.js';
import { CasefileError } from '../errors.js';
import { DEFAULTS, withDefaults, type Range } from '../settings/defaults.js';

/** The arguments a builder declares, which are what its handler is given. */
export type ArgsOf<B extends (...args: never[]) => unknown> = ReturnType<B> extends Argv<infer U> ? U : never;

/** A default as --help shows it: `[default: "data"]`, `[default: 60]`. */
export function shown(value: unknown): string {
  return JSON.stringify(value);
}

/** The default of a setting the config file may also give: `[default: the config's, else "a4"]`. */
export function configOr(value: unknown): string {
  return `the config's, else ${shown(value)}`;
}

/** The options every command takes. */
export function globalOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('data-dir', { type: 'string', defaultDescription: shown(DEFAULTS.dataDir), describe: 'Folder of records: <slug>.json, or <slug>.txt page texts', global: true })
    .option('out-dir', { type: 'string', defaultDescription: shown(DEFAULTS.outDir), describe: 'Folder outputs are written to', global: true })
    .option('quiet', { alias: 'q', type: 'boolean', defaultDescription: 'false', describe: 'Print nothing but errors', global: true })
    .option('verbose', { type: 'boolean', defaultDescription: 'false', describe: 'Print details, and stack traces of unexpected failures', global: true })
    .option('json', { type: 'boolean', defaultDescription: 'false', describe: 'Print one machine-readable JSON result on stdout', global: true });
}

export type GlobalArgs = ArgsOf<typeof globalOptions<{}>>;

/** The data and out folders of a command that reads no config file: the flags, else the defaults. */
export function folders(args: GlobalArgs): { dataDir: string; outDir: string } {
  return withDefaults({ dataDir: DEFAULTS.dataDir, outDir: DEFAULTS.outDir }, { dataDir: args['data-dir'], outDir: args['out-dir'] });
}

/** `--size og,story --size x` → ['og', 'story', 'x']: repeatable and comma lists both work; undefined stays undefined. */
export function splitList(values: readonly (string | number)[] | undefined): string[] | undefined {
  return values?.flatMap((value) => String(value).split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

/** A whole-number setting within its bounds (src/settings/defaults.ts BOUNDS), the same rule in every command. */
export function wholeNumber(flag: string, value: number | undefined, range: Range): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new CasefileError('E_USAGE', `Invalid value for --${flag}. --${flag} must be a whole number of at least ${range.min} and at most ${range.max}. Received: ${JSON.stringify(value)}.`);
  }
  return value;
}

/** --timeout seconds → milliseconds. Zero would mean "no limit" to Puppeteer, so it is refused. */
export function timeoutMs(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new CasefileError('E_USAGE', `Invalid value for --timeout. Allowed: seconds, more than 0 and at most 3600. Received: ${JSON.stringify(seconds)}.`);
  }
  return Math.ceil(seconds * 1000);
}

/**
 * The base URL and QR URL template (flags over the config) → the QR code the dossier and poster
 * print, checked before a browser starts. The same check for pdf, poster, build and preview.
 */
export function parseQrLink(baseUrl: string | undefined, urlTemplate: string | undefined): QrLink | undefined {
  if (baseUrl === undefined) {
    if (urlTemplate !== undefined) throw new CasefileError('E_USAGE', '--qr-url needs --base-url (or a qrUrl template with no {baseUrl} and a base URL to enable the code)');
    return undefined;
  }
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new CasefileError('E_USAGE', `Invalid value for --base-url: expected an http(s) URL such as https://example.org/roles. Received: ${JSON.stringify(baseUrl)}.`);
  }
  if (urlTemplate !== undefined && !urlTemplate.includes('{slug}')) {
    throw new CasefileError('E_USAGE', `Invalid value for --qr-url: expected a template with {slug}, e.g. "{baseUrl}/{slug}/". Received: ${JSON.stringify(urlTemplate)}.`);
  }
  return { baseUrl, ...(urlTemplate !== undefined ? { urlTemplate } : {}) };
}

export const BROWSER_WS_VARIABLE = 'CASEFILE_BROWSER_WS';

/**
 * The running browser to connect to: --browser-ws, else CASEFILE_BROWSER_WS, else the config's
 * browserWs. A browser to launch (--browser) and one to connect to cannot both be meant.
 */
export function resolveBrowserWs(flag: string | undefined, env: NodeJS.ProcessEnv, fromConfig?: string, browserPath?: string): string | undefined {
  const fromEnv = env[BROWSER_WS_VARIABLE]?.trim() || undefined;
  const [value, source] =
    flag !== undefined ? [flag, '--browser-ws'] : fromEnv !== undefined ? [fromEnv, BROWSER_WS_VARIABLE] : fromConfig !== undefined ? [fromConfig, 'browserWs in the config'] : [undefined, ''];
  if (value === undefined) return undefined;
  if (browserPath !== undefined) {
    throw new CasefileError('E_USAGE', `Invalid options: --browser launches a browser and ${source} connects to a running one; give one of them.`);
  }
  return checkBrowserWs(value, source);
}
