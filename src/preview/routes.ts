/**
 * The preview's URLs, parsed and checked like CLI arguments before anything is read: slugs match
 * the slug pattern (and a length cap), card ids and size presets come from their lists, asset
 * paths are handed to the same router the print page uses. Anything else is 400 or 404. Pure.
 */
import { CARD_IDS, isCardId, type CardId } from '../cards/plan.js';
import { SIZE_PRESET_NAMES, type SizePresetName } from '../cards/sizes.js';
import { SLUG_PATTERN } from '../record/schema.js';

export const MAX_SLUG_LENGTH = 100;
export const MAX_URL_LENGTH = 2048;

export type Route =
  | { kind: 'index' }
  | { kind: 'events' }
  | { kind: 'record'; slug: string }
  | { kind: 'card'; slug: string; card: CardId; size: SizePresetName; version?: string }
  | { kind: 'dossier-html'; slug: string }
  | { kind: 'dossier-pdf'; slug: string }
  /** The dossier page's own assets, under the print page's mounts (`/assets/<mount>/<file>`). */
  | { kind: 'asset'; path: string }
  | { kind: 'error'; status: 400 | 404 | 405 | 414; reason: string };

function isSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

export function cardPath(slug: string, card: CardId, size: SizePresetName): string {
  return `/records/${slug}/cards/${card}.${size}.png`;
}

export function routePreview(method: string, rawUrl: string): Route {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'error', status: 405, reason: 'only GET and HEAD' };
  if (rawUrl.length > MAX_URL_LENGTH) return { kind: 'error', status: 414, reason: 'URL too long' };
  let url: URL;
  try {
    url = new URL(rawUrl, 'http://preview.invalid');
  } catch {
    return { kind: 'error', status: 400, reason: 'not a URL' };
  }
  // Raw segments: an encoded slash, dot or percent anywhere but an asset path is never a name we made.
  const pathname = url.pathname;
  if (pathname.startsWith('/assets/')) return { kind: 'asset', path: pathname };
  if (/%|\.\.|\/\/|\\/.test(pathname)) return { kind: 'error', status: 400, reason: 'unexpected characters in the path' };
  if (pathname === '/') return { kind: 'index' };
  if (pathname === '/events') return { kind: 'events' };
  const parts = pathname.split('/').slice(1);
  if (parts[0] !== 'records' || parts.length < 2) return { kind: 'error', status: 404, reason: 'no such page' };
  const slug = parts[1]!;
  if (!isSlug(slug)) return { kind: 'error', status: 400, reason: `a record is named by a slug of lower-case letters, digits and hyphens (at most ${MAX_SLUG_LENGTH})` };
  if (parts.length === 2) return { kind: 'record', slug };
  if (parts.length === 3 && parts[2] === 'dossier.html') return { kind: 'dossier-html', slug };
  if (parts.length === 3 && parts[2] === 'dossier.pdf') return { kind: 'dossier-pdf', slug };
  if (parts.length === 4 && parts[2] === 'cards') {
    const match = /^([a-z-]+)\.([a-z]+)\.png$/.exec(parts[3]!);
    if (!match || !isCardId(match[1]!)) return { kind: 'error', status: 404, reason: `no such card; cards are ${CARD_IDS.join(', ')}` };
    if (!(SIZE_PRESET_NAMES as string[]).includes(match[2]!)) return { kind: 'error', status: 404, reason: `no such size; sizes are ${SIZE_PRESET_NAMES.join(', ')}` };
    const version = url.searchParams.get('v') ?? undefined;
    return { kind: 'card', slug, card: match[1] as CardId, size: match[2] as SizePresetName, ...(version ? { version } : {}) };
  }
  return { kind: 'error', status: 404, reason: 'no such page' };
}
