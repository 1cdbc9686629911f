#!/usr/bin/env node
/**
 * Takumi against Satori on the same element trees (not part of `npm test`): every card of every
 * record in data/ at og, square and story, both engines in this process, compared with pixelmatch
 * (per-pixel threshold 0.1, as the golden tests). Prints a markdown table of the share of pixels
 * that differ, worst card first per size, and writes side-by-side PNGs (Satori above, Takumi
 * below) of the worst pairs to bench/.tmp/parity/ to look at.
 *
 *   npm run build && node scripts/engine-parity.mjs [--sizes og,square,story] [--keep 6]
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { parseRecord, planCards } from '../dist/index.js';
import { renderCard } from '../dist/cards/render.js';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const sizes = argument('sizes', 'og,square,story').split(',');
const keep = Number(argument('keep', 6));
const outDir = path.join(root, 'bench', '.tmp', 'parity');
mkdirSync(outDir, { recursive: true });

const THRESHOLD = 0.1;
const files = readdirSync(path.join(root, 'data')).filter((name) => name.endsWith('.json')).sort();
const rows = [];
for (const name of files) {
  const file = path.join(root, 'data', name);
  const record = parseRecord(readFileSync(file, 'utf8'), file);
  for (const size of sizes) {
    for (const job of planCards(record, { sizes: [size] })) {
      const satori = await renderCard(record, job);
      const takumi = await renderCard(record, { ...job, engine: 'takumi' });
      const a = PNG.sync.read(Buffer.from(satori.png));
      const b = PNG.sync.read(Buffer.from(takumi.png));
      const diff = new PNG({ width: a.width, height: a.height });
      const different = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: THRESHOLD });
      rows.push({
        record: record.slug,
        section: job.section,
        size,
        share: different / (a.width * a.height),
        pair: () => {
          const out = new PNG({ width: a.width, height: a.height * 2 });
          a.data.copy(out.data, 0);
          b.data.copy(out.data, a.data.length);
          return PNG.sync.write(out);
        },
        warnings: [satori.warnings.join(' | '), takumi.warnings.join(' | ')],
      });
      process.stderr.write('.');
    }
  }
}
process.stderr.write('\n');

const percent = (value) => `${(value * 100).toFixed(2)}%`;
console.log(`| size | cards | median | worst | over 1% |\n|---|---|---|---|---|`);
for (const size of sizes) {
  const these = rows.filter((row) => row.size === size).sort((x, y) => y.share - x.share);
  const median = these[Math.floor(these.length / 2)].share;
  console.log(`| ${size} | ${these.length} | ${percent(median)} | ${percent(these[0].share)} (${these[0].record}/${these[0].section}) | ${these.filter((row) => row.share > 0.01).length} |`);
}
const worst = [...rows].sort((x, y) => y.share - x.share);
console.log('\nworst pairs (written to bench/.tmp/parity/):');
for (const row of worst.slice(0, keep)) {
  const target = path.join(outDir, `${row.record}.${row.section}.${row.size}.png`);
  writeFileSync(target, row.pair());
  console.log(`  ${percent(row.share)} ${row.record}/${row.section} ${row.size}`);
}
const differingWarnings = rows.filter((row) => row.warnings[0].replace(/ \(.*?\)/g, '') !== row.warnings[1].replace(/ \(.*?\)/g, ''));
console.log(`\ncards whose warnings differ between engines: ${differingWarnings.length}`);
for (const row of differingWarnings.slice(0, 10)) console.log(`  ${row.record}/${row.section} ${row.size}\n    satori: ${row.warnings[0]}\n    takumi: ${row.warnings[1]}`);
writeFileSync(path.join(outDir, 'parity.json'), `${JSON.stringify(rows.map(({ pair, ...row }) => row), null, 2)}\n`);
