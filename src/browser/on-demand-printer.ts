/**
 * A dossier printer for a long-lived server (`preview`, `serve`): the printer `pdf` and `build`
 * use, started on the first PDF asked for, its pages reused, a browser that crashes replaced. A
 * browser that could not be started (or reached) is tried again on the next request instead of
 * failing every request after.
 */
import type { LaunchOptions } from './launch.js';
import type { PagePool } from './page-pool.js';
import type { PageOpener } from './target.js';
import { createDossierPrinter, type DossierPrinter } from './printer.js';

export interface OnDemandPrinter {
  print<T>(work: (pages: PageOpener, pool: PagePool) => Promise<T>): Promise<T>;
  /** The printer started so far, if any (for tests that kill its browser). */
  readonly current: DossierPrinter | undefined;
  close(): Promise<void>;
}

export function createOnDemandPrinter(options: { concurrency: number; launch?: LaunchOptions; browserWs?: string }): OnDemandPrinter {
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
    get current() {
      return printer;
    },
    async close() {
      await printer?.close();
      printer = undefined;
    },
  };
}
