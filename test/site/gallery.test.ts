/** The gallery's pages (issue 23): an index of records in pages, a page per record, every record and card once, and no page near a megabyte. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_IDS } from '../../src/cards/plan.js';
import { CARDS_PER_PAGE, galleryPages, RECORDS_PER_INDEX_PAGE, type GalleryPage } from '../../src/site/gallery.js';
import { sortEntries, type Manifest, type ManifestEntry } from '../../src/site/manifest.js';

const entry = (record: string, file: string, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
  record,
  title: record.toUpperCase(),
  kind: file.endsWith('.pdf') ? 'dossier' : 'card',
  format: file.endsWith('.pdf') ? 'pdf' : 'png',
  path: file,
  bytes: 10,
  hash: 'a'.repeat(64),
  ...(file.endsWith('.png') ? { width: 1200, height: 630, section: 'cover', size: 'og' } : {}),
  ...extra,
});

const manifestOf = (outputs: ManifestEntry[]): Manifest => ({ generator: 'casefile 1', outputs: sortEntries(outputs) });

/** Every image's link on a page, as a path relative to the out folder. */
function cardLinks(page: GalleryPage): string[] {
  return [...page.html.matchAll(/<a href="([^"]+)"><img /g)].map((match) => path.posix.join(path.posix.dirname(page.path), match[1]!));
}

/** Each record page's link on an index page, as a path relative to the out folder. */
function recordLinks(page: GalleryPage): string[] {
  return [...page.html.matchAll(/<a class="title" href="([^"]+)">/g)].map((match) => path.posix.join(path.posix.dirname(page.path), match[1]!));
}

const isIndexPage = (page: GalleryPage) => /^index(-\d+)?\.html$/.test(page.path);
const pageAt = (pages: readonly GalleryPage[], file: string) => pages.find((page) => page.path === file)!;

/** A site of `records` records with every card id at one size: 834 records make 10,008 cards, as in the issue. */
function site(records: number, sizes: readonly string[] = ['og']): Manifest {
  const outputs: ManifestEntry[] = [];
  for (let index = 0; index < records; index++) {
    const slug = `role-${String(index).padStart(5, '0')}`;
    outputs.push(entry(slug, `${slug}.pdf`, { title: `Role ${index} "<b>" & co` }));
    for (const section of CARD_IDS) {
      for (const size of sizes) {
        const file = `${slug}/cards/${section}.${size}.png`;
        outputs.push(entry(slug, file, { title: `Role ${index} "<b>" & co`, section, size, alt: `Case file: Role ${index}, ${section} <at> ${size} & more.` }));
      }
    }
  }
  return manifestOf(outputs);
}

describe('galleryPages of 100,000 cards', () => {
  const huge = site(8334);
  const pages = galleryPages(huge);
  const indexPages = pages.filter(isIndexPage);

  it('links every card exactly once, and every record exactly once from the index pages', () => {
    const cards = huge.outputs.filter((output) => output.kind === 'card').map((card) => card.path);
    expect(cards).toHaveLength(100_008);
    const linked = pages.flatMap(cardLinks);
    expect(linked).toHaveLength(cards.length);
    expect(new Set(linked)).toEqual(new Set(cards));
    const records = indexPages.flatMap(recordLinks);
    expect(records).toHaveLength(8334);
    expect(new Set(records)).toEqual(new Set(pages.filter((page) => page.record !== undefined).map((page) => page.path)));
  });

  it('keeps every page, index pages included, under 256 KB', () => {
    expect(indexPages).toHaveLength(Math.ceil(8334 / RECORDS_PER_INDEX_PAGE));
    for (const page of pages) expect(Buffer.byteLength(page.html), page.path).toBeLessThan(256 * 1024);
  });

  it('chains the index pages: each links the previous and the next, and every other', () => {
    const paths = indexPages.map((page) => page.path);
    expect(paths.slice(0, 3)).toEqual(['index.html', 'index-2.html', 'index-3.html']);
    paths.forEach((file, index) => {
      const html = pageAt(pages, file).html;
      const previous = paths[index - 1];
      const next = paths[index + 1];
      if (previous) expect(html).toContain(`<a href="${previous}">Previous</a>`);
      else expect(html).not.toContain('>Previous<');
      if (next) expect(html).toContain(`<a href="${next}">Next</a>`);
      else expect(html).not.toContain('>Next<');
      const linked = new Set([...html.matchAll(/<a href="(index[^"]*\.html)">/g)].map((match) => match[1]));
      expect([...linked].sort()).toEqual(paths.filter((other) => other !== file).sort());
    });
  });
});

describe('galleryPages', () => {
  const large = site(834);
  const pages = galleryPages(large);
  const cards = large.outputs.filter((output) => output.kind === 'card');

  it('links every card of a 10,008-card site exactly once across its pages, the index linking none', () => {
    expect(cards).toHaveLength(10_008);
    const linked = pages.flatMap(cardLinks);
    expect(linked.sort()).toEqual(cards.map((card) => card.path).sort());
    expect(new Set(linked).size).toBe(linked.length);
    expect(pages[0]!.path).toBe('index.html');
    expect(pages.filter(isIndexPage).flatMap(cardLinks)).toEqual([]);
  });

  it('keeps every page of it far under a megabyte', () => {
    const sizes = pages.map((page) => Buffer.byteLength(page.html));
    expect(Math.max(...sizes)).toBeLessThan(256 * 1024);
  });

  it("links each record's page and dossier from the index page that lists it, and that index page from each record's page", () => {
    const index = pageAt(pages, 'index.html').html;
    expect(index).toContain('<a class="title" href="role-00000/gallery.html">');
    expect(index).toContain('href="role-00000.pdf"');
    const last = pageAt(pages, `index-${Math.ceil(834 / RECORDS_PER_INDEX_PAGE)}.html`).html;
    expect(last).toContain('href="role-00833.pdf"');
    const record = pageAt(pages, 'role-00000/gallery.html');
    expect(record.record).toBe('role-00000');
    expect(record.html).toContain('href="../index.html"');
    expect(record.html).toContain('<a class="dossier" href="../role-00000.pdf">');
    expect(pageAt(pages, 'role-00833/gallery.html').html).toContain(`href="../index-${Math.ceil(834 / RECORDS_PER_INDEX_PAGE)}.html"`);
  });

  it('loads each image lazily and asynchronously, at its set width and height, with its alt text escaped', () => {
    const record = pageAt(pages, 'role-00000/gallery.html').html;
    const images = record.match(/<img [^>]+>/g)!;
    expect(images).toHaveLength(CARD_IDS.length);
    for (const image of images) expect(image).toMatch(/ width="1200" height="630" alt="[^"<>]+" loading="lazy" decoding="async">$/);
    expect(record).toContain('alt="Case file: Role 0, cover &lt;at&gt; og &amp; more."');
  });

  it('escapes record text on the index and the pages', () => {
    for (const page of [pageAt(pages, 'index.html'), pageAt(pages, 'role-00000/gallery.html')]) {
      expect(page.html).not.toContain('"<b>"');
      expect(page.html).toContain('Role 0 &quot;&lt;b&gt;&quot; &amp; co');
    }
  });

  it("splits a record's cards over pages of at most CARDS_PER_PAGE, each card on one, linked to each other", () => {
    const sizes = Array.from({ length: 30 }, (_unused, index) => `size${index}`);
    const big = site(1, sizes);
    const recordPages = galleryPages(big).slice(1);
    expect(recordPages.map((page) => page.path)).toEqual(['role-00000/gallery.html', 'role-00000/gallery-2.html']);
    const linked = recordPages.map(cardLinks);
    for (const links of linked) expect(links.length).toBeLessThanOrEqual(CARDS_PER_PAGE);
    expect(linked.flat().sort()).toEqual(big.outputs.filter((output) => output.kind === 'card').map((card) => card.path).sort());
    expect(recordPages[0]!.html).toContain('href="gallery-2.html"');
    expect(recordPages[1]!.html).toContain('href="gallery.html"');
  });

  it("lists a record's cards as the record reads: the cover, then [01] to [11], each size in turn", () => {
    const outputs = CARD_IDS.flatMap((section) => ['og', 'story'].map((size) => entry('a', `a/cards/${section}-${size}.png`, { section, size })));
    const record = pageAt(galleryPages(manifestOf(outputs)), 'a/gallery.html');
    const shown = [...record!.html.matchAll(/<span>([^<]+)<\/span>/g)].map((match) => match[1]);
    expect(shown).toEqual(CARD_IDS.flatMap((section) => [`${section} · og`, `${section} · story`]));
  });

  it('leaves SVGs out (each has a raster twin), gives a record without cards no page, and names a card an older manifest gave no alt', () => {
    const outputs = [entry('a', 'a.pdf'), entry('b', 'b/cards/cover.png'), entry('b', 'b/cards/cover.svg', { format: 'svg', section: 'cover' })];
    const result = galleryPages(manifestOf(outputs));
    expect(result.map((page) => page.path)).toEqual(['index.html', 'b/gallery.html']);
    expect(result[0]!.html).toContain('<span class="title">A</span>');
    expect(result[0]!.html).toContain('href="a.pdf"');
    expect(result[1]!.html).toContain('alt="B: cover"');
    expect(result[1]!.html).not.toContain('.svg');
    for (const page of result) expect(page.html).not.toMatch(/<script|https?:\/\//);
  });
});
