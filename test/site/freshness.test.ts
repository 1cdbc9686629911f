/**
 * Freshness by stamp (issue 23): a build trusts an output whose size and mtime are the ones
 * casefile recorded, hashes it when they differ, and rebuilds it only when its bytes changed.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildSummary } from '../../src/site/batch.js';
import { CACHE_FILE } from '../../src/site/cache.js';
import { manifestJson } from '../../src/site/manifest.js';
import { BUILD_DEFAULTS, type BuildOptions } from '../../src/site/options.js';
import { BUILTIN_TEMPLATES_DIR, FONTS_DIR } from '../../src/paths.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { readCacheFile, writeCacheFile } from '../helpers/cache-file.js';

const SLUGS = ['lead-infrastructure-engineer', 'sdet'];
const CARD = 'sdet/cards/cover.png';

function setUp(): { out: string; options: BuildOptions } {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  mkdirSync(data);
  for (const slug of SLUGS) copyFileSync(path.join(ROOT, 'data', `${slug}.json`), path.join(data, `${slug}.json`));
  const out = path.join(dir, 'out');
  const options: BuildOptions = { ...BUILD_DEFAULTS, records: [], dataDir: data, outDir: out, kinds: ['cards'], sections: ['cover', 'salary'], concurrency: 1, baseUrl: 'https://example.org/roles' };
  return { out, options };
}

const statuses = (summary: BuildSummary) => ({ made: summary.made, skipped: summary.skipped, failed: summary.failed });
const cacheEntry = (out: string, file: string) => readCacheFile(out).entries[file] ?? {};

describe('freshness by size and mtime', () => {
  const { out, options } = setUp();
  const card = path.join(out, CARD);
  const siteFiles = [CACHE_FILE, 'manifest.json', 'index.html', 'sdet/gallery.html', 'sdet/meta.html', 'lead-infrastructure-engineer/gallery.html', 'lead-infrastructure-engineer/meta.html'];

  beforeAll(async () => {
    expect(statuses(await buildSite(options))).toEqual({ made: 4, skipped: 0, failed: 0 });
  });

  it('records each output with the size and mtime it had once written', () => {
    const stats = statSync(card);
    expect(cacheEntry(out, CARD)).toMatchObject({ size: stats.size, mtimeMs: stats.mtimeMs });
  });

  it("remembers casefile's own folders (code, fonts, templates) with each file's stamp, so the next build need not read them", () => {
    const { trees } = readCacheFile(out);
    expect(Object.keys(trees).sort()).toEqual([BUILTIN_TEMPLATES_DIR, FONTS_DIR, path.join(ROOT, 'src')].sort());
    const fonts = trees[FONTS_DIR] as { hash: string; files: [string, number, number][] };
    const font = fonts.files.find(([file]) => file.endsWith('.ttf'))!;
    expect(font.slice(1)).toEqual([statSync(path.join(FONTS_DIR, font[0])).size, statSync(path.join(FONTS_DIR, font[0])).mtimeMs]);
    expect(fonts.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes none of the cache, manifest, gallery or meta pages when nothing changed', async () => {
    const before = siteFiles.map((file) => statSync(path.join(out, file)).mtimeMs);
    const again = await buildSite(options);
    expect(statuses(again)).toEqual({ made: 0, skipped: 4, failed: 0 });
    expect(siteFiles.map((file) => statSync(path.join(out, file)).mtimeMs)).toEqual(before);
  });

  it('writes again a manifest or gallery page edited or deleted by hand, though nothing else changed', async () => {
    const manifest = path.join(out, 'manifest.json');
    const gallery = path.join(out, 'sdet', 'gallery.html');
    const written = { manifest: readFileSync(manifest, 'utf8'), gallery: readFileSync(gallery, 'utf8') };
    // Same size, other bytes: only a new stamp tells, and the file is made again to compare.
    writeFileSync(manifest, written.manifest.replace('"generator"', '"generatoR"'));
    rmSync(gallery);
    expect(statuses(await buildSite(options))).toEqual({ made: 0, skipped: 4, failed: 0 });
    expect(readFileSync(manifest, 'utf8')).toBe(written.manifest);
    expect(readFileSync(gallery, 'utf8')).toBe(written.gallery);
    expect(readCacheFile(out).site['manifest.json']).toMatchObject({ size: statSync(manifest).size, mtimeMs: statSync(manifest).mtimeMs });
  });

  it('keeps a touched but unchanged output: hashed again, not redrawn, and its new mtime recorded', async () => {
    const bytes = readFileSync(card);
    const later = new Date(Date.now() + 60_000);
    utimesSync(card, later, later);
    const touched = statSync(card).mtimeMs;
    expect(cacheEntry(out, CARD).mtimeMs).not.toBe(touched);
    const summary = await buildSite(options);
    expect(statuses(summary)).toEqual({ made: 0, skipped: 4, failed: 0 });
    expect(readFileSync(card).equals(bytes)).toBe(true);
    expect(statSync(card).mtimeMs).toBe(touched);
    expect(cacheEntry(out, CARD).mtimeMs).toBe(touched);
  });

  it('rebuilds an output edited by hand, even to the same size', async () => {
    const bytes = readFileSync(card);
    const edited = Buffer.from(bytes);
    edited[edited.length - 20] = edited[edited.length - 20]! ^ 0xff;
    writeFileSync(card, edited);
    const summary = await buildSite(options);
    expect(statuses(summary)).toEqual({ made: 1, skipped: 3, failed: 0 });
    expect(readFileSync(card).equals(bytes)).toBe(true);
    writeFileSync(card, 'not a png');
    expect(statuses(await buildSite(options))).toEqual({ made: 1, skipped: 3, failed: 0 });
    expect(readFileSync(card).equals(bytes)).toBe(true);
  });

  it('rebuilds an output deleted by hand', async () => {
    rmSync(card);
    expect(statuses(await buildSite(options))).toEqual({ made: 1, skipped: 3, failed: 0 });
    expect(statSync(card).size).toBeGreaterThan(0);
  });

  it('goes on from a cache written before stamps: each output hashed once, then its stamp recorded', async () => {
    const cache = readCacheFile(out);
    for (const entry of Object.values(cache.entries)) {
      delete entry.size;
      delete entry.mtimeMs;
    }
    writeCacheFile(out, cache);
    expect(statuses(await buildSite(options))).toEqual({ made: 0, skipped: 4, failed: 0 });
    const stats = statSync(card);
    expect(cacheEntry(out, CARD)).toMatchObject({ size: stats.size, mtimeMs: stats.mtimeMs });
  });
});

describe('record files trusted by size and mtime', () => {
  const { out, options } = setUp();
  const recordFile = path.join(options.dataDir, 'sdet.json');
  const cardOf = (slug: string) => path.join(out, slug, 'cards', 'cover.png');

  beforeAll(async () => {
    expect(statuses(await buildSite(options))).toEqual({ made: 4, skipped: 0, failed: 0 });
  });

  it('remembers each record file with its stamp, title and content hash', () => {
    const stats = statSync(recordFile);
    const remembered = readCacheFile(out).records[path.resolve(recordFile)]!;
    expect(remembered).toMatchObject({ size: stats.size, mtimeMs: stats.mtimeMs, slug: 'sdet', title: JSON.parse(readFileSync(recordFile, 'utf8')).title });
    expect(remembered.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not read a record file whose stamp is unchanged, and parses it again once the stamp moves', async () => {
    const original = readFileSync(recordFile);
    // A whole second, which utimes sets exactly: the stamp the cache then remembers is the one restored below.
    const second = Math.floor(statSync(recordFile).mtimeMs / 1000) - 60;
    utimesSync(recordFile, second, second);
    expect(statuses(await buildSite(options))).toEqual({ made: 0, skipped: 4, failed: 0 });
    try {
      // Same size, same mtime, bytes that would not parse: only a build that reads the file notices.
      writeFileSync(recordFile, Buffer.alloc(original.length, ' '));
      utimesSync(recordFile, second, second);
      expect(statuses(await buildSite(options))).toEqual({ made: 0, skipped: 4, failed: 0 });
      utimesSync(recordFile, second + 1, second + 1);
      const broken = await buildSite(options);
      expect(broken.failed).toBe(1);
      expect(broken.failures[0]).toMatchObject({ record: 'sdet', message: expect.stringContaining('invalid JSON') });
    } finally {
      writeFileSync(recordFile, original);
    }
    expect(statuses(await buildSite(options))).toEqual({ made: 0, skipped: 4, failed: 0 });
  });

  it("rebuilds the cards of a record edited by hand, and only those", async () => {
    const before = statSync(cardOf('lead-infrastructure-engineer')).mtimeMs;
    const record = JSON.parse(readFileSync(recordFile, 'utf8'));
    writeFileSync(recordFile, JSON.stringify({ ...record, title: `${record.title} (revised)` }));
    expect(statuses(await buildSite(options))).toEqual({ made: 2, skipped: 2, failed: 0 });
    expect(statSync(cardOf('lead-infrastructure-engineer')).mtimeMs).toBe(before);
    expect(readFileSync(path.join(out, 'sdet', 'gallery.html'), 'utf8')).toContain('(revised)');
  });
});

/**
 * A page is not made again when its settings, its shape and its entries are the last build's: so
 * each way a page can change without its entries changing must still reach it.
 */
describe('pages made from the entries the cache kept', () => {
  const { out, options } = setUp();
  const page = (file: string) => readFileSync(path.join(out, file), 'utf8');

  beforeAll(async () => {
    expect(statuses(await buildSite(options))).toEqual({ made: 4, skipped: 0, failed: 0 });
  });

  it('lists the cards again when a section leaves the build, though every card left is kept', async () => {
    expect(page('sdet/gallery.html')).toContain('salary.png');
    const fewer = await buildSite({ ...options, sections: ['cover'] });
    expect(statuses(fewer)).toEqual({ made: 0, skipped: 2, failed: 0 });
    expect(page('sdet/gallery.html')).not.toContain('salary.png');
    expect(page('sdet/gallery.html')).toContain('cover.png');
    expect(page('index.html')).toContain('1 cards');
  });

  it("writes the meta pages again when the QR links change, though no card does", async () => {
    const before = page('sdet/meta.html');
    const moved = await buildSite({ ...options, sections: ['cover'], qr: { baseUrl: 'https://qr.example.net/cases' } });
    expect(statuses(moved)).toEqual({ made: 0, skipped: 2, failed: 0 });
    expect(page('sdet/meta.html')).not.toBe(before);
    expect(page('sdet/meta.html')).toContain('https://qr.example.net/cases/sdet');
  });

  it("makes the edited record's pages and the index again, and leaves the other record's page unwritten", async () => {
    const settings = { ...options, sections: ['cover'], qr: { baseUrl: 'https://qr.example.net/cases' } };
    const other = statSync(path.join(out, 'lead-infrastructure-engineer', 'gallery.html')).mtimeMs;
    const recordFile = path.join(options.dataDir, 'sdet.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8'));
    writeFileSync(recordFile, JSON.stringify({ ...record, title: `${record.title} (renamed)`, question: 'What is it, really?' }));
    const edited = await buildSite(settings);
    expect(statuses(edited)).toEqual({ made: 1, skipped: 1, failed: 0 });
    for (const file of ['index.html', 'sdet/gallery.html', 'sdet/meta.html']) expect(page(file)).toContain('(renamed)');
    // Written in one pass, known to have changed: the same bytes as the manifest made whole.
    expect(page('manifest.json')).toBe(manifestJson(edited.manifest));
    expect(edited.manifest.outputs.find((entry) => entry.record === 'sdet')?.title).toMatch(/\(renamed\)$/);
    expect(page('sdet/meta.html')).toContain('What is it, really?');
    expect(statSync(path.join(out, 'lead-infrastructure-engineer', 'gallery.html')).mtimeMs).toBe(other);
  });
});
