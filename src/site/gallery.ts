/**
 * The gallery: out/index.html lists every record, and each record's cards are on pages of their
 * own (`<slug>/gallery.html`, then `gallery-2.html`… past CARDS_PER_PAGE), so no page grows with
 * the site: a 10,000-card site's index is a list of its records, and each image loads lazily at
 * its set size. Every card is on exactly one page. Everything works offline (relative links,
 * inline styles, no scripts, no fonts from anywhere). Pure.
 */
import path from 'node:path';
import { CARD_IDS } from '../cards/plan.js';
import { escapeHtml } from './html-escape.js';
import type { Manifest, ManifestEntry } from './manifest.js';

export const GALLERY_INDEX = 'index.html';

/** A few hundred images a page: a record with every size, scale and format still pages, and none weighs a megabyte. */
export const CARDS_PER_PAGE = 240;

/** One page of the gallery; `record` is set on a record's pages, which the cache remembers and pruning may remove. */
export interface GalleryPage {
  path: string;
  record?: string;
  html: string;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d1b18; --paper: #f3ecd9; --red: #a3201b; --muted: #6b6355; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 "IBM Plex Sans", system-ui, sans-serif; }
header.top { padding: 32px 40px 8px; border-bottom: 3px solid var(--ink); }
header.top h1 { margin: 0; font: 700 32px/1.1 "IBM Plex Sans Condensed", "Arial Narrow", sans-serif; letter-spacing: .02em; text-transform: uppercase; }
header.top p { margin: 4px 0 16px; color: var(--muted); font-family: "IBM Plex Mono", ui-monospace, monospace; font-size: 13px; }
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

interface RecordEntries {
  slug: string;
  title: string;
  dossier: ManifestEntry | undefined;
  /** In the record's order; SVGs are left out, since each has a raster twin. */
  cards: ManifestEntry[];
}

function byRecord(manifest: Manifest): RecordEntries[] {
  const grouped = new Map<string, ManifestEntry[]>();
  for (const entry of manifest.outputs) {
    const entries = grouped.get(entry.record);
    if (entries) entries.push(entry);
    else grouped.set(entry.record, [entry]);
  }
  return [...grouped.keys()].sort().map((slug) => {
    const entries = grouped.get(slug)!;
    // The manifest is sorted by path (alphabetical); the gallery shows a record as it reads. Stable, so sizes keep their order.
    const cards = entries.filter((entry) => entry.kind === 'card' && entry.format !== 'svg').sort((a, b) => recordOrder(a) - recordOrder(b));
    return { slug, title: entries[0]?.title ?? slug, dossier: entries.find((entry) => entry.kind === 'dossier'), cards };
  });
}

function pager(page: string, slug: string, part: number, parts: number): string {
  if (parts === 1) return '';
  const links = Array.from({ length: parts }, (_unused, index) => {
    const target = recordPagePath(slug, index + 1);
    return index + 1 === part ? `<strong>${index + 1}</strong>` : `<a href="${linkFrom(page, target)}">${index + 1}</a>`;
  });
  return `<nav class="pages">Page ${links.join(' ')}</nav>`;
}

function recordPages(record: RecordEntries, generator: string): GalleryPage[] {
  const parts = Math.ceil(record.cards.length / CARDS_PER_PAGE);
  return Array.from({ length: parts }, (_unused, index) => {
    const part = index + 1;
    const page = recordPagePath(record.slug, part);
    const cards = record.cards.slice(index * CARDS_PER_PAGE, part * CARDS_PER_PAGE);
    const dossier = record.dossier ? ` <a class="dossier" href="${linkFrom(page, record.dossier.path)}">Dossier PDF</a>` : '';
    const body = `<header class="top"><h1>${escapeHtml(record.title)}</h1><p><a href="${linkFrom(page, GALLERY_INDEX)}">All case files</a> · ${escapeHtml(record.slug)} · ${record.cards.length} cards · made by ${escapeHtml(generator)}</p></header>
<main>
<section class="record" id="${escapeHtml(record.slug)}">
<h2>${escapeHtml(record.title)} <span class="slug">${escapeHtml(record.slug)}</span>${dossier}</h2>
${pager(page, record.slug, part, parts)}
<ul class="cards">
${cards.map((card) => cardItem(page, record.title, card)).join('\n')}
</ul>
</section>
</main>`;
    const title = parts === 1 ? `${record.title}: cards` : `${record.title}: cards, page ${part} of ${parts}`;
    return { path: page, record: record.slug, html: htmlDocument(title, generator, body) };
  });
}

function indexPage(records: readonly RecordEntries[], manifest: Manifest): GalleryPage {
  const cardCount = manifest.outputs.filter((entry) => entry.kind === 'card').length;
  const items = records.map((record) => {
    const title = record.cards.length > 0 ? `<a class="title" href="${linkFrom(GALLERY_INDEX, recordPagePath(record.slug, 1))}">${escapeHtml(record.title)}</a>` : `<span class="title">${escapeHtml(record.title)}</span>`;
    const dossier = record.dossier ? ` <a class="dossier" href="${linkFrom(GALLERY_INDEX, record.dossier.path)}">Dossier PDF</a>` : '';
    return `<li>${title} <span class="slug">${escapeHtml(record.slug)}</span> <span class="count">${record.cards.length} cards</span>${dossier}</li>`;
  });
  const body = `<header class="top"><h1>Case files</h1><p>${records.length} records · ${cardCount} cards · made by ${escapeHtml(manifest.generator)}</p></header>
<main>
<ul class="records">
${items.join('\n')}
</ul>
</main>`;
  return { path: GALLERY_INDEX, html: htmlDocument(`Case files: ${records.length} records`, manifest.generator, body) };
}

/** The index first, then each record's pages in slug order. */
export function galleryPages(manifest: Manifest): GalleryPage[] {
  const records = byRecord(manifest);
  return [indexPage(records, manifest), ...records.flatMap((record) => recordPages(record, manifest.generator))];
}
