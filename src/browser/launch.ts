/**
 * Starting and stopping one headless browser. Whoever launches a browser closes it; renderers
 * are handed a browser and only open and close their own pages.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CasefileError } from '../errors.js';
import { findBrowser, type FindBrowserOptions, type FoundBrowser } from './find.js';

/** Quiet, offline, reproducible: no background traffic, no first-run UI, no GPU. */
export const CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  '--mute-audio',
];

export function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Chromium refuses to start its sandbox as root; only then is it turned off. */
export function chromiumArgs(asRoot: boolean = runningAsRoot()): string[] {
  return asRoot ? [...CHROMIUM_FLAGS, '--no-sandbox'] : [...CHROMIUM_FLAGS];
}

export interface LaunchOptions extends FindBrowserOptions {
  /** Called with what casefile decided, for --verbose. */
  onInfo?: (message: string) => void;
  launchTimeoutMs?: number;
}

export interface BrowserHandle {
  browser: Browser;
  found: FoundBrowser;
  close(): Promise<void>;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserHandle> {
  const found = await findBrowser(options);
  const asRoot = runningAsRoot();
  options.onInfo?.(`browser: ${found.executablePath} (from ${found.source})`);
  if (asRoot) options.onInfo?.('running as root: Chromium started with --no-sandbox');

  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'casefile-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: found.executablePath,
      headless: true,
      pipe: true,
      userDataDir,
      args: chromiumArgs(asRoot),
      timeout: options.launchTimeoutMs ?? 60_000,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CasefileError('E_BROWSER', `could not start ${found.executablePath}: ${reason}`, { cause: error });
  }

  let closing: Promise<void> | undefined;
  const closeAndRemoveProfile = async () => {
    await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  return {
    browser,
    found,
    // A second caller waits for the first closing instead of returning before the profile is gone.
    close: () => (closing ??= closeAndRemoveProfile()),
  };
}

/** Runs `work` with a fresh browser and always closes it, whatever `work` does. */
export async function withBrowser<T>(options: LaunchOptions, work: (browser: Browser) => Promise<T>): Promise<T> {
  const handle = await launchBrowser(options);
  try {
    return await work(handle.browser);
  } finally {
    await handle.close();
  }
}
