/**
 * Warm, hardened pages reused across documents. Opening a page, turning scripts off and
 * setting up interception costs about as much as printing a short document; a page kept
 * between documents pays it once and keeps the project's fonts and stylesheets in cache.
 *
 * A page goes back to the pool only after a clean print and a clean unload (navigated to
 * about:blank, nothing loading): any error, time-out or crash closes it instead. The unload
 * runs after release returns, beside whatever the caller does next (finishing the PDF); a
 * page is handed out again only once it is done. Pages are
 * retired after a number of documents so that nothing slowly grows over a long batch. Each page
 * is a window of its own (src/browser/open-page.ts): a dossier's bytes must not depend on which
 * pooled page it lands on.
 * The pool takes whatever it is handed that can open pages (a browser, or one of its contexts)
 * and never closes that.
 */
import type { Page } from 'puppeteer-core';
import { openVisiblePage, type PageSource } from './open-page.js';
import { hardenPage, unloadDocument } from './serve.js';

export type { PageSource } from './open-page.js';

export interface PagePool {
  /** A hardened page holding no document, fresh or reused. */
  acquire(): Promise<Page>;
  /**
   * Back into the pool for the next document, or closed when `reusable` is false. Resolves at
   * once: the page is emptied in the background and only then can be acquired again.
   */
  release(page: Page, reusable: boolean): Promise<void>;
  /** Documents printed on reused pages so far (for tests and the bench). */
  readonly reuses: number;
  close(): Promise<void>;
}

export interface PagePoolOptions {
  /** Idle pages kept; more than this are closed on release. */
  maxIdle?: number;
  /** A page is closed after this many documents. */
  maxUses?: number;
  /** Bound on emptying a page between documents. */
  unloadTimeoutMs?: number;
}

export const DEFAULT_MAX_IDLE = 4;
export const DEFAULT_MAX_USES = 100;

export function createPagePool(source: PageSource, options: PagePoolOptions = {}): PagePool {
  const maxIdle = options.maxIdle ?? DEFAULT_MAX_IDLE;
  const maxUses = options.maxUses ?? DEFAULT_MAX_USES;
  const unloadTimeoutMs = options.unloadTimeoutMs ?? 10_000;
  const idle: Page[] = [];
  /** Pages being emptied; each settles once its page is idle or closed. */
  const returning = new Set<Promise<void>>();
  const uses = new WeakMap<Page, number>();
  let reuses = 0;
  let closed = false;

  const discard = (page: Page) => page.close().catch(() => undefined);

  const empty = async (page: Page): Promise<void> => {
    try {
      await unloadDocument(page, { timeoutMs: unloadTimeoutMs });
    } catch {
      return discard(page);
    }
    if (closed || idle.length >= maxIdle) return discard(page);
    idle.push(page);
  };

  return {
    async acquire() {
      for (;;) {
        const page = idle.pop();
        if (page === undefined) break;
        if (!page.isClosed()) {
          reuses += 1;
          return page;
        }
      }
      // A page about to come back is cheaper than a new one.
      if (returning.size > 0) {
        await Promise.race(returning);
        return this.acquire();
      }
      const page = await openVisiblePage(source);
      try {
        await hardenPage(page);
      } catch (error) {
        await discard(page);
        throw error;
      }
      uses.set(page, 0);
      return page;
    },
    async release(page, reusable) {
      const used = (uses.get(page) ?? 0) + 1;
      uses.set(page, used);
      if (!reusable || closed || used >= maxUses || page.isClosed()) return discard(page);
      const done: Promise<void> = empty(page).finally(() => returning.delete(done));
      returning.add(done);
    },
    get reuses() {
      return reuses;
    },
    async close() {
      closed = true;
      await Promise.all([...returning]);
      await Promise.all(idle.splice(0).map(discard));
    },
  };
}
