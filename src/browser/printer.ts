/**
 * The dossier printer that `pdf`, `poster`, `build` and `preview` print with: one browser,
 * started on first use, at most `concurrency` pages printing at once, on warm pages reused from
 * document to document. A browser that dies mid-batch (or a remote browser whose connection
 * drops) is replaced (or reconnected), with a fresh page pool, and the documents it was printing
 * are tried once more.
 */
import pLimit from 'p-limit';
import type { Browser } from 'puppeteer-core';
import { CasefileError } from '../errors.js';
import type { LaunchOptions } from './launch.js';
import { createPagePool, type PagePool } from './page-pool.js';
import { openPrintTarget, type PageOpener, type PrintTarget } from './target.js';

export interface DossierPrinter {
  /**
   * Runs `print` with a live browser (what opens its pages) and its pool of warm pages, within
   * the concurrency limit, retrying once after a crash. Only what runs inside `print` holds a
   * slot: keep finishing outside it.
   */
  print<T>(print: (pages: PageOpener, pool: PagePool) => Promise<T>): Promise<T>;
  /** How many times the browser had to be replaced. */
  readonly relaunches: number;
  /** The live browser (launched on first use), e.g. for a test that kills it. */
  currentBrowser(): Promise<Browser>;
  close(): Promise<void>;
}

export function createDossierPrinter(options: { concurrency: number; launch?: LaunchOptions; browserWs?: string }): DossierPrinter {
  const limit = pLimit(Math.max(1, options.concurrency));
  type Live = PrintTarget & { pool: PagePool };
  let handle: Promise<Live> | undefined;
  let abandoned: PrintTarget | undefined;
  let relaunches = 0;
  let closed = false;
  let closing: Promise<void> | undefined;

  const start = async (): Promise<Live> => {
    const target = await openPrintTarget({ ...(options.launch ? { launch: options.launch } : {}), ...(options.browserWs ? { browserWs: options.browserWs } : {}) }, abandoned);
    // Pages come from whatever the target opens them in (the launched browser or casefile's own
    // remote context); never more idle pages than can print at once.
    const pool = createPagePool(target.pages, { maxIdle: Math.max(1, options.concurrency) });
    return {
      ...target,
      pool,
      close: async () => {
        await pool.close();
        await target.close();
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
    // A remote context outlives a dropped connection; the next connection disposes it.
    abandoned = dead;
    await dead.close().catch(() => undefined);
  };

  const attempt = async <T>(print: (pages: PageOpener, pool: PagePool) => Promise<T>, retriesLeft: number): Promise<T> => {
    const live = await current();
    try {
      return await print(live.pages, live.pool);
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
    // An interrupt closes the printer while the build's own cleanup closes it too: every caller
    // waits for the one closing, so none exits before the browser and its profile are gone.
    close() {
      closing ??= (async () => {
        closed = true;
        const last = handle;
        handle = undefined;
        if (last) await (await last.catch(() => undefined))?.close();
      })();
      return closing;
    },
  };
}
