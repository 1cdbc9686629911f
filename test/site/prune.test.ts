/** Stale outputs: what an earlier build made and this one no longer makes goes; nothing else does. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/batch.js';
import type { CachedPages, CacheEntries } from '../../src/site/cache.js';
import { BUILD_DEFAULTS, type BuildOptions } from '../../src/site/options.js';
import { knownOutputs, staleOutputs, type PruneScope } from '../../src/site/prune.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const HASH = 'a'.repeat(64);
function cached(record: string, kind: 'dossier' | 'card', file: string, scope?: string): CacheEntries {
  return { [file]: { inputs: HASH, output: HASH, entry: { record, title: record, kind, format: 'png', path: file, bytes: 1, hash: HASH }, ...(scope ? { scope } : {}) } };
}

describe('staleOutputs', () => {
  const pages: CachedPages = {
    'a/meta.html': { record: 'a', output: HASH },
    'gone/meta.html': { record: 'gone', output: HASH, scope: 'shard 1/2' },
  };
  const known = knownOutputs(
    {
      ...cached('a', 'card', 'a/cards/cover.square.png'),
      ...cached('a', 'dossier', 'a.pdf'),
      ...cached('b', 'card', 'b/cards/cover.png', 'shard 2/2'),
      ...cached('gone', 'card', 'gone/cards/cover.png', 'shard 1/2'),
      ...cached('broken', 'card', 'broken/cards/cover.png'),
    },
    pages,
  );
  const scope: PruneScope = {
    kinds: ['dossier', 'cards'],
    records: new Set(['a', 'b', 'broken']),
    existing: new Set(['a', 'b', 'broken']),
    scopeTag: 'all',
    coversRemoved: true,
    failed: new Set(['broken']),
  };

  it('names outputs of covered records that are no longer wanted, never a failed record’s', () => {
    expect(staleOutputs(known, new Set(['a.pdf', 'b/cards/cover.png', 'a/meta.html']), scope)).toEqual(['a/cards/cover.square.png']);
    // A build that no longer writes a's meta page (no --base-url, or no card to share) prunes it.
    expect(staleOutputs(known, new Set(['a.pdf', 'b/cards/cover.png']), scope)).toEqual(['a/cards/cover.square.png', 'a/meta.html']);
  });

  it('leaves a kind the build does not make alone', () => {
    expect(staleOutputs(known, new Set(), { ...scope, kinds: ['cards'] })).toEqual(['a/cards/cover.square.png', 'a/meta.html', 'b/cards/cover.png']);
    // Meta pages share cards, so a dossier-only build leaves them too.
    expect(staleOutputs(known, new Set(), { ...scope, kinds: ['dossier'] })).toEqual(['a.pdf']);
  });

  it('prunes a removed record only in the scope that made it', () => {
    const shard1 = { ...scope, records: new Set(['a']), scopeTag: 'shard 1/2' };
    expect(staleOutputs(known, new Set(['a.pdf', 'a/cards/cover.square.png', 'a/meta.html']), shard1)).toEqual(['gone/cards/cover.png', 'gone/meta.html']);
    const shard2 = { ...scope, records: new Set(['b']), scopeTag: 'shard 2/2' };
    expect(staleOutputs(known, new Set(['b/cards/cover.png']), shard2)).toEqual([]);
    expect(staleOutputs(known, new Set(['a.pdf', 'a/cards/cover.square.png', 'a/meta.html']), { ...shard1, coversRemoved: false })).toEqual([]);
  });
});

describe('casefile build prunes stale outputs', () => {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  const out = path.join(dir, 'out');
  mkdirSync(data);
  for (const slug of ['sdet', 'enterprise-architect', 'lead-infrastructure-engineer']) {
    copyFileSync(path.join(ROOT, 'data', `${slug}.json`), path.join(data, `${slug}.json`));
  }
  const options: BuildOptions = { ...BUILD_DEFAULTS, records: [], dataDir: data, outDir: out, kinds: ['cards'], sections: ['cover'], concurrency: 1 };
  const onDisk = (file: string) => existsSync(path.join(out, file));
  const listed = () => JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).outputs.map((entry: { path: string }) => entry.path);

  it('removes a card size and a section that left the build, and updates manifest and gallery', async () => {
    await buildSite({ ...options, records: ['sdet'], sizes: ['og', 'square'], sections: ['cover', 'salary'] });
    expect(onDisk('sdet/cards/salary.square.png')).toBe(true);

    const noPrune = await buildSite({ ...options, records: ['sdet'], sizes: ['og'], sections: ['cover', 'salary'], prune: false });
    expect(noPrune.pruned).toEqual([]);
    expect(onDisk('sdet/cards/cover.square.png')).toBe(true);

    writeFileSync(path.join(out, 'sdet', 'cards', 'salary.square.png'), 'edited by hand');
    writeFileSync(path.join(out, 'sdet', 'cards', 'notes.txt'), 'not casefile’s');
    const warnings: string[] = [];
    const sizes = await buildSite({ ...options, records: ['sdet'], sizes: ['og'], sections: ['cover', 'salary'] }, { onWarning: (line) => warnings.push(line) });
    expect(sizes.pruned).toEqual(['sdet/cards/cover.square.png']);
    expect(onDisk('sdet/cards/cover.square.png')).toBe(false);
    // Changed since casefile wrote it, so no longer casefile's file: kept, and said so.
    expect(onDisk('sdet/cards/salary.square.png')).toBe(true);
    expect(warnings.join('\n')).toMatch(/kept sdet\/cards\/salary\.square\.png: no longer part of the build, but changed since casefile wrote it/);

    const sections = await buildSite({ ...options, records: ['sdet'] });
    expect(sections.pruned).toEqual(['sdet/cards/salary.png']);
    expect(listed()).toEqual(['sdet/cards/cover.png']);
    expect(readFileSync(path.join(out, 'sdet', 'gallery.html'), 'utf8')).not.toContain('salary');
    expect(onDisk('sdet/cards/notes.txt')).toBe(true);
  });

  it('a shard prunes only its own records; a removed record goes with the shard that made it', async () => {
    // Sorted: enterprise-architect, lead-infrastructure-engineer, sdet → shard 1/2 has the first and last.
    const first = await buildSite({ ...options, shard: { index: 1, count: 2 } });
    expect(first.manifest.outputs.map((entry) => entry.record)).toEqual(['enterprise-architect', 'sdet']);
    await buildSite({ ...options, shard: { index: 2, count: 2 } });

    rmSync(path.join(data, 'sdet.json'));
    // sdet was shard 1's; shard 2 must leave it (and shard 1's enterprise-architect) alone.
    expect((await buildSite({ ...options, shard: { index: 2, count: 2 } })).pruned).toEqual([]);
    expect(onDisk('sdet/cards/cover.png')).toBe(true);
    expect(onDisk('enterprise-architect/cards/cover.png')).toBe(true);

    const again = await buildSite({ ...options, shard: { index: 1, count: 2 } });
    // The record's gallery page was shard 1's too, and goes with it.
    expect(again.pruned).toEqual(['sdet/cards/cover.png', 'sdet/gallery.html']);
    expect(onDisk('sdet/cards/cover.png')).toBe(false);
    expect(onDisk('lead-infrastructure-engineer/cards/cover.png')).toBe(true);
    // The hand-written file keeps sdet's folder; only casefile's own file went.
    expect(onDisk('sdet/cards/notes.txt')).toBe(true);
  });

  it('a meta page goes with its removed record, and when the build stops writing it', async () => {
    const site = tempDir();
    const siteData = path.join(site, 'data');
    const siteOut = path.join(site, 'out');
    mkdirSync(siteData);
    for (const slug of ['sdet', 'enterprise-architect']) copyFileSync(path.join(ROOT, 'data', `${slug}.json`), path.join(siteData, `${slug}.json`));
    const build = { ...options, dataDir: siteData, outDir: siteOut, baseUrl: 'https://example.org/r' };
    const meta = (slug: string) => path.join(siteOut, slug, 'meta.html');

    await buildSite(build);
    expect(existsSync(meta('sdet')) && existsSync(meta('enterprise-architect'))).toBe(true);

    rmSync(path.join(siteData, 'sdet.json'));
    const removed = await buildSite(build);
    expect(removed.pruned).toEqual(['sdet/cards/cover.png', 'sdet/gallery.html', 'sdet/meta.html']);
    // Nothing of casefile's was left in sdet's folder, so the folder went too.
    expect(existsSync(path.join(siteOut, 'sdet'))).toBe(false);
    expect(existsSync(meta('enterprise-architect'))).toBe(true);

    // A page edited by hand is the site's now: kept, and said so.
    writeFileSync(meta('enterprise-architect'), '<meta name="edited" content="by hand">\n');
    const warnings: string[] = [];
    const withoutBaseUrl = await buildSite({ ...build, baseUrl: undefined }, { onWarning: (line) => warnings.push(line) });
    expect(withoutBaseUrl.pruned).toEqual([]);
    expect(warnings.join('\n')).toMatch(/kept enterprise-architect\/meta\.html: no longer part of the build, but changed/);

    await buildSite(build);
    expect(readFileSync(meta('enterprise-architect'), 'utf8')).toContain('og:image');
    expect((await buildSite({ ...build, baseUrl: undefined })).pruned).toEqual(['enterprise-architect/meta.html']);
    expect(existsSync(meta('enterprise-architect'))).toBe(false);
  });
});
