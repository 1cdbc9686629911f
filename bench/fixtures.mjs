// Bench data: copies of the real records under new slugs, so a batch of any size has real content.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `distinctTitles` numbers each copy's title too: a site's index and manifest then hold as many
 * different titles as a real site of that size would, not four repeated.
 */
export function makeDataDir(dir, sourceDir, count, { distinctTitles = false } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(sourceDir, name), 'utf8')));
  for (let index = 0; index < count; index += 1) {
    const record = structuredClone(sources[index % sources.length]);
    record.slug = `${record.slug}-${String(index).padStart(3, '0')}`;
    if (distinctTitles) record.title = `${record.title} No. ${index + 1}`;
    delete record.$schema;
    writeFileSync(path.join(dir, `${record.slug}.json`), JSON.stringify(record));
  }
  return dir;
}
