/**
 * build's meta tags as a real Open Graph client reads them: open-graph-scraper, fed each record's
 * meta.html inside the page a site would put it in. The image URLs' ?v= is checked against the
 * sha256 of the PNG on disk, across an edit (new bytes, new v) and a rebuild with nothing changed.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ogs from 'open-graph-scraper';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/site/manifest.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const SITE_NAME = 'Acme Careers';

let dir: string;

function build(out: string, extra: string[]): string {
  const result = runCli(['build', 'sdet', '--data-dir', 'data', '--out-dir', out, '--only', 'cards', '--section', 'cover', '--concurrency', '1', ...extra], { cwd: dir });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** What a crawler sees: the snippet in a page's head. */
async function scrape(out: string) {
  const meta = readFileSync(path.join(dir, out, 'sdet', 'meta.html'), 'utf8');
  const html = `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>SDET</title>\n${meta}</head>\n<body><h1>SDET</h1></body>\n</html>\n`;
  const { error, result } = await ogs({
    html,
    onlyGetOpenGraphInfo: true,
    // open-graph-scraper folds og:image:secure_url into ogImage's url; read the tag itself too.
    customMetaTags: [{ multiple: false, property: 'og:image:secure_url', fieldName: 'ogImageSecureUrl' }],
  });
  expect(error).toBe(false);
  return result;
}

const coverSha256 = (out: string) => createHash('sha256').update(readFileSync(path.join(dir, out, 'sdet', 'cards', 'cover.png'))).digest('hex');
const versionOf = (url: string | undefined) => url?.match(/\?v=([0-9a-f]{12})$/)?.[1];
const manifest = (out: string) => JSON.parse(readFileSync(path.join(dir, out, 'manifest.json'), 'utf8')) as Manifest;

beforeAll(() => {
  dir = tempDir();
  mkdirSync(path.join(dir, 'data'));
  copyFileSync(path.join(ROOT, 'data', 'sdet.json'), path.join(dir, 'data', 'sdet.json'));
  writeFileSync(path.join(dir, 'theme.json'), JSON.stringify({ name: SITE_NAME, site: 'careers.acme.example' }));
});

describe('meta tags read by open-graph-scraper', () => {
  const https = ['--base-url', 'https://careers.acme.example/roles', '--qr-url', '{baseUrl}/cases/{slug}.html', '--theme', 'theme.json'];
  let first: Awaited<ReturnType<typeof scrape>>;
  let firstSha: string;

  beforeAll(async () => {
    build('site', https);
    first = await scrape('site');
    firstSha = coverSha256('site');
  }, 180_000);

  it("a themed https build: og:url is the QR code's URL, og:site_name the theme's name, images versioned by their bytes", () => {
    expect(first.ogUrl).toBe('https://careers.acme.example/roles/cases/sdet.html');
    expect(first.ogSiteName).toBe(SITE_NAME);
    expect(first.ogType).toBe('article');
    expect(first.ogTitle).toMatch(/^Case File: /);
    const url = `https://careers.acme.example/roles/sdet/cards/cover.png?v=${firstSha.slice(0, 12)}`;
    expect(first.ogImage).toEqual([expect.objectContaining({ url, type: 'image/png', width: '1200', height: '630' })]);
    expect(first.customMetaTags?.ogImageSecureUrl).toBe(url);
    expect(first.twitterImage).toEqual([expect.objectContaining({ url })]);
    expect(first.twitterCard).toBe('summary_large_image');
  });

  it('the manifest gives every output the same version: its sha256, first 12 hex digits', () => {
    const { outputs } = manifest('site');
    expect(outputs.length).toBeGreaterThan(0);
    for (const entry of outputs) expect(entry.version).toBe(entry.hash.slice(0, 12));
    const cover = outputs.find((entry) => entry.path === 'sdet/cards/cover.png')!;
    expect(cover.hash).toBe(firstSha);
    expect(versionOf(first.ogImage?.[0]?.url)).toBe(cover.version);
  });

  it('an edited record: new card bytes, new v; a rebuild with nothing changed: the same v', async () => {
    const file = path.join(dir, 'data', 'sdet.json');
    const record = JSON.parse(readFileSync(file, 'utf8')) as { title: string };
    writeFileSync(file, JSON.stringify({ ...record, title: `${record.title} (Edited)` }, null, 2));
    build('site', https);
    const edited = await scrape('site');
    const editedSha = coverSha256('site');
    expect(editedSha).not.toBe(firstSha);
    expect(versionOf(edited.ogImage?.[0]?.url)).toBe(editedSha.slice(0, 12));
    expect(versionOf(edited.twitterImage?.[0]?.url)).toBe(editedSha.slice(0, 12));

    // Nothing to make: the card is kept from the cache, and its version with it.
    expect(build('site', https)).toMatch(/^1 records: 0 made, 1 skipped, 0 failed/m);
    const again = await scrape('site');
    expect(coverSha256('site')).toBe(editedSha);
    expect(again.ogImage?.[0]?.url).toBe(edited.ogImage?.[0]?.url);
    expect(again.twitterImage?.[0]?.url).toBe(edited.twitterImage?.[0]?.url);
    expect(manifest('site').outputs.find((entry) => entry.path === 'sdet/cards/cover.png')?.version).toBe(editedSha.slice(0, 12));
  }, 180_000);

  it("an unthemed http build: og:url is <base-url>/<slug>/, no site name, no secure_url", async () => {
    build('plain', ['--base-url', 'http://localhost:8080/']);
    const plain = await scrape('plain');
    const v = coverSha256('plain').slice(0, 12);
    expect(plain.ogUrl).toBe('http://localhost:8080/sdet/');
    expect(plain.ogSiteName).toBeUndefined();
    expect(plain.customMetaTags?.ogImageSecureUrl).toBeUndefined();
    expect(plain.ogImage).toEqual([expect.objectContaining({ url: `http://localhost:8080/sdet/cards/cover.png?v=${v}` })]);
    expect(plain.twitterImage).toEqual([expect.objectContaining({ url: `http://localhost:8080/sdet/cards/cover.png?v=${v}` })]);
  }, 180_000);
});
