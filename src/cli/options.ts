/** Options every command shares, and how they map to library options. */
import type { Argv } from 'yargs';
import { checkBrowserWs } from '../browser/ws-url.js';
import { CasefileError } from '../errors.js';

export interface GlobalArgs {
  dataDir: string;
  outDir: string;
  quiet: boolean;
  verbose: boolean;
  json: boolean;
}

/** yargs also exposes each option camel-cased (dataDir); GlobalArgs names that view. */
export function globalOptions<T>(yargs: Argv<T>): Argv<GlobalArgs> {
  return yargs
    .option('data-dir', { type: 'string', default: 'data', describe: 'Folder of records: <slug>.json, or <slug>.txt page texts', global: true })
    .option('out-dir', { type: 'string', default: 'out', describe: 'Folder outputs are written to', global: true })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors', global: true })
    .option('verbose', { type: 'boolean', default: false, describe: 'Print details, and stack traces of unexpected failures', global: true })
    .option('json', { type: 'boolean', default: false, describe: 'Print one machine-readable JSON result on stdout', global: true }) as unknown as Argv<GlobalArgs>;
}

/** --timeout seconds → milliseconds. Zero would mean "no limit" to Puppeteer, so it is refused. */
export function timeoutMs(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new CasefileError('E_USAGE', `Invalid value for --timeout. Allowed: seconds, more than 0 and at most 3600. Received: ${JSON.stringify(seconds)}.`);
  }
  return Math.ceil(seconds * 1000);
}

/** --base-url (and --qr-url) → the QR code the dossier and poster print, checked before a browser starts. */
export function qrLink(baseUrl: string | undefined, urlTemplate: string | undefined): { baseUrl: string; urlTemplate?: string } | undefined {
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
