import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_FILE } from '../../src/site/cache.js';

/** The build cache as its maps, read from its JSON Lines by hand (not through the code under test). */
export interface CacheFile {
  entries: Record<string, Record<string, unknown>>;
  pages: Record<string, Record<string, unknown>>;
  records: Record<string, Record<string, unknown>>;
  site: Record<string, Record<string, unknown>>;
  trees: Record<string, Record<string, unknown>>;
}

const MAPS = { output: 'entries', page: 'pages', record: 'records', site: 'site', tree: 'trees' } as const;

export function readCacheFile(out: string): CacheFile {
  const [header, ...lines] = readFileSync(path.join(out, CACHE_FILE), 'utf8').trimEnd().split('\n');
  if (header !== '{"format":2}') throw new Error(`unexpected cache header ${header}`);
  const end = JSON.parse(lines.pop() ?? '[]') as unknown[];
  if (end[0] !== 'end' || end[1] !== lines.length) throw new Error(`the cache does not end with its line count: ${JSON.stringify(end)}`);
  const cache: CacheFile = { entries: {}, pages: {}, records: {}, site: {}, trees: {} };
  for (const line of lines) {
    const [kind, key, value] = JSON.parse(line) as [keyof typeof MAPS, string, Record<string, unknown>];
    cache[MAPS[kind]][key] = value;
  }
  return cache;
}

export function writeCacheFile(out: string, cache: CacheFile): void {
  const lines = (Object.entries(MAPS) as [keyof typeof MAPS, keyof CacheFile][]).flatMap(([kind, map]) => Object.entries(cache[map]).map(([key, value]) => JSON.stringify([kind, key, value])));
  writeFileSync(path.join(out, CACHE_FILE), `${['{"format":2}', ...lines, JSON.stringify(['end', lines.length])].join('\n')}\n`);
}
