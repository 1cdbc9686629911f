/**
 * Where dossier pages are opened: a browser casefile launches, or a running one it connects to
 * (--browser-ws). Renderers see only "something that opens pages", so every guard a page gets
 * (JavaScript off, every request answered by casefile, time limits) is the same either way.
 */
import type { Browser, BrowserContext } from 'puppeteer-core';
import { connectBrowser } from './connect.js';
import { launchBrowser, type LaunchOptions } from './launch.js';

/** A launched browser, or casefile's own context in a remote one: both open pages. */
export type PageOpener = Browser | BrowserContext;

export interface PrintTarget {
  pages: PageOpener;
  /** The browser behind it, launched or remote. */
  browser: Browser;
  /** Whether it was reached over --browser-ws (and must never be closed, only left). */
  remote: boolean;
  close(): Promise<void>;
}

export interface TargetOptions {
  launch?: LaunchOptions;
  /** A DevTools WebSocket URL: connect instead of launching. */
  browserWs?: string;
}

/**
 * Launches or connects. `abandoned` is the target a dropped connection left: its context on the
 * remote browser is disposed from the new connection, so nothing of casefile's stays behind.
 */
export async function openPrintTarget(options: TargetOptions, abandoned?: PrintTarget): Promise<PrintTarget> {
  if (options.browserWs !== undefined) {
    const abandonedContextId = abandoned?.remote ? (abandoned.pages as BrowserContext).id : undefined;
    const remote = await connectBrowser(options.browserWs, {
      ...(options.launch?.onInfo ? { onInfo: options.launch.onInfo } : {}),
      ...(abandonedContextId ? { abandonedContextId } : {}),
    });
    return { pages: remote.context, browser: remote.browser, remote: true, close: () => remote.close() };
  }
  const local = await launchBrowser(options.launch ?? {});
  return { pages: local.browser, browser: local.browser, remote: false, close: () => local.close() };
}

/** Runs `work` with a fresh target and always lets it go (closing only what casefile opened). */
export async function withPrintTarget<T>(options: TargetOptions, work: (pages: PageOpener) => Promise<T>): Promise<T> {
  const target = await openPrintTarget(options);
  try {
    return await work(target.pages);
  } finally {
    await target.close();
  }
}
