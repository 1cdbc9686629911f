// The site at scale (issue 23): synthetic sites of 1,000, 10,000 and (opt-in) 100,000 og cards drawn
// by Takumi, each built three times as a subprocess: cold, again with nothing changed, and again with
// one record edited. The no-op and one-edit builds are reported as shares of the cold build measured
// minutes before on the same machine, peak memory as the whole process tree's, and what each build
// rewrote is read back from the files' mtimes, not taken from the build's word.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeDataDir } from './fixtures.mjs';
import { measurePeakMemory } from './memory.mjs';

/** Each record makes a cover and eleven section cards at og size. */
const CARDS_PER_RECORD = 12;
const CACHE_FILE = '.casefile-cache.json';

const round1 = (value) => Math.round(value * 10) / 10;
const labelOf = (cards) => (cards >= 1000 ? `${cards / 1000}k` : String(cards));

/** Every file under `dir` with its mtime, by path relative to `dir`. */
function mtimes(dir) {
  const table = new Map();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    table.set(path.relative(dir, file), statSync(file).mtimeMs);
  }
  return table;
}

/** Paths written (new or with a new mtime) between two snapshots. */
function rewritten(before, after) {
  return [...after].filter(([file, mtime]) => before.get(file) !== mtime).map(([file]) => file).sort();
}

const isSiteFile = (file) => file === 'manifest.json' || file === CACHE_FILE || /^index(-\d+)?\.html$/.test(file);

/**
 * What the edit of `slug` may rewrite: its cards, its gallery pages and the site-wide files. The
 * report says whether every card of the record was rewritten and nothing outside that set was.
 */
function judgeEdit(files, slug) {
  const ofRecord = files.filter((file) => file.startsWith(`${slug}/`));
  const others = files.filter((file) => !file.startsWith(`${slug}/`) && !isSiteFile(file));
  const cards = ofRecord.filter((file) => file.endsWith('.png'));
  return { files: files.length, cards: cards.length, siteFiles: files.filter(isSiteFile), outsideTheRecord: others.slice(0, 10), onlyThatRecord: others.length === 0 && cards.length === CARDS_PER_RECORD };
}

function fileSizes(outDir) {
  const size = (file) => statSync(path.join(outDir, file)).size;
  const indexPages = readdirSync(outDir).filter((name) => /^index(-\d+)?\.html$/.test(name));
  let largestRecordPage = 0;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const name of readdirSync(path.join(outDir, entry.name))) {
      if (/^gallery(-\d+)?\.html$/.test(name)) largestRecordPage = Math.max(largestRecordPage, size(path.join(entry.name, name)));
    }
  }
  return {
    manifestBytes: size('manifest.json'),
    cacheBytes: size(CACHE_FILE),
    indexPages: indexPages.length,
    indexBytes: indexPages.reduce((sum, name) => sum + size(name), 0),
    largestIndexPageBytes: Math.max(...indexPages.map(size)),
    largestRecordPageBytes: largestRecordPage,
  };
}

async function build(root, dataDir, outDir, extra, log, label) {
  const args = [path.join(root, 'dist', 'cli.js'), 'build', '--only', 'cards', '--engine', 'takumi', '--quiet', '--data-dir', dataDir, '--out-dir', outDir, ...extra];
  log(`bench: site ${label}…`);
  const result = await measurePeakMemory(process.execPath, args);
  if (result.code !== 0) throw new Error(`casefile build (${label}) exited ${result.code}: ${result.stderr}`);
  log(`bench: site ${label}: ${(result.ms / 1000).toFixed(1)} s, peak ${Math.round(result.peakKb / 1024)} MB`);
  return { ms: result.ms, peakMb: Math.round(result.peakKb / 1024) };
}

async function benchSize({ root, workDir, log }, targetCards) {
  const records = Math.ceil(targetCards / CARDS_PER_RECORD);
  const cards = records * CARDS_PER_RECORD;
  const label = labelOf(targetCards);
  const dataDir = makeDataDir(path.join(workDir, `site-data-${label}`), path.join(root, 'data'), records, { distinctTitles: true });
  const outDir = path.join(workDir, `site-out-${label}`);
  rmSync(outDir, { recursive: true, force: true });
  const loadAtStart = os.loadavg().map(round1);

  const cold = await build(root, dataDir, outDir, ['--force'], log, `${label}, cold (${cards} cards)`);
  const made = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).outputs.length;
  if (made !== cards) throw new Error(`the cold ${label} build lists ${made} outputs; expected ${cards}`);

  const beforeNoop = mtimes(outDir);
  const noop = await build(root, dataDir, outDir, [], log, `${label}, nothing changed`);
  const afterNoop = mtimes(outDir);
  const noopWrote = rewritten(beforeNoop, afterNoop);

  // The middle record, edited where every one of its cards shows it: its title.
  const files = readdirSync(dataDir).sort();
  const edited = files[Math.floor(files.length / 2)];
  const slug = edited.replace(/\.json$/, '');
  const record = JSON.parse(readFileSync(path.join(dataDir, edited), 'utf8'));
  writeFileSync(path.join(dataDir, edited), JSON.stringify({ ...record, title: `${record.title} (revised)` }));
  const edit = await build(root, dataDir, outDir, [], log, `${label}, one record edited`);
  const editWrote = judgeEdit(rewritten(afterNoop, mtimes(outDir)), slug);

  const figures = {
    cards,
    records,
    coldMs: Math.round(cold.ms),
    msPerCard: round1(cold.ms / cards),
    noopMs: Math.round(noop.ms),
    noopShare: noop.ms / cold.ms,
    noopRewrote: noopWrote.slice(0, 10),
    editMs: Math.round(edit.ms),
    editShare: edit.ms / cold.ms,
    editRewrote: editWrote,
    peakMb: { cold: cold.peakMb, noop: noop.peakMb, edit: edit.peakMb, max: Math.max(cold.peakMb, noop.peakMb, edit.peakMb) },
    ...fileSizes(outDir),
    loadAverage: { start: loadAtStart, end: os.loadavg().map(round1) },
  };
  log(`bench: site ${label}: ${figures.msPerCard} ms/card cold, no-op ${(figures.noopShare * 100).toFixed(1)}%, one edit ${(figures.editShare * 100).toFixed(1)}% of cold`);
  // 100,000 PNGs are gigabytes: a size's site goes as soon as it is measured.
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  return figures;
}

/** `sizes`: card counts, smallest first; the ratios compare 10k with 1k and 100k with 10k when both were built. */
export async function benchSite(context, sizes) {
  const bySize = {};
  for (const cards of sizes) bySize[labelOf(cards)] = await benchSize(context, cards);
  const ratio = (a, b, pick) => (bySize[a] && bySize[b] ? pick(bySize[a]) / pick(bySize[b]) : undefined);
  const defined = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
  return {
    ...bySize,
    ...defined({
      msPerCard10kVs1k: ratio('10k', '1k', (size) => size.msPerCard),
      msPerCard100kVs10k: ratio('100k', '10k', (size) => size.msPerCard),
      peak100kVs10k: ratio('100k', '10k', (size) => size.peakMb.max),
    }),
    largestIndexPageBytes: Math.max(...Object.values(bySize).map((size) => size.largestIndexPageBytes)),
  };
}
