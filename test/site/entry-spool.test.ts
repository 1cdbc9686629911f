/** The run's entries on disk (entry-spool.ts) and the build's outputs read back from it a record at a time (site-outputs.ts). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removeStaleTemporaries } from '../../src/output/atomic.js';
import { EntrySpool, type Written } from '../../src/site/entry-spool.js';
import { sha256 } from '../../src/site/hash.js';
import { sortEntries, withVersion, type ManifestEntry } from '../../src/site/manifest.js';
import { SiteOutputs, slugsInPathOrder } from '../../src/site/site-outputs.js';
import { tempDir } from '../helpers/tmp.js';

function entryOf(slug: string, file: string, extra: Partial<ManifestEntry> = {}): ManifestEntry {
  const kind = file.endsWith('.pdf') ? 'dossier' : 'card';
  return withVersion({ record: slug, title: `Title “${slug}”`, kind, format: kind === 'dossier' ? 'pdf' : 'png', path: file, bytes: file.length, hash: sha256(file), ...extra });
}

const writtenOf = (entry: ManifestEntry): Written => ({ inputs: sha256('inputs', entry.path), output: entry.hash, entry, scope: 'all', size: entry.bytes, mtimeMs: 1733150000123.456 });

/** A record's outputs as a build names them: `<slug>.pdf` and cards under `<slug>/cards/`. */
const pathsOf = (slug: string) => [`${slug}.pdf`, `${slug}/cards/cover.png`, `${slug}/cards/salary.og.png`, `${slug}/cards/salary.og@2x.png`];

describe('the entry spool', () => {
  it('gives back each record’s entries exactly as added, in pieces, and counts its cards', () => {
    const spool = new EntrySpool(tempDir());
    const a = pathsOf('a').map((file) => writtenOf(entryOf('a', file, file.endsWith('.png') ? { alt: 'Alt — with “quotes” and ✓' } : {})));
    const b = pathsOf('b').map((file) => writtenOf(entryOf('b', file)));
    spool.add('a', a.slice(1));
    spool.add('b', b);
    spool.add('a', a.slice(0, 1));
    spool.add('c', []);
    expect(spool.read('a')).toEqual([...a.slice(1), a[0]]);
    // Key order too: the cache writes entries as they read back.
    expect(spool.read('a').map((written) => JSON.stringify(written))).toEqual([...a.slice(1), a[0]].map((written) => JSON.stringify(written)));
    expect(spool.read('b')).toEqual(b);
    expect(spool.read('c')).toEqual([]);
    expect(spool.countsOf('a')).toEqual({ entries: 4, cards: 3 });
    expect(spool.size).toBe(8);
    expect(spool.slugs.sort()).toEqual(['a', 'b']);
    spool.dispose();
  });

  it('keeps its file in the out folder under a temporary name a later build removes, and removes it when disposed', async () => {
    const out = tempDir();
    const spool = new EntrySpool(out);
    expect(readdirSync(out)).toEqual([]);
    spool.add('a', [writtenOf(entryOf('a', 'a.pdf'))]);
    const [file] = readdirSync(out);
    expect(file).toMatch(/^\.casefile-entries\.tmp-\d+-[0-9a-f]{8}$/);
    // Not while its build lives; once that process is gone (killed), the next build removes it.
    expect(await removeStaleTemporaries(out)).toEqual([]);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const orphan = path.join(out, file!.replace(/tmp-\d+-/, `tmp-${gone}-`));
    writeFileSync(orphan, readFileSync(path.join(out, file!)));
    expect(await removeStaleTemporaries(out)).toEqual([orphan]);
    spool.dispose();
    expect(existsSync(path.join(out, file!))).toBe(false);
    expect(spool.read('a')).toEqual([]);
  });
});

describe('the outputs of a build, a record at a time', () => {
  it('orders records as their paths sort, so the manifest streams in path order', () => {
    // `-` sorts before `.` and `/`, digits and letters after: `a-b.pdf` < `a.pdf` < `a/…` < `a1.pdf`.
    expect(slugsInPathOrder(['a', 'a1', 'a-b', 'ab', 'a-', 'b'])).toEqual(['a-', 'a-b', 'a', 'a1', 'ab', 'b']);
    const slug = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.uniqueArray(slug, { maxLength: 12 }), fc.uniqueArray(slug, { maxLength: 12 }), (made, kept) => {
        const dir = tempDir();
        const spool = new EntrySpool(dir);
        // Added in no order, and a record's entries out of order too.
        for (const record of made) spool.add(record, pathsOf(record).reverse().map((file) => writtenOf(entryOf(record, file))));
        const keptEntries = kept.filter((record) => !made.includes(record)).flatMap((record) => pathsOf(record).map((file) => entryOf(record, file)));
        const outputs = new SiteOutputs(keptEntries, spool);
        const every = [...outputs.entries()];
        expect(every.map((entry) => entry.path)).toEqual(sortEntries(every).map((entry) => entry.path));
        expect(every).toHaveLength(pathsOf('x').length * new Set([...made, ...kept]).size);
        expect(outputs.cards).toBe(every.filter((entry) => entry.kind === 'card').length);
        expect(outputs.slugs).toEqual([...new Set([...made, ...kept])].sort());
        spool.dispose();
      }),
      { numRuns: 40 },
    );
  });

  it('gives a path made by the run instead of the same path kept', () => {
    const spool = new EntrySpool(tempDir());
    const made = writtenOf(entryOf('a', 'a/cards/cover.png', { bytes: 99 }));
    spool.add('a', [made]);
    const outputs = new SiteOutputs([entryOf('a', 'a.pdf'), entryOf('a', 'a/cards/cover.png')], spool);
    expect(outputs.entriesOf('a').map((entry) => [entry.path, entry.bytes])).toEqual([
      ['a.pdf', 'a.pdf'.length],
      ['a/cards/cover.png', 99],
    ]);
    expect(outputs.written('a')).toEqual([made]);
    spool.dispose();
  });
});
