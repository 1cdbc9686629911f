/**
 * The gallery: out/index.html lists the records (then `index-2.html`… past RECORDS_PER_INDEX_PAGE),
 * and each record's cards are on pages of their own (`<slug>/gallery.html`, then `gallery-2.html`…
 * past CARDS_PER_PAGE), so no page grows with the site: each index page is a few hundred lines,
 * and each image loads lazily at its set size. Every record is on exactly one index page and every
 * card on exactly one record page. Everything works offline (relative links, inline styles, no
 * scripts, no fonts from anywhere). Pure.
 */
import path from 'node:path';
import { CARD_IDS } from '../cards/plan.js';
import { escapeHtml } from './html-escape.js';
import type { Manifest, ManifestEntry } from './manifest.js';

export const GALLERY_INDEX = 'index.html';

/** A few hundred images a page: a record with every size, scale and format still pages, and none weighs a megabyte. */
export const CARDS_PER_PAGE = 240;

/** Records an index page lists: one list of 8,334 records (100,000 cards) was 1.7 MB; 250 lines are about 50 KB. */
export const RECORDS_PER_INDEX_PAGE = 250;

/** One page of the gallery; `record` is set on a record's pages, which the cache remembers and pruning may remove (index pages are remembered by finalize.ts). */
export interface GalleryPage {
  path: string;
  record?: string;
  html: string;
}

/**
 * A gallery page whose HTML is made when asked for: a build writes the pages one at a time, and
 * 8,334 record pages (100,000 cards) made at once were 70 MB of strings held together.
 */
export interface PlannedGalleryPage {
  path: string;
  record?: string;
  render: () => string;
  /** The entries the page shows: with `shape`, all it is made from besides the generator. */
  sources: readonly ManifestEntry[];
  /** Where the page stands and what it lists (paths, counts, page numbers): equal shapes and the same entries make the same page. Made when asked for, like the page. */
  shape: () => string;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d1b18; --paper: #f3ecd9; --red: #a3201b; --muted: #6b6355; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 "IBM Plex Sans", system-ui, sans-serif; }
header.top { padding: 32px 40px 8px; border-bottom: 3px solid var(--ink); }
header.top h1 { margin: 0; font: 700 32px/1.1 "IBM Plex Sans Condensed", "Arial Narrow", sans-serif; letter-spacing: .02em; text-transform: uppercase; }
header.top p { margin: 4px 0 16px; color: var(--muted); font-family: "IBM Plex Mono", ui-monospace, monospace; font-size: 13px; }
header.top a { color: var(--red); }
main { padding: 8px 40px 48px; }
ul.records { list-style: none; margin: 24px 0 0; padding: 0; }
ul.records li { display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; padding: 6px 0; border-bottom: 1px solid #0002; }
ul.records .title { font: 700 18px/1.2 "IBM Plex Sans Condensed", "Arial Narrow", sans-serif; text-transform: uppercase; color: var(--ink); }
.slug, .count { font: 13px "IBM Plex Mono", ui-monospace, monospace; color: var(--muted); text-transform: none; }
section.record { margin-top: 32px; }
section.record h2 { display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; margin: 0 0 12px; font: 700 24px/1.2 "IBM Plex Sans Condensed", "Arial Narrow", sans-serif; text-transform: uppercase; }
a.dossier { font: 600 14px "IBM Plex Mono", ui-monospace, monospace; color: var(--red); }
nav.pages { margin: 16px 0; font: 13px "IBM Plex Mono", ui-monospace, monospace; }
nav.pages a { color: var(--red); margin-right: 12px; }
ul.cards { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; }
ul.cards li { background: #fff8; border: 1px solid #0002; padding: 8px; }
ul.cards img { display: block; width: 100%; height: auto; background: #fff; }
ul.cards span { display: block; margin-top: 6px; font: 12px "IBM Plex Mono", ui-monospace, monospace; color: var(--muted); }
`;

/** Where a card stands in the record: the cover, then the sections [01] to [11]; anything else after. */
function recordOrder(entry: ManifestEntry): number {
  const index = (CARD_IDS as readonly string[]).indexOf(entry.section ?? '');
  return index === -1 ? CARD_IDS.length : index;
}

/** A record's page `part` (1-based), relative to the out folder. */
export function recordPagePath(slug: string, part: number): string {
  return part === 1 ? `${slug}/gallery.html` : `${slug}/gallery-${part}.html`;
}

/** The index's page `part` (1-based), relative to the out folder. */
export function indexPagePath(part: number): string {
  return part === 1 ? GALLERY_INDEX : `index-${part}.html`;
}

/** `target` (relative to the out folder) as a link from the page at `from`. */
function linkFrom(from: string, target: string): string {
  return escapeHtml(path.posix.relative(path.posix.dirname(from), target) || target);
}

function htmlDocument(title: string, generator: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Width and height are set so the page lays out before any image loads; an older manifest without them gets none. */
function cardItem(page: string, title: string, card: ManifestEntry): string {
  const caption = [card.section, card.size].filter(Boolean).join(' · ');
  const size = card.width && card.height ? ` width="${card.width}" height="${card.height}"` : '';
  const alt = escapeHtml(card.alt ?? `${title}: ${card.section ?? 'card'}`);
  const href = linkFrom(page, card.path);
  return `<li><a href="${href}"><img src="${href}"${size} alt="${alt}" loading="lazy" decoding="async"></a><span>${escapeHtml(caption)}</span></li>`;
}

export interface RecordEntries {
  slug: string;
  title: string;
  /** All of them, in the manifest's order. */
  entries: ManifestEntry[];
  dossier: ManifestEntry | undefined;
  /** In the record's order; SVGs are left out, since each has a raster twin. */
  cards: ManifestEntry[];
}

/** Pure: a record's entries (all of them, sorted by path) as the gallery shows them. */
export function recordEntries(slug: string, entries: ManifestEntry[]): RecordEntries {
  // The manifest is sorted by path (alphabetical); the gallery shows a record as it reads. Stable, so sizes keep their order.
  const cards = entries.filter((entry) => entry.kind === 'card' && entry.format !== 'svg').sort((a, b) => recordOrder(a) - recordOrder(b));
  return { slug, title: entries[0]?.title ?? slug, entries, dossier: entries.find((entry) => entry.kind === 'dossier'), cards };
}

function byRecord(manifest: Manifest): RecordEntries[] {
  const grouped = new Map<string, ManifestEntry[]>();
  for (const entry of manifest.outputs) {
    const entries = grouped.get(entry.record);
    if (entries) entries.push(entry);
    else grouped.set(entry.record, [entry]);
  }
  return [...grouped.keys()].sort().map((slug) => recordEntries(slug, grouped.get(slug)!));
}

const pathsOf = (entries: readonly ManifestEntry[]) => entries.map((entry) => entry.path).join('\n');

/** Links to every page of a run of `parts` pages (`pathOf(n)`), with the previous and next first: the current page is not a link. */
function pager(page: string, part: number, parts: number, pathOf: (part: number) => string): string {
  if (parts === 1) return '';
  const link = (target: number, text: string) => `<a href="${linkFrom(page, pathOf(target))}">${text}</a>`;
  const numbers = Array.from({ length: parts }, (_unused, index) => (index + 1 === part ? `<strong>${index + 1}</strong>` : link(index + 1, String(index + 1))));
  const previous = part > 1 ? `${link(part - 1, 'Previous')} ` : '';
  const next = part < parts ? ` ${link(part + 1, 'Next')}` : '';
  return `<nav class="pages">${previous}Page ${numbers.join(' ')}${next}</nav>`;
}

/** `indexPart`: the index page that lists the record, which its pages link back to. */
function recordPages(record: RecordEntries, generator: string, indexPart: number): PlannedGalleryPage[] {
  const parts = Math.ceil(record.cards.length / CARDS_PER_PAGE);
  return Array.from({ length: parts }, (_unused, index) => {
    const part = index + 1;
    const page = recordPagePath(record.slug, part);
    const cards = record.cards.slice(index * CARDS_PER_PAGE, part * CARDS_PER_PAGE);
    const sources = record.dossier ? [record.dossier, ...cards] : cards;
    const shape = () => `record ${record.slug} ${part}/${parts} of ${record.cards.length} on index ${indexPart}\n${pathsOf(sources)}`;
    return { path: page, record: record.slug, render: () => recordPageHtml(record, generator, indexPart, page, part, parts), sources, shape };
  });
}

/** Page `part` of `parts` of the record's cards, at `page`. */
function recordPageHtml(record: RecordEntries, generator: string, indexPart: number, page: string, part: number, parts: number): string {
  const cards = record.cards.slice((part - 1) * CARDS_PER_PAGE, part * CARDS_PER_PAGE);
  const dossier = record.dossier ? ` <a class="dossier" href="${linkFrom(page, record.dossier.path)}">Dossier PDF</a>` : '';
  const body = `<header class="top"><h1>${escapeHtml(record.title)}</h1><p><a href="${linkFrom(page, indexPagePath(indexPart))}">All case files</a> · ${escapeHtml(record.slug)} · ${record.cards.length} cards · made by ${escapeHtml(generator)}</p></header>
<main>
<section class="record" id="${escapeHtml(record.slug)}">
<h2>Cards${parts === 1 ? '' : `, page ${part} of ${parts}`}${dossier}</h2>
${pager(page, part, parts, (target) => recordPagePath(record.slug, target))}
<ul class="cards">
${cards.map((card) => cardItem(page, record.title, card)).join('\n')}
</ul>
</section>
</main>`;
  const title = parts === 1 ? `${record.title}: cards` : `${record.title}: cards, page ${part} of ${parts}`;
  return htmlDocument(title, generator, body);
}

/** What every index page says of the whole site. */
export interface SiteCounts {
  records: number;
  cards: number;
  generator: string;
}

/** Pure: how many index pages list `records` records. */
export const indexPartsFor = (records: number): number => Math.max(1, Math.ceil(records / RECORDS_PER_INDEX_PAGE));

/** Index page `part` of `parts`, listing `listed` (RECORDS_PER_INDEX_PAGE records at most, in slug order). */
function indexPage(listed: readonly RecordEntries[], site: SiteCounts, part: number, parts: number): PlannedGalleryPage {
  const page = indexPagePath(part);
  // A record's title is its first entry's; its count and dossier come from the rest.
  const sources = listed.flatMap((record) => record.entries);
  const shape = () => `index ${part}/${parts} of ${site.records} records, ${site.cards} cards\n${pathsOf(sources)}`;
  return { path: page, render: () => indexPageHtml(listed, site, page, part, parts), sources, shape };
}

/**
 * Pure: index page `part` of `parts`, listing `listed`, then the pages of each record it lists. A
 * build makes the gallery this way, a page's records at a time (finalize.ts), so it never
 * holds every record's entries at once.
 */
export function galleryPagesOfPart(listed: readonly RecordEntries[], site: SiteCounts, part: number, parts: number): PlannedGalleryPage[] {
  return [indexPage(listed, site, part, parts), ...listed.flatMap((record) => recordPages(record, site.generator, part))];
}

/** Page `part` of `parts` of the index, at `page`, listing `listed`. */
function indexPageHtml(listed: readonly RecordEntries[], site: SiteCounts, page: string, part: number, parts: number): string {
  const items = listed.map((record) => {
    const title = record.cards.length > 0 ? `<a class="title" href="${linkFrom(page, recordPagePath(record.slug, 1))}">${escapeHtml(record.title)}</a>` : `<span class="title">${escapeHtml(record.title)}</span>`;
    const dossier = record.dossier ? ` <a class="dossier" href="${linkFrom(page, record.dossier.path)}">Dossier PDF</a>` : '';
    return `<li>${title} <span class="slug">${escapeHtml(record.slug)}</span> <span class="count">${record.cards.length} cards</span>${dossier}</li>`;
  });
  const nav = pager(page, part, parts, indexPagePath);
  const body = `<header class="top"><h1>Case files</h1><p>${site.records} records · ${site.cards} cards · made by ${escapeHtml(site.generator)}</p></header>
<main>
${nav}
<ul class="records">
${items.join('\n')}
</ul>
${nav}
</main>`;
  const title = parts === 1 ? `Case files: ${site.records} records` : `Case files: ${site.records} records, page ${part} of ${parts}`;
  return htmlDocument(title, site.generator, body);
}

/** The index's pages first, then each record's pages in slug order, each made when rendered. */
export function plannedGalleryPages(manifest: Manifest): PlannedGalleryPage[] {
  const records = byRecord(manifest);
  const site = { records: records.length, cards: manifest.outputs.filter((entry) => entry.kind === 'card').length, generator: manifest.generator };
  const parts = indexPartsFor(records.length);
  const byPart = Array.from({ length: parts }, (_unused, index) => galleryPagesOfPart(records.slice(index * RECORDS_PER_INDEX_PAGE, (index + 1) * RECORDS_PER_INDEX_PAGE), site, index + 1, parts));
  return [...byPart.map(([index]) => index!), ...byPart.flatMap(([, ...recordPages]) => recordPages)];
}

/** The index's pages first, then each record's pages in slug order. */
export function galleryPages(manifest: Manifest): GalleryPage[] {
  return plannedGalleryPages(manifest).map(({ path: page, record, render }) => ({ path: page, ...(record ? { record } : {}), html: render() }));
}
