/** Dossier HTML → PDF bytes, in a hardened page of a browser the caller owns. */
import type { PageOpener } from '../browser/target.js';
import { CasefileError } from '../errors.js';
import { loadDocument, type AssetMounts, type ServeLog } from '../browser/serve.js';
import type { PageGeometry } from './paper.js';

/** A dossier is a few hundred kilobytes of HTML; anything far beyond that is a runaway or an attack. */
export const MAX_HTML_BYTES = 8 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Room past the document's limit for opening and closing its page, which Puppeteer's timeouts do not cover. */
export const PAGE_GRACE_MS = 10_000;

export interface PdfRenderOptions {
  page: PageGeometry;
  mounts: AssetMounts;
  timeoutMs?: number;
  /** Tagging and bookmarks, on unless a print is only a layer for another (the running headers). */
  tagged?: boolean;
}

export interface PdfRender {
  pdf: Uint8Array;
  log: ServeLog;
}

export async function renderPdf(browser: PageOpener, html: string, options: PdfRenderOptions): Promise<PdfRender> {
  const size = Buffer.byteLength(html);
  if (size > MAX_HTML_BYTES) {
    throw new CasefileError('E_RENDER', `the dossier HTML is ${size} bytes; expected at most ${MAX_HTML_BYTES}`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Puppeteer's timeouts bound navigation and printing; this bounds the whole document, page
  // opening and closing included, so a wedged page can never hold a batch forever.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new CasefileError('E_TIMEOUT', `printing the dossier took longer than ${timeoutMs + PAGE_GRACE_MS} ms`)),
      timeoutMs + PAGE_GRACE_MS,
    );
  });
  try {
    return await Promise.race([printInNewPage(browser, html, options, timeoutMs), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function printInNewPage(browser: PageOpener, html: string, options: PdfRenderOptions, timeoutMs: number): Promise<PdfRender> {
  const page = await browser.newPage();
  try {
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
    return { pdf, log };
  } catch (error) {
    if (error instanceof CasefileError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const code = error instanceof Error && error.name === 'TimeoutError' ? 'E_TIMEOUT' : 'E_RENDER';
    throw new CasefileError(code, `printing the dossier failed: ${reason}`, { cause: error });
  } finally {
    await page.close().catch(() => undefined);
  }
}
