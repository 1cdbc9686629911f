/**
 * Dossiers for a batch: one browser, at most `concurrency` pages printing at once, on warm
 * pages reused from document to document. A browser that dies mid-batch is replaced (with a
 * fresh page pool) and the documents it was printing are tried once more.
 */
import pLimit from 'p-limit';
import type { Browser } from 'puppeteer-core';
import { CasefileError } from '../errors.js';
import { launchBrowser, type BrowserHandle, type LaunchOptions } from '../browser/launch.js';
import { createPagePool, type PagePool } from '../browser/page-pool.js';

export interface DossierPrinter {
  /**
   * Runs `print` with a live browser and its page pool, within the concurrency limit, retrying
   * once after a crash. Only what runs inside `print` holds a slot: keep finishing outside it.
   */
  print<T>(print: (browser: Browser, pages: PagePool) => Promise<T>): Promise<T>;
  /** How many times the browser had to be replaced. */
  readonly relaunches: number;
  /** The live browser (launched on first use), e.g. for a test that kills it. */
  currentBrowser(): Promise<Browser>;
  close(): Promise<void>;
}

export function createDossierPrinter(options: { concurrency: number; launch?: LaunchOptions }): DossierPrinter {
  const limit = pLimit(Math.max(1, options.concurrency));
  type Live = BrowserHandle & { pages: PagePool };
  let handle: Promise<Live> | undefined;
  let relaunches = 0;
  let closed = false;

  const start = async (): Promise<Live> => {
    const launched = await launchBrowser(options.launch ?? {});
    // Never more idle pages than can print at once.
    const pages = createPagePool(launched.browser, { maxIdle: Math.max(1, options.concurrency) });
    return {
      ...launched,
      pages,
      close: async () => {
        await pages.close();
        await launched.close();
      },
    };
  };

  const current = (): Promise<Live> => {
    handle ??= start();
    return handle;
  };

  /** Several pages notice one crash at once; only the first replaces the browser. */
  const replace = async (dead: Live): Promise<void> => {
    if ((await handle) !== dead) return;
    relaunches += 1;
    handle = undefined;
    await dead.close().catch(() => undefined);
  };

  const attempt = async <T>(print: (browser: Browser, pages: PagePool) => Promise<T>, retriesLeft: number): Promise<T> => {
    const live = await current();
    try {
      return await print(live.browser, live.pages);
    } catch (error) {
      if (live.browser.connected || retriesLeft === 0 || closed) throw error;
      await replace(live);
      return attempt(print, retriesLeft - 1);
    }
  };

  return {
    // Queued documents still run their turn after close, but only to fail at once: a cleared
    // queue would leave their promises pending forever.
    print: (print) => limit(() => (closed ? Promise.reject(new CasefileError('E_INTERRUPTED', 'the printer was closed')) : attempt(print, 1))),
    get relaunches() {
      return relaunches;
    },
    currentBrowser: async () => (await current()).browser,
    async close() {
      closed = true;
      const last = handle;
      handle = undefined;
      if (last) await (await last.catch(() => undefined))?.close();
    },
  };
}
