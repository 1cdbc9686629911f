/** The batch on real records: outputs, manifest, and the incremental cache against each kind of change. */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildSummary } from '../../src/site/batch.js';
import { CACHE_FILE } from '../../src/site/cache.js';
import { computeFingerprint, installedSources } from '../../src/site/fingerprint.js';
import { BUILD_DEFAULTS, type BuildOptions } from '../../src/site/options.js';
import { BUILTIN_TEMPLATES_DIR } from '../../src/paths.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const SLUGS = ['lead-infrastructure-engineer', 'sdet'];

function setUp(): { data: string; out: string; options: BuildOptions } {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  mkdirSync(data);
  for (const slug of SLUGS) copyFileSync(path.join(ROOT, 'data', `${slug}.json`), path.join(data, `${slug}.json`));
  const out = path.join(dir, 'out');
  return { data, out, options: { ...BUILD_DEFAULTS, records: [], dataDir: data, outDir: out, sections: ['cover'], concurrency: 2 } };
}

const statuses = (summary: BuildSummary) => ({ made: summary.made, skipped: summary.skipped, failed: summary.failed });
const mtime = (file: string) => statSync(file).mtimeMs;

describe('buildSite', () => {
  const { data, out, options } = setUp();
  let cold: BuildSummary;

  beforeAll(async () => {
    cold = await buildSite(options);
  });

  it('builds every dossier and card of every record', () => {
    expect(statuses(cold)).toEqual({ made: 4, skipped: 0, failed: 0 });
    expect(cold.manifest.outputs.map((entry) => entry.path).sort()).toEqual([
      'lead-infrastructure-engineer.pdf',
      'lead-infrastructure-engineer/cards/cover.png',
      'sdet.pdf',
      'sdet/cards/cover.png',
    ]);
  });

  it('writes a manifest whose entries match the files on disk', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.outputs).toHaveLength(4);
    for (const entry of manifest.outputs) {
      const bytes = readFileSync(path.join(out, entry.path));
      expect(bytes.byteLength).toBe(entry.bytes);
      // Plain SHA-256, so a site can check files with sha256sum.
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.hash);
      if (entry.format === 'png') {
        const png = PNG.sync.read(bytes);
        expect([png.width, png.height]).toEqual([entry.width, entry.height]);
        expect(entry).toMatchObject({ kind: 'card', section: 'cover', size: 'og', width: 1200, height: 630 });
      } else {
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        expect(entry.kind).toBe('dossier');
      }
    }
  });

  it("hands back manifest.json as the summary's manifest, read when asked for, and leaves no spool behind", () => {
    expect(Object.keys(cold)).not.toContain('manifest');
    expect(cold.manifest).toEqual(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(readdirSync(out, { recursive: true }).map(String).filter((name) => name.includes('.tmp-') || name.includes('casefile-entries'))).toEqual([]);
  });

  it('skips everything when nothing changed, leaving the files alone', async () => {
    const before = mtime(path.join(out, 'sdet.pdf'));
    const again = await buildSite(options);
    expect(statuses(again)).toEqual({ made: 0, skipped: 4, failed: 0 });
    expect(mtime(path.join(out, 'sdet.pdf'))).toBe(before);
    expect(again.manifest.outputs).toEqual(cold.manifest.outputs);
  });

  it('rebuilds only the outputs of a record that changed', async () => {
    const file = path.join(data, 'sdet.json');
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.sections['flight-risk'].percent = 12;
    writeFileSync(file, JSON.stringify(record, null, 2));
    const summary = await buildSite(options);
    expect(statuses(summary)).toEqual({ made: 2, skipped: 2, failed: 0 });
  });

  it('rebuilds dossiers, not cards, when a template changes', async () => {
    const templates = path.join(path.dirname(out), 'templates');
    mkdirSync(path.join(templates, 'partials'), { recursive: true });
    copyFileSync(path.join(BUILTIN_TEMPLATES_DIR, 'partials', 'habitat.hbs'), path.join(templates, 'partials', 'habitat.hbs'));
    const first = await buildSite({ ...options, templatesDir: templates });
    expect(statuses(first)).toEqual({ made: 2, skipped: 2, failed: 0 });
    writeFileSync(path.join(templates, 'partials', 'habitat.hbs'), `${readFileSync(path.join(templates, 'partials', 'habitat.hbs'), 'utf8')}\n<p>edited</p>\n`);
    const second = await buildSite({ ...options, templatesDir: templates });
    expect(statuses(second)).toEqual({ made: 2, skipped: 2, failed: 0 });
    expect(second.manifest.outputs.filter((entry) => entry.kind === 'card').map((entry) => entry.hash)).toEqual(
      first.manifest.outputs.filter((entry) => entry.kind === 'card').map((entry) => entry.hash),
    );
    await buildSite(options);
  });

  it('rebuilds what an option change touches: a new size adds cards, the paper redoes dossiers', async () => {
    const sizes = await buildSite({ ...options, sizes: ['og', 'square'] });
    expect(statuses(sizes)).toEqual({ made: 2, skipped: 4, failed: 0 });
    expect(sizes.manifest.outputs.map((entry) => entry.path)).toContain('sdet/cards/cover.square.png');
    const paper = await buildSite({ ...options, paper: 'letter' });
    expect(statuses(paper)).toEqual({ made: 2, skipped: 2, failed: 0 });
  });

  it('rebuilds an output that was deleted or altered on disk', async () => {
    await buildSite(options);
    rmSync(path.join(out, 'sdet', 'cards', 'cover.png'));
    writeFileSync(path.join(out, 'sdet.pdf'), 'not a pdf');
    const summary = await buildSite(options);
    expect(statuses(summary)).toEqual({ made: 2, skipped: 2, failed: 0 });
    expect(readFileSync(path.join(out, 'sdet.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('never trusts a corrupt cache: it warns and rebuilds', async () => {
    writeFileSync(path.join(out, CACHE_FILE), '{"format": 1, "entries": {"sdet.pdf": ');
    const warnings: string[] = [];
    const summary = await buildSite(options, { onWarning: (message) => warnings.push(message) });
    expect(statuses(summary)).toEqual({ made: 4, skipped: 0, failed: 0 });
    expect(warnings.join('\n')).toMatch(/is corrupt; rebuilding everything/);
  });

  it('rebuilds everything with force', async () => {
    expect(statuses(await buildSite({ ...options, force: true }))).toEqual({ made: 4, skipped: 0, failed: 0 });
  });
});

describe('a batch with one broken record', () => {
  it('fails that record with a clear message and builds the rest', async () => {
    const { data, options } = setUp();
    writeFileSync(path.join(data, 'broken.json'), '{"slug": "broken", "title": 42}');
    const summary = await buildSite(options);
    expect(summary.failed).toBe(1);
    expect(summary.made).toBe(4);
    expect(summary.failures[0]).toMatchObject({ record: 'broken', code: 'E_SCHEMA' });
    expect(summary.failures[0]!.message).toMatch(/\$\.title: expected a string, received the number 42/);
  });
});

describe('the build fingerprint', () => {
  it('changes with the version, the code, the fonts and the templates', async () => {
    const dir = tempDir();
    for (const name of ['code', 'fonts', 'templates', 'mine']) mkdirSync(path.join(dir, name));
    const sources = {
      version: '1.0.0',
      codeDir: path.join(dir, 'code'),
      fontsDir: path.join(dir, 'fonts'),
      builtinTemplatesDir: path.join(dir, 'templates'),
      userTemplatesDir: path.join(dir, 'mine'),
    };
    const base = await computeFingerprint(sources);
    expect(await computeFingerprint(sources)).toEqual(base);
    expect((await computeFingerprint({ ...sources, version: '1.0.1' })).engine).not.toBe(base.engine);
    writeFileSync(path.join(dir, 'fonts', 'a.ttf'), 'font');
    const fonts = await computeFingerprint(sources);
    expect(fonts.engine).not.toBe(base.engine);
    writeFileSync(path.join(dir, 'code', 'a.js'), 'code');
    const code = await computeFingerprint(sources);
    expect(code.engine).not.toBe(fonts.engine);
    writeFileSync(path.join(dir, 'mine', 'dossier.css'), 'body{}');
    const templates = await computeFingerprint(sources);
    expect(templates.templates).not.toBe(code.templates);
    expect(templates.engine).toBe(code.engine);
  });

  it('is computed for this install', async () => {
    expect((await computeFingerprint(installedSources())).engine).toMatch(/^[0-9a-f]{64}$/);
  });
});
