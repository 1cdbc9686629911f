/** Dossier HTML → PDF bytes, in a hardened page of a browser the caller owns. */
import type { Browser } from 'puppeteer-core';
import { CasefileError } from '../errors.js';
import { loadDocument, type AssetMounts, type ServeLog } from '../browser/serve.js';
import type { PageGeometry } from './paper.js';

/** A dossier is a few hundred kilobytes of HTML; anything far beyond that is a runaway or an attack. */
export const MAX_HTML_BYTES = 8 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface PdfRenderOptions {
  page: PageGeometry;
  mounts: AssetMounts;
  timeoutMs?: number;
}

export interface PdfRender {
  pdf: Uint8Array;
  log: ServeLog;
}

export async function renderPdf(browser: Browser, html: string, options: PdfRenderOptions): Promise<PdfRender> {
  const size = Buffer.byteLength(html);
  if (size > MAX_HTML_BYTES) {
    throw new CasefileError('E_RENDER', `the dossier HTML is ${size} bytes; expected at most ${MAX_HTML_BYTES}`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(timeoutMs);
    const log = await loadDocument(page, html, options.mounts, { timeoutMs });
    const pdf = await page.pdf({
      width: options.page.width,
      height: options.page.height,
      printBackground: true,
      preferCSSPageSize: true,
      outline: true,
      tagged: true,
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
