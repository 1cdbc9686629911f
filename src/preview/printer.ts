/**
 * The preview prints its PDF link with the dossier printer `pdf` and `build` use: the browser is
 * started on the first PDF asked for, pages are reused, and a browser that crashes is replaced.
 * The preview lives long, so a browser that could not be started (or reached) is tried again on
 * the next request instead of failing every request after.
 */
import type { LaunchOptions } from '../browser/launch.js';
import type { PagePool } from '../browser/page-pool.js';
import type { PageOpener } from '../browser/target.js';
import { createDossierPrinter, type DossierPrinter } from '../browser/printer.js';

export interface PreviewPrinter {
  print<T>(work: (pages: PageOpener, pool: PagePool) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createPreviewPrinter(options: { concurrency: number; launch?: LaunchOptions; browserWs?: string }): PreviewPrinter {
  let printer: DossierPrinter | undefined;
  return {
    async print(work) {
      printer ??= createDossierPrinter(options);
      const current = printer;
      // The browser first: one that did not start is forgotten with its printer.
      await current.currentBrowser().catch(async (error: unknown) => {
        if (printer === current) printer = undefined;
        await current.close();
        throw error;
      });
      return current.print(work);
    },
    async close() {
      await printer?.close();
      printer = undefined;
    },
  };
}
