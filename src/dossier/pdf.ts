/** Dossier HTML → PDF bytes, in a hardened page the caller's `opener` opens (or a warm page from its pool). */
import type { Page } from 'puppeteer-core';
import type { PageOpener } from '../browser/target.js';
import { CasefileError } from '../errors.js';
import type { PagePool } from '../browser/page-pool.js';
import { openVisiblePage } from '../browser/open-page.js';
import { hardenPage, loadDocument, type AssetMounts, type ServeLog } from '../browser/serve.js';
import type { PageGeometry } from './paper.js';
import { DEFAULTS } from '../settings/defaults.js';

/** A dossier is a few hundred kilobytes of HTML; anything far beyond that is a runaway or an attack. */
export const MAX_HTML_BYTES = 8 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = DEFAULTS.dossierTimeoutMs;
/** Room past the document's limit for opening and closing its page, which Puppeteer's timeouts do not cover. */
export const PAGE_GRACE_MS = 10_000;

export interface PdfRenderOptions {
  page: PageGeometry;
  mounts: AssetMounts;
  timeoutMs?: number;
  /** Warm pages to print in; without it a page is opened for this document and closed after. */
  pages?: PagePool;
  /** Tagging and bookmarks, on unless a print is only a layer for another (the running headers). */
  tagged?: boolean;
}

export interface PdfRender {
  pdf: Uint8Array;
  log: ServeLog;
}

export async function renderPdf(opener: PageOpener, html: string, options: PdfRenderOptions): Promise<PdfRender> {
  const size = Buffer.byteLength(html);
  if (size > MAX_HTML_BYTES) {
    throw new CasefileError('E_RENDER', `the dossier HTML is ${size} bytes; expected at most ${MAX_HTML_BYTES}`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return withinTimeLimit(timeoutMs, 'printing the dossier', (expiry) => printInPage(opener, html, options, timeoutMs, expiry));
}

/**
 * Puppeteer's timeouts bound navigation and printing; this bounds the whole of `work`, page
 * opening and closing included, so a wedged page can never hold a batch forever. `expiry` tells
 * the work, once it does end, that it came too late (its page must not be reused).
 */
export async function withinTimeLimit<T>(timeoutMs: number, what: string, work: (expiry: { expired: boolean }) => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = { expired: false };
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      expiry.expired = true;
      reject(new CasefileError('E_TIMEOUT', `${what} exceeded its time limit of ${timeoutMs} ms (and ${PAGE_GRACE_MS} ms more to open and close its page)`));
    }, timeoutMs + PAGE_GRACE_MS);
  });
  try {
    return await Promise.race([work(expiry), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** A page of its own for one document, as hardened as a pooled one. */
function onePage(opener: PageOpener): PagePool {
  return {
    async acquire() {
      const page = await openVisiblePage(opener);
      await hardenPage(page).catch(async (error: unknown) => {
        await page.close().catch(() => undefined);
        throw error;
      });
      return page;
    },
    release: (page) => page.close().catch(() => undefined),
    reuses: 0,
    close: async () => undefined,
  };
}

async function printInPage(
  opener: PageOpener,
  html: string,
  options: PdfRenderOptions,
  timeoutMs: number,
  expiry: { expired: boolean },
): Promise<PdfRender> {
  const pages = options.pages ?? onePage(opener);
  let page: Page | undefined;
  let clean = false;
  try {
    page = await pages.acquire();
    page.setDefaultTimeout(timeoutMs);
    const log = await loadDocument(page, html, options.mounts, { timeoutMs });
    const pdf = await page.pdf({
      width: options.page.width,
      height: options.page.height,
      printBackground: true,
      preferCSSPageSize: true,
      outline: options.tagged ?? true,
      tagged: options.tagged ?? true,
      timeout: timeoutMs,
    });
    clean = true;
    return { pdf, log };
  } catch (error) {
    if (error instanceof CasefileError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const code = error instanceof Error && error.name === 'TimeoutError' ? 'E_TIMEOUT' : 'E_RENDER';
    throw new CasefileError(code, `printing the dossier failed: ${reason}`, { cause: error });
  } finally {
    // Only a page that printed cleanly in time is reused; a failed, crashed or late one is closed.
    if (page) await pages.release(page, clean && !expiry.expired);
  }
}
