/**
 * The preview's HTML: an index of records and one page per record (every card at every chosen
 * size, the dossier as it will print, a link that prints the PDF). Every value is escaped. The
 * only script listens for server-sent events and reloads the page when its inputs change;
 * EventSource reconnects by itself after a server restart, and the page then reloads once more.
 */
import { escapeHtml } from '../site/html-escape.js';
import type { CardId } from '../cards/plan.js';
import type { SizePresetName } from '../cards/sizes.js';
import { cardPath } from './routes.js';

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f4f2ee; color: #1d1b18; }
header { padding: 14px 24px; background: #1d1b18; color: #f4f2ee; display: flex; gap: 24px; align-items: baseline; }
header a { color: #f4f2ee; } main { padding: 16px 24px; }
.error { background: #fde8e6; border-left: 4px solid #a3201b; padding: 10px 14px; white-space: pre-wrap; font: 13px/1.4 ui-monospace, monospace; }
.cards { display: flex; flex-wrap: wrap; gap: 16px; margin-bottom: 28px; }
figure { margin: 0; } figcaption { font: 12px ui-monospace, monospace; color: #5b564c; }
figure img { display: block; max-width: 100%; border: 1px solid #cfc7b4; background: #fff; }
iframe { width: 100%; height: 80vh; border: 1px solid #cfc7b4; background: #fff; }
#status { font: 12px ui-monospace, monospace; color: #8a8477; }
`;

/** Reloads on a change to this record (or to everything); reconnects after a restart and reloads then too. */
function liveScript(slug: string | undefined): string {
  const watched = JSON.stringify(slug ?? '*');
  return `<script>
(() => {
  const watched = ${watched.replace(/</g, '\\u003c')};
  const status = document.getElementById('status');
  let lost = false;
  const events = new EventSource('/events');
  events.addEventListener('change', (event) => {
    const { slug } = JSON.parse(event.data);
    if (slug === '*' || watched === '*' || slug === watched) location.reload();
  });
  events.addEventListener('open', () => { if (lost) location.reload(); status.textContent = 'live'; });
  events.addEventListener('error', () => { lost = true; status.textContent = 'reconnecting…'; });
  for (const img of document.querySelectorAll('img[data-card]')) {
    img.addEventListener('error', async () => {
      const response = await fetch(img.src);
      const note = document.createElement('pre');
      note.className = 'error';
      note.textContent = await response.text();
      img.replaceWith(note);
    }, { once: true });
  }
})();
</script>`;
}

function page(title: string, body: string, slug?: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header><strong>${escapeHtml(title)}</strong><a href="/">all records</a><span id="status">connecting…</span></header>
<main>${body}</main>
${liveScript(slug)}
</body></html>`;
}

export function errorBlock(lines: string[]): string {
  return `<pre class="error" data-error>${escapeHtml(lines.join('\n'))}</pre>`;
}

export interface IndexEntry {
  slug: string;
  title?: string;
  error?: string[];
}

export function indexPage(entries: IndexEntry[], problem?: string[]): string {
  const items = entries.map((entry) =>
    `<li><a href="/records/${escapeHtml(entry.slug)}">${escapeHtml(entry.slug)}</a>${entry.title ? ` — ${escapeHtml(entry.title)}` : ''}${entry.error ? errorBlock(entry.error) : ''}</li>`,
  );
  return page('Preview', `${problem ? errorBlock(problem) : ''}<ul>${items.join('\n')}</ul>`);
}

export interface RecordPageCard {
  card: CardId;
  size: SizePresetName;
  width: number;
  height: number;
  /** The card's input hash: part of its URL, so an edit gives a new image URL. */
  version: string;
  /** What the card says, as the manifest and meta tags give it (a user layout may say otherwise). */
  alt: string;
}

export function recordPage(slug: string, title: string, cards: RecordPageCard[], problem?: string[]): string {
  if (problem) return page(slug, errorBlock(problem), slug);
  const sizes = [...new Set(cards.map((card) => card.size))];
  const grids = sizes.map((size) => {
    const figures = cards
      .filter((card) => card.size === size)
      .map((card) => {
        const src = `${cardPath(slug, card.card, card.size)}?v=${encodeURIComponent(card.version)}`;
        const shown = Math.min(card.width, 480);
        return `<figure><img data-card="${card.card}" src="${escapeHtml(src)}" width="${shown}" height="${Math.round((card.height * shown) / card.width)}" alt="${escapeHtml(card.alt)}" loading="lazy"><figcaption>${card.card} · ${size} ${card.width}×${card.height}</figcaption></figure>`;
      });
    return `<h2>Cards · ${escapeHtml(size)}</h2><div class="cards">${figures.join('\n')}</div>`;
  });
  const dossier = `<h2>Dossier</h2><p><a href="/records/${escapeHtml(slug)}/dossier.pdf">Print the PDF</a></p><iframe src="/records/${escapeHtml(slug)}/dossier.html" title="dossier"></iframe>`;
  return page(`${title} (${slug})`, `${grids.join('\n')}${dossier}`, slug);
}
