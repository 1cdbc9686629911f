/** The gallery is real pages: the index and each record's page load offline in headless Chromium with no errors and show every card. */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/batch.js';
import { BUILD_DEFAULTS } from '../../src/site/options.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

describe('the gallery pages', () => {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  const out = path.join(dir, 'out');
  const browser = useBrowser();
  let cardCount = 0;

  beforeAll(async () => {
    mkdirSync(data);
    for (const slug of ['enterprise-architect', 'sdet']) copyFileSync(path.join(ROOT, 'data', `${slug}.json`), path.join(data, `${slug}.json`));
    const summary = await buildSite({ ...BUILD_DEFAULTS, records: [], dataDir: data, outDir: out, sections: ['cover', 'salary', 'flight-risk'], concurrency: 2 });
    cardCount = summary.manifest.outputs.filter((entry) => entry.kind === 'card').length;
  });

  it('load with no console errors or failed requests and show every card image', async () => {
    const page = await browser().newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) problems.push(`left the disk: ${request.url()}`);
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href, { waitUntil: 'load' });
    const dossiers = await page.$$eval('a.dossier', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(dossiers).toEqual(['enterprise-architect.pdf', 'sdet.pdf']);
    const recordPages = await page.$$eval('a.title', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect(recordPages.map((url) => url.slice(url.indexOf('/out/') + 5))).toEqual(['enterprise-architect/gallery.html', 'sdet/gallery.html']);

    const shown: string[] = [];
    for (const url of recordPages) {
      await page.goto(url, { waitUntil: 'load' });
      // Lazy images load as they scroll into view: bring each one in, then check it decoded.
      const images = await page.$$eval('section.record img', (elements) =>
        Promise.all(
          elements.map(async (image) => {
            image.loading = 'eager';
            image.scrollIntoView();
            await image.decode().catch(() => undefined);
            return { src: image.getAttribute('src'), width: image.naturalWidth, height: image.naturalHeight };
          }),
        ),
      );
      for (const image of images) expect(image).toMatchObject({ width: 1200, height: 630 });
      shown.push(...images.map((image) => image.src!));
      const back = await page.$$eval('a[href="../index.html"]', (anchors) => anchors.length);
      expect(back).toBe(1);
    }
    expect(cardCount).toBe(6);
    expect(shown).toHaveLength(cardCount);
    // Each record's cards as the record reads ([03] salary before [04] flight risk), not alphabetically.
    expect(shown.map((src) => src.replace(/^cards\/|-og\.png$|\.png$/g, ''))).toEqual(['enterprise-architect', 'sdet'].flatMap(() => ['cover', 'salary', 'flight-risk']));
    expect(problems).toEqual([]);
    await page.close();
  });
});
