/** A browser that dies mid-batch is replaced, and the document it was printing is tried again. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDossier } from '../../src/api/dossier.js';
import { createDossierPrinter } from '../../src/browser/printer.js';
import { ROOT } from '../helpers/cli.js';
import { loadDataRecord } from '../helpers/records.js';

describe('createDossierPrinter', () => {
  const printer = createDossierPrinter({ concurrency: 2 });
  afterAll(() => printer.close());
  const dataDir = path.join(ROOT, 'data');

  it('prints, survives the browser being killed between documents and during one, and relaunches', async () => {
    const record = loadDataRecord('sdet');
    const print = () => printer.print((browser) => renderDossier(browser, record, { dataDir }));

    expect((await print()).pdf.byteLength).toBeGreaterThan(10_000);

    (await printer.currentBrowser()).process()!.kill('SIGKILL');
    expect((await print()).pdf.byteLength).toBeGreaterThan(10_000);
    expect(printer.relaunches).toBe(1);

    const browser = await printer.currentBrowser();
    const during = printer.print(async (live) => {
      // Kill the browser while this document is on its page.
      setTimeout(() => browser.process()!.kill('SIGKILL'), 50);
      return renderDossier(live, record, { dataDir });
    });
    expect(Buffer.from((await during).pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(printer.relaunches).toBe(2);
  });

  it('does not retry a document that fails while the browser is fine', async () => {
    let attempts = 0;
    await expect(
      printer.print(async () => {
        attempts += 1;
        throw new Error('template exploded');
      }),
    ).rejects.toThrow(/template exploded/);
    expect(attempts).toBe(1);
  });

  it('makes a second close wait for the first: neither returns before the browser and its profile are gone', async () => {
    // An interrupt closes the printer while the build's own cleanup closes it too; the process
    // exits after the second, so the second must not return early.
    const closing = createDossierPrinter({ concurrency: 1 });
    const browser = await closing.currentBrowser();
    const profile = browser.process()!.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    expect(existsSync(profile)).toBe(true);

    void closing.close();
    await closing.close();
    expect(browser.process()!.exitCode ?? browser.process()!.signalCode).not.toBeNull();
    expect(existsSync(profile)).toBe(false);
  });
});
