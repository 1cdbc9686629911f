/**
 * A browser casefile did not launch: a Chrome reached over the DevTools protocol (a browserless
 * instance, a Chrome fleet, a Chromium started with --remote-debugging-port). casefile works in a
 * browser context of its own and, when done, closes that context and disconnects: the pages and
 * contexts it opened go, the browser and everyone else's tabs stay.
 */
import puppeteer, { type Browser, type BrowserContext } from 'puppeteer-core';
import { CasefileError } from '../errors.js';
import { chromiumArgs } from './launch.js';
import { redactBrowserWs } from './ws-url.js';

export interface RemoteBrowserHandle {
  /** The remote browser (never closed by casefile). */
  browser: Browser;
  /** casefile's own context in it: every page is opened here. */
  context: BrowserContext;
  /** Closes casefile's context (and with it its pages) and disconnects; the browser keeps running. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  onInfo?: (message: string) => void;
  connectTimeoutMs?: number;
  /** A context an earlier, dropped connection left behind: disposed as soon as the new connection is up. */
  abandonedContextId?: string;
}

/**
 * The flags to start a Chromium with for casefile to print in: exactly what casefile's own launch
 * gives it (Puppeteer's headless defaults plus casefile's flags, --font-render-hinting=none among
 * them), so a remote print is made under the same conditions as a local one. Add
 * --remote-debugging-port.
 */
export function remoteChromiumArgs(): string[] {
  const defaults = puppeteer.defaultArgs({ headless: true }).filter((arg) => arg.startsWith('--') && !arg.startsWith('--user-data-dir'));
  return [...new Set([...defaults, ...chromiumArgs()])];
}

export async function connectBrowser(browserWSEndpoint: string, options: ConnectOptions = {}): Promise<RemoteBrowserHandle> {
  let browser: Browser;
  try {
    browser = await withTimeout(puppeteer.connect({ browserWSEndpoint }), options.connectTimeoutMs ?? 30_000);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CasefileError('E_BROWSER', `could not connect to the browser at ${redactBrowserWs(browserWSEndpoint)}: ${reason}`, { cause: error });
  }
  try {
    if (options.abandonedContextId) {
      const left = browser.browserContexts().find((context) => context.id === options.abandonedContextId);
      await left?.close().catch(() => undefined);
    }
    const context = await browser.createBrowserContext();
    options.onInfo?.(`browser: connected to ${redactBrowserWs(browserWSEndpoint)} (${await browser.version()}), working in a context of its own`);
    let closed = false;
    return {
      browser,
      context,
      async close() {
        if (closed) return;
        closed = true;
        if (browser.connected) await context.close().catch(() => undefined);
        // disconnect(), never close(): the browser is someone else's.
        await browser.disconnect().catch(() => undefined);
      },
    };
  } catch (error) {
    await browser.disconnect().catch(() => undefined);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CasefileError('E_BROWSER', `the browser at ${redactBrowserWs(browserWSEndpoint)} refused a new context: ${reason}`, { cause: error });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
