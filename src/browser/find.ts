/**
 * Which Chrome or Chromium to drive, in a fixed order of preference:
 * --browser, CASEFILE_BROWSER, PUPPETEER_EXECUTABLE_PATH, a Chrome that puppeteer
 * downloaded earlier, then the usual system installs.
 */
import { accessSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser as KnownBrowser, getInstalledBrowsers } from '@puppeteer/browsers';
import { CasefileError } from '../errors.js';

export type BrowserSource =
  | '--browser'
  | 'CASEFILE_BROWSER'
  | 'PUPPETEER_EXECUTABLE_PATH'
  | 'puppeteer cache'
  | 'system';

export interface FoundBrowser {
  executablePath: string;
  source: BrowserSource;
}

export interface FindBrowserOptions {
  /** The --browser option. */
  explicitPath?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Where puppeteer keeps downloaded browsers; defaults as puppeteer does. */
  puppeteerCacheDir?: string;
  /** The system locations to try; defaults to the usual ones for the platform. */
  systemPaths?: string[];
}

export const INSTALL_HINT =
  'no Chrome or Chromium found; install one (Debian/Ubuntu: `apt-get install chromium`, or run `npm run setup` as root) ' +
  'or point casefile at one with --browser PATH or CASEFILE_BROWSER';

export function systemBrowserPaths(platform: NodeJS.Platform = process.platform): string[] {
  switch (platform) {
    case 'darwin':
      return [
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
      ];
    case 'win32': {
      const roots = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env['LOCALAPPDATA']].filter(
        (root): root is string => root !== undefined,
      );
      return roots.flatMap((root) => [
        path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.join(root, 'Chromium', 'Application', 'chrome.exe'),
      ]);
    }
    default:
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/snap/bin/chromium',
      ];
  }
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function puppeteerCachedChrome(cacheDir: string): Promise<string | undefined> {
  try {
    const installed = await getInstalledBrowsers({ cacheDir });
    const chrome = installed
      .filter((browser) => browser.browser === KnownBrowser.CHROME || browser.browser === KnownBrowser.CHROMEHEADLESSSHELL)
      .map((browser) => browser.executablePath)
      .find(isExecutable);
    return chrome;
  } catch {
    return undefined;
  }
}

export async function findBrowser(options: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  const configured: [BrowserSource, string | undefined][] = [
    ['--browser', options.explicitPath],
    ['CASEFILE_BROWSER', env['CASEFILE_BROWSER']],
    ['PUPPETEER_EXECUTABLE_PATH', env['PUPPETEER_EXECUTABLE_PATH']],
  ];
  for (const [source, candidate] of configured) {
    if (candidate === undefined || candidate === '') continue;
    // A browser the user named is never silently replaced by another one.
    if (!isExecutable(candidate)) {
      throw new CasefileError('E_BROWSER', `${source} names ${candidate}, which is not an executable file`, { file: candidate });
    }
    return { executablePath: candidate, source };
  }

  const cacheDir = options.puppeteerCacheDir ?? env['PUPPETEER_CACHE_DIR'] ?? path.join(os.homedir(), '.cache', 'puppeteer');
  const cached = await puppeteerCachedChrome(cacheDir);
  if (cached) return { executablePath: cached, source: 'puppeteer cache' };

  const system = (options.systemPaths ?? systemBrowserPaths(options.platform)).find(isExecutable);
  if (system) return { executablePath: system, source: 'system' };

  throw new CasefileError('E_BROWSER', INSTALL_HINT);
}
