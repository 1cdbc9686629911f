// The page-text reader at the scale of a site: 1,000 FILE RECORD texts read in-process, against
// reading and validating the same 1,000 records as JSON, and `casefile import` against
// `casefile validate` of the same records as whole CLI runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseRecord } from '../dist/record/load.js';
import { formatPageText } from '../dist/record/page-text/format.js';
import { parsePageText } from '../dist/record/page-text/parse.js';

/** `count` records made from the shipped ones under distinct slugs and titles, as JSON and as page text. */
function makeTexts(dir, dataDir, count) {
  rmSync(dir, { recursive: true, force: true });
  const textDir = path.join(dir, 'pages');
  const jsonDir = path.join(dir, 'json');
  mkdirSync(textDir, { recursive: true });
  mkdirSync(jsonDir, { recursive: true });
  const sources = readdirSync(dataDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dataDir, name), 'utf8')));
  const texts = [];
  const jsons = [];
  for (let index = 0; index < count; index += 1) {
    const record = structuredClone(sources[index % sources.length]);
    delete record.$schema;
    record.slug = `${record.slug}-${String(index).padStart(4, '0')}`;
    record.title = `${record.title} ${index}`;
    const text = formatPageText(record);
    const json = JSON.stringify(record, null, 2);
    writeFileSync(path.join(textDir, `${record.slug}.txt`), text);
    writeFileSync(path.join(jsonDir, `${record.slug}.json`), json);
    texts.push({ file: `${record.slug}.txt`, text });
    jsons.push({ file: path.join(jsonDir, `${record.slug}.json`), text: json });
  }
  return { textDir, jsonDir, texts, jsons };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time(work) {
  const started = performance.now();
  work();
  return performance.now() - started;
}

export async function benchImport({ root, workDir, count = 1000, rounds = 5, log }) {
  const { textDir, jsonDir, texts, jsons } = makeTexts(path.join(workDir, 'import'), path.join(root, 'data'), count);
  const knownSlugs = new Set(texts.map((entry) => entry.file.replace(/\.txt$/, '')));
  const readTexts = () => texts.forEach(({ file, text }) => parsePageText(text, { file, knownSlugs }));
  const readJson = () => jsons.forEach(({ file, text }) => parseRecord(text, file));
  readTexts();
  readJson();
  // Alternating rounds, so both sides share whatever else the machine is doing.
  const textMs = [];
  const jsonMs = [];
  for (let round = 0; round < rounds; round += 1) {
    textMs.push(time(readTexts));
    jsonMs.push(time(readJson));
  }
  log(`bench: read ${count} page texts ${textMs.map(Math.round).join('/')} ms, ${count} JSON records ${jsonMs.map(Math.round).join('/')} ms`);

  const cli = (...args) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    if (result.status !== 0) throw new Error(`casefile ${args[0]} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
    return performance.now() - started;
  };
  const importDir = path.join(workDir, 'import', 'imported');
  const textFiles = readdirSync(textDir).map((name) => path.join(textDir, name));
  const importMs = [];
  const validateMs = [];
  for (let round = 0; round < 3; round += 1) {
    rmSync(importDir, { recursive: true, force: true });
    mkdirSync(importDir, { recursive: true });
    importMs.push(cli('import', '--quiet', '--data-dir', importDir, ...textFiles));
    validateMs.push(cli('validate', '--quiet', '--data-dir', jsonDir));
  }
  log(`bench: casefile import of ${count} texts ${importMs.map(Math.round).join('/')} ms, casefile validate of ${count} JSON records ${validateMs.map(Math.round).join('/')} ms`);
  return {
    texts: count,
    readTextsMs: median(textMs),
    readJsonMs: median(jsonMs),
    msPer100Texts: (median(textMs) / count) * 100,
    textVsJson: median(textMs) / median(jsonMs),
    importCliMs: median(importMs),
    validateCliMs: median(validateMs),
    importCliMsPer100: (median(importMs) / count) * 100,
    importCliVsValidate: median(importMs) / median(validateMs),
  };
}
