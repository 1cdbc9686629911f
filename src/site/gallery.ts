/**
 * out/index.html: every record's dossier and cards on one page that works offline
 * (relative links, inline styles, no scripts, no fonts from anywhere). Pure.
 */
import { CARD_IDS } from '../cards/plan.js';
import { escapeHtml } from './html-escape.js';
import type { Manifest, ManifestEntry } from './manifest.js';

const STYLE = `
:root { color-scheme: light; --ink: #1d1b18; --paper: #f3ecd9; --red: #a3201b; --muted: #6b6355; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 "IBM Plex Sans", system-ui, sans-serif; }
header.top { padding: 32px 40px 8px; border-bottom: 3px solid var(--ink); }
header.top h1 { margin: 0; font: 700 32px/1.1 "IBM Plex Sans Condensed", "Arial Narrow", sans-serif; letter-spacing: .02em; text-transform: uppercase; }
header.top p { margin: 4px 0 16px; color: var(--muted); font-family: "IBM Plex Mono", ui-monospace, monospace; font-size: 13px; }
main { padding: 8px 40px 48px; }
section.record { margin-top: 32px; }
section.record h2 { display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; margin: 0 0 12px; font: 700 24px/1.2 "IBM Plex Sans Condensed", "Arial Narrow", sans-serif; text-transform: uppercase; }
section.record h2 .slug { font: 13px "IBM Plex Mono", ui-monospace, monospace; color: var(--muted); text-transform: none; }
a.dossier { font: 600 14px "IBM Plex Mono", ui-monospace, monospace; color: var(--red); }
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

function recordSection(slug: string, entries: ManifestEntry[]): string {
  const title = entries[0]?.title ?? slug;
  const dossier = entries.find((entry) => entry.kind === 'dossier');
  // The manifest is sorted by path (alphabetical); the gallery shows a record as it reads. Stable, so sizes keep their order.
  const cards = entries.filter((entry) => entry.kind === 'card' && entry.format !== 'svg').sort((a, b) => recordOrder(a) - recordOrder(b));
  const items = cards
    .map((card) => {
      const caption = [card.section, card.size].filter(Boolean).join(' · ');
      return (
        `<li><a href="${escapeHtml(card.path)}"><img src="${escapeHtml(card.path)}" width="${card.width ?? ''}" height="${card.height ?? ''}" ` +
        `alt="${escapeHtml(card.alt ?? `${title}: ${card.section ?? 'card'}`)}" loading="lazy"></a><span>${escapeHtml(caption)}</span></li>`
      );
    })
    .join('\n');
  return `<section class="record" id="${escapeHtml(slug)}">
<h2>${escapeHtml(title)} <span class="slug">${escapeHtml(slug)}</span>${dossier ? ` <a class="dossier" href="${escapeHtml(dossier.path)}">Dossier PDF</a>` : ''}</h2>
<ul class="cards">
${items}
</ul>
</section>`;
}

export function galleryHtml(manifest: Manifest): string {
  const byRecord = new Map<string, ManifestEntry[]>();
  for (const entry of manifest.outputs) byRecord.set(entry.record, [...(byRecord.get(entry.record) ?? []), entry]);
  const records = [...byRecord.keys()].sort();
  const cardCount = manifest.outputs.filter((entry) => entry.kind === 'card').length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(manifest.generator)}">
<title>Case files: ${records.length} records</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><h1>Case files</h1><p>${records.length} records · ${cardCount} cards · made by ${escapeHtml(manifest.generator)}</p></header>
<main>
${records.map((slug) => recordSection(slug, byRecord.get(slug)!)).join('\n')}
</main>
</body>
</html>
`;
}
