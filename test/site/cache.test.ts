import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE, isFresh, loadCache, mergedOutputs, saveCache, unchangedCache } from '../../src/site/cache.js';
import { canonicalJson, fileHash, sha256, textHash } from '../../src/site/hash.js';
import { tempDir } from '../helpers/tmp.js';

describe('the build cache', () => {
  const out = tempDir();
  const entry = { record: 'a', title: 'A', kind: 'dossier' as const, format: 'pdf' as const, path: 'a.pdf', bytes: 3, hash: fileHash(Buffer.from('pdf')) };

  it('trusts an entry only while its inputs and the file on disk both match', async () => {
    writeFileSync(path.join(out, 'a.pdf'), 'pdf');
    const entries = { 'a.pdf': { inputs: sha256('in'), output: fileHash(Buffer.from('pdf')), entry } };
    await saveCache(out, { entries });
    const { entries: loaded } = await loadCache(out);
    expect(await isFresh(out, loaded, 'a.pdf', sha256('in'))).toBe(true);
    expect(await isFresh(out, loaded, 'a.pdf', sha256('other input'))).toBe(false);
    writeFileSync(path.join(out, 'a.pdf'), 'tampered');
    expect(await isFresh(out, loaded, 'a.pdf', sha256('in'))).toBe(false);
    expect(await isFresh(out, loaded, 'missing.pdf', sha256('in'))).toBe(false);
  });

  it.each([
    ['corrupt', '{ not json', /corrupt/],
    ['of another format', JSON.stringify({ format: 99, entries: {} }), /not a cache this version understands/],
    ['with a bad entry', JSON.stringify({ format: 1, entries: { 'a.pdf': { inputs: 'short' } } }), /not a cache/],
    ['of format 1, one JSON document', `${JSON.stringify({ format: 1, entries: {} }, null, 1)}\n`, /not a cache this version understands/],
    ['with a bad line', `{"format":2}\n["output","a.pdf",{"inputs":"short"}]\n["end",1]\n`, /not a cache this version understands/],
    ['cut short', `{"format":2}\n["page","a/meta.html",{"record":"a","output":"${'a'.repeat(64)}"}]\n`, /corrupt/],
    ['with lines after its end', `{"format":2}\n["end",0]\n["end",0]\n`, /corrupt/],
    ['keyed __proto__', `{"format":2}\n["page","__proto__",{"record":"a","output":"${'a'.repeat(64)}"}]\n["end",1]\n`, /corrupt/],
    ['whose count is wrong', `{"format":2}\n["page","a/meta.html",{"record":"a","output":"${'a'.repeat(64)}"}]\n["end",2]\n`, /corrupt/],
  ])('discards a cache that is %s, saying why', async (_name, text, reason) => {
    writeFileSync(path.join(out, CACHE_FILE), text);
    const cache = await loadCache(out);
    expect(cache.entries).toEqual({});
    expect(cache.discarded).toMatch(reason);
  });

  it('tells a cache a build left as it was from one it changed, and never trusts one it could not read', async () => {
    const dir = tempDir();
    const entries = { 'a.pdf': { inputs: sha256('in'), output: fileHash(Buffer.from('pdf')), entry } };
    const records = { '/data/a.json': { size: 1, mtimeMs: 2, context: sha256('code'), slug: 'a', title: 'A', question: 'Q?', contentHash: sha256('a') } };
    await saveCache(dir, { entries, pages: { 'a/gallery.html': { record: 'a', output: sha256('page') } }, records });
    const read = await loadCache(dir);
    const same = { entries: { ...read.entries }, pages: { 'a/gallery.html': { record: 'a', output: sha256('page') } }, records: { ...read.records }, site: {}, trees: {} };
    expect(unchangedCache(read, same)).toBe(true);
    expect(unchangedCache(read, { ...same, entries: { 'a.pdf': { ...read.entries['a.pdf']!, scope: 'shard 1/2' } } })).toBe(false);
    expect(unchangedCache(read, { ...same, entries: {} })).toBe(false);
    expect(unchangedCache(read, { ...same, pages: { 'a/gallery.html': { record: 'a', output: sha256('another page') } } })).toBe(false);
    expect(unchangedCache(read, { ...same, records: { '/data/a.json': { ...read.records['/data/a.json']!, mtimeMs: 3 } } })).toBe(false);
    expect(unchangedCache(read, { ...same, site: { 'manifest.json': { inputs: sha256('paths'), output: sha256('manifest'), size: 9, mtimeMs: 3 } } })).toBe(false);
    expect(unchangedCache(read, { ...same, trees: { '/casefile/dist': { hash: sha256('code'), files: [['cli.js', 10, 4]] } } })).toBe(false);
    expect(unchangedCache({ ...read, trusted: false }, same)).toBe(false);
    writeFileSync(path.join(dir, CACHE_FILE), '{');
    expect((await loadCache(dir)).trusted).toBe(false);
  });

  it('writes a line per output, page, record, site file and folder, by key, and reads back what it wrote', async () => {
    const dir = tempDir();
    const entries = Object.fromEntries(['b.pdf', 'a.pdf'].map((file) => [file, { inputs: sha256(file), output: fileHash(Buffer.from('pdf')), entry: { ...entry, path: file }, scope: 'all', size: 3, mtimeMs: 1.5 }]));
    const pages = { 'a/meta.html': { record: 'a', output: sha256('page'), size: 4, mtimeMs: 2 } };
    const records = { '/data/a.json': { size: 1, mtimeMs: 2, context: sha256('code'), slug: 'a', title: 'A ✓', question: 'Q?', contentHash: sha256('a') } };
    const site = { 'manifest.json': { inputs: sha256('paths'), output: sha256('manifest'), size: 9, mtimeMs: 3.25 } };
    const trees = { '/casefile/fonts': { hash: sha256('fonts'), files: [['a.ttf', 5, 1.25], ['b.ttf', 6, 2]] as [string, number, number][] } };
    await saveCache(dir, { entries, pages, records, site, trees });
    const lines = readFileSync(path.join(dir, CACHE_FILE), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('{"format":2}');
    expect(lines.slice(1).map((line) => (JSON.parse(line) as unknown[]).slice(0, 2))).toEqual([
      ['output', 'a.pdf'],
      ['output', 'b.pdf'],
      ['page', 'a/meta.html'],
      ['record', '/data/a.json'],
      ['site', 'manifest.json'],
      ['tree', '/casefile/fonts'],
      ['end', 6],
    ]);
    const read = await loadCache(dir);
    expect(read).toMatchObject({ trusted: true, entries, pages, records, site, trees });
    expect(unchangedCache(read, read)).toBe(true);
  });

  it("merges the run's outputs, sorted by path, into the cache's entries, a made output replacing the same path kept", async () => {
    const dir = tempDir();
    const output = (file: string, inputs: string) => ({ inputs: sha256(inputs), output: fileHash(Buffer.from('pdf')), entry: { ...entry, path: file } });
    const entries = Object.fromEntries(['d.pdf', 'a.pdf', 'b.pdf'].map((file) => [file, output(file, 'kept')]));
    const made = ['b.pdf', 'c.pdf', 'e.pdf'].map((file) => output(file, 'made'));
    expect([...mergedOutputs(entries, made)].map(([file, { inputs }]) => [file, inputs === sha256('made') ? 'made' : 'kept'])).toEqual([
      ['a.pdf', 'kept'],
      ['b.pdf', 'made'],
      ['c.pdf', 'made'],
      ['d.pdf', 'kept'],
      ['e.pdf', 'made'],
    ]);
    // saveCache reads `made` as it writes, once.
    await saveCache(dir, { entries }, (function* () {
      yield* made;
    })());
    const read = await loadCache(dir);
    expect(Object.keys(read.entries)).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf']);
    expect(read.entries['b.pdf']).toEqual(made[0]);
    expect(read.entries['a.pdf']).toEqual(entries['a.pdf']);
  });

  it('hashes text as its UTF-8 bytes', () => {
    expect(textHash('café ✓')).toBe(fileHash(Buffer.from('café ✓', 'utf8')));
  });

  it('hashes values canonically, whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
    expect(sha256('ab', 'c')).not.toBe(sha256('a', 'bc'));
  });

  it('writes canonical JSON as JSON.stringify writes the same value with its keys sorted by code unit', () => {
    const value = { z: [1, 'two', null, undefined, { y: true, B: 'é"\n', a: -0.5 }], A: undefined, 'a-b': { ab: 1, 'a b': 2, a: 3 }, f: () => 1, m: new Date(0) };
    const sorted = { 'A': undefined, 'a-b': { a: 3, 'a b': 2, ab: 1 }, f: () => 1, m: new Date(0), z: [1, 'two', null, undefined, { B: 'é"\n', a: -0.5, y: true }] };
    expect(canonicalJson(value)).toBe(JSON.stringify(sorted));
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(canonicalJson('text')).toBe('"text"');
    expect(canonicalJson(undefined)).toBe('null');
  });
});
