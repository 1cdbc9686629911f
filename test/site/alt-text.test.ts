/**
 * Cards' alt text through `casefile build` as a subprocess: in --json, in manifest.json, as the
 * gallery's img alt and the meta tags' og:image:alt; the same after a rebuild that draws nothing
 * (the cache keeps it, a user layout's own alt too); and a hostile title escaped in every page.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardAltText } from '../../src/cards/alt-text/card-alt.js';
import type { CardId } from '../../src/cards/plan.js';
import { readCacheFile, writeCacheFile } from '../helpers/cache-file.js';
import { readManifest, type ManifestEntry } from '../../src/site/manifest.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { loadDataRecord, loadRecordAt } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const LEAD = 'lead-infrastructure-engineer';
const HOSTILE_TITLE = `Lead "Engineer" <img src=x onerror=alert(1)> & 'co'`;

interface BuildReport {
  skipped: number;
  made: number;
  outputs: ManifestEntry[];
}

/** An attribute's value as a browser reads it: the entities this project's escaper writes, decoded. */
function decoded(value: string): string {
  const entities: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&#96;': '`', '&lt;': '<', '&gt;': '>', '&amp;': '&' };
  return value.replace(/&(?:quot|#39|#96|lt|gt|amp);/g, (entity) => entities[entity]!);
}

/** A card's img alt on its record's gallery page (`<slug>/gallery.html`, which links it as `cards/…`). */
function galleryAlt(out: string, file: string): string | undefined {
  const [slug = '', ...rest] = file.split('/');
  const html = readFileSync(path.join(out, slug, 'gallery.html'), 'utf8');
  const img = html.split('<img ').find((tag) => tag.startsWith(`src="${rest.join('/')}"`));
  return img?.match(/ alt="([^"]*)"/)?.[1];
}

function metaContent(html: string, key: string): string | undefined {
  return html.split('\n').find((tag) => tag.includes(`="${key}"`))?.match(/content="([^"]*)"/)?.[1];
}

describe('alt text in a build', () => {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  const out = path.join(dir, 'out');
  const build = (extra: string[] = [], target = out) =>
    runCli(['build', '--data-dir', data, '--out-dir', target, '--only', 'cards', '--section', 'cover,flight-risk', '--base-url', 'https://example.org/roles', '--concurrency', '2', '--json', ...extra]);
  let first: BuildReport;
  let lead: ReturnType<typeof loadDataRecord>;
  let hostile: ReturnType<typeof loadDataRecord>;

  beforeAll(() => {
    mkdirSync(data);
    copyFileSync(path.join(ROOT, 'data', `${LEAD}.json`), path.join(data, `${LEAD}.json`));
    const record = JSON.parse(readFileSync(path.join(ROOT, 'data', 'sdet.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(data, 'hostile.json'), JSON.stringify({ ...record, $schema: undefined, slug: 'hostile', title: HOSTILE_TITLE }));
    lead = loadDataRecord(LEAD);
    hostile = loadRecordAt(path.join(data, 'hostile.json'));
    const result = build();
    expect(result.status, result.stderr).toBe(0);
    first = JSON.parse(result.stdout) as BuildReport;
  }, 180_000);

  const recordOf = (slug: string) => (slug === LEAD ? lead : hostile);

  it("lists every card with its alt text in --json and in manifest.json, the card's words for its record", async () => {
    const cards = first.outputs.filter((entry) => entry.kind === 'card');
    expect(cards).toHaveLength(4);
    for (const card of cards) expect(card.alt).toBe(cardAltText(recordOf(card.record), card.section as CardId));
    const manifest = await readManifest(path.join(out, 'manifest.json'));
    expect(manifest.outputs.map((entry) => [entry.path, entry.alt])).toEqual(cards.map((entry) => [entry.path, entry.alt]).sort());
    expect(manifest.outputs.find((entry) => entry.path === `${LEAD}/cards/flight-risk.png`)?.alt).toMatch(/Flight risk 85%, HIGH RISK\. Diagnosis: As companies optimize cloud spend/);
  });

  it("gives each card's img in the gallery its alt text", () => {
    for (const card of first.outputs) expect(decoded(galleryAlt(out, card.path) ?? '')).toBe(card.alt);
  });

  it("gives the meta tags the shared cover's alt text", () => {
    const html = readFileSync(path.join(out, LEAD, 'meta.html'), 'utf8');
    const cover = cardAltText(lead, 'cover');
    expect(cover).toMatch(/^Case file: Lead Infrastructure Engineer\. Flight risk 85%, HIGH RISK; market average \$188,924 a year\./);
    expect(decoded(metaContent(html, 'og:image:alt') ?? '')).toBe(cover);
    expect(decoded(metaContent(html, 'twitter:image:alt') ?? '')).toBe(cover);
  });

  it('escapes a hostile title wherever its alt text goes into HTML', () => {
    const gallery = readFileSync(path.join(out, 'index.html'), 'utf8');
    const page = readFileSync(path.join(out, 'hostile', 'gallery.html'), 'utf8');
    const meta = readFileSync(path.join(out, 'hostile', 'meta.html'), 'utf8');
    for (const html of [gallery, page, meta]) {
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('"Engineer"');
      expect(html).toContain('Lead &quot;Engineer&quot; &lt;img src=x onerror=alert(1)&gt; &amp; &#39;co&#39;');
    }
    expect(decoded(metaContent(meta, 'og:image:alt') ?? '')).toBe(cardAltText(hostile, 'cover'));
    expect(decoded(galleryAlt(out, 'hostile/cards/flight-risk.png') ?? '')).toContain(HOSTILE_TITLE);
  });

  it('lists the same alt text after a rebuild that draws nothing, from the cache', async () => {
    const before = await readManifest(path.join(out, 'manifest.json'));
    const again = build();
    expect(again.status, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout) as BuildReport;
    expect([report.made, report.skipped]).toEqual([0, 4]);
    expect(report.outputs).toEqual(first.outputs);
    expect(await readManifest(path.join(out, 'manifest.json'))).toEqual(before);
    expect(decoded(metaContent(readFileSync(path.join(out, LEAD, 'meta.html'), 'utf8'), 'og:image:alt') ?? '')).toBe(cardAltText(lead, 'cover'));
  });

  it('draws again a card whose cached entry has no alt text (a cache from before cards had it)', () => {
    const cache = readCacheFile(out);
    delete (cache.entries[`${LEAD}/cards/cover.png`]!.entry as { alt?: string }).alt;
    writeCacheFile(out, cache);
    const report = JSON.parse(build().stdout) as BuildReport;
    expect([report.made, report.skipped]).toEqual([1, 3]);
    expect(report.outputs.find((entry) => entry.path === `${LEAD}/cards/cover.png`)?.alt).toBe(cardAltText(lead, 'cover'));
  });

  it("keeps a user layout's own alt text for a card the rebuild does not draw", () => {
    const layouts = path.join(dir, 'layouts');
    mkdirSync(layouts);
    writeFileSync(
      path.join(layouts, 'cover.mjs'),
      "export default (ctx) => ({ element: { type: 'div', props: { style: { width: ctx.width, height: ctx.height, backgroundColor: '#1b3a5c' } } }, alt: `Now hiring: ${ctx.record.title}.` });\n",
    );
    const target = path.join(dir, 'out-layouts');
    const made = JSON.parse(build(['--card-layouts', layouts], target).stdout) as BuildReport;
    const kept = JSON.parse(build(['--card-layouts', layouts], target).stdout) as BuildReport;
    expect([kept.made, kept.skipped]).toEqual([0, 4]);
    for (const report of [made, kept]) {
      expect(report.outputs.find((entry) => entry.path === `${LEAD}/cards/cover.png`)?.alt).toBe('Now hiring: Lead Infrastructure Engineer.');
      // The section it does not replace keeps casefile's words.
      expect(report.outputs.find((entry) => entry.path === `${LEAD}/cards/flight-risk.png`)?.alt).toBe(cardAltText(lead, 'flight-risk'));
    }
    expect(decoded(metaContent(readFileSync(path.join(target, LEAD, 'meta.html'), 'utf8'), 'og:image:alt') ?? '')).toBe('Now hiring: Lead Infrastructure Engineer.');
  });
});
