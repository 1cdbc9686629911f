/**
 * The preview's URLs, parsed and checked like CLI arguments before anything is read, with the
 * checks `serve` uses (src/http/): slugs match the slug pattern, card files name a card, size,
 * scale and format `cards` accepts, asset paths are handed to the same router the print page
 * uses. Anything else is 400 or 404. Pure.
 */
import { parseCardFileName, type CardFileRequest } from '../http/card-file-name.js';
import { checkRequest, isPlainPath, isSlug, refuse, SLUG_REFUSAL, type RequestRefusal } from '../http/request-checks.js';
import type { CardId } from '../cards/plan.js';
import type { SizePresetName } from '../cards/sizes.js';

export type Route =
  | { kind: 'index' }
  | { kind: 'events' }
  | { kind: 'record'; slug: string }
  | { kind: 'card'; slug: string; request: CardFileRequest; version?: string }
  | { kind: 'dossier-html'; slug: string }
  | { kind: 'dossier-pdf'; slug: string }
  /** The dossier page's own assets, under the print page's mounts (`/assets/<mount>/<file>`). */
  | { kind: 'asset'; path: string }
  | RequestRefusal;

export function cardPath(slug: string, card: CardId, size: SizePresetName): string {
  return `/records/${slug}/cards/${card}.${size}.png`;
}

export function routePreview(method: string, rawUrl: string): Route {
  const checked = checkRequest(method, rawUrl);
  if (checked.kind === 'error') return checked;
  const { url, path: pathname } = checked;
  // The print page's router checks asset paths itself (they may carry escapes it decodes and confines).
  if (pathname.startsWith('/assets/')) return { kind: 'asset', path: pathname };
  if (!isPlainPath(pathname)) return refuse(400, 'unexpected characters in the path');
  if (pathname === '/') return { kind: 'index' };
  if (pathname === '/events') return { kind: 'events' };
  const parts = pathname.split('/').slice(1);
  if (parts[0] !== 'records' || parts.length < 2) return refuse(404, 'no such page');
  const slug = parts[1]!;
  if (!isSlug(slug)) return SLUG_REFUSAL;
  if (parts.length === 2) return { kind: 'record', slug };
  if (parts.length === 3 && parts[2] === 'dossier.html') return { kind: 'dossier-html', slug };
  if (parts.length === 3 && parts[2] === 'dossier.pdf') return { kind: 'dossier-pdf', slug };
  if (parts.length === 4 && parts[2] === 'cards') {
    const request = parseCardFileName(parts[3]!);
    if (request.kind === 'error') return request;
    const version = url.searchParams.get('v') ?? undefined;
    return { kind: 'card', slug, request, ...(version ? { version } : {}) };
  }
  return refuse(404, 'no such page');
}
