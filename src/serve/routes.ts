/**
 * `serve`'s URLs are the paths `build` writes, so a site moves between a static folder and the
 * server without changing a URL: `/<slug>/cards/<card>[.<size>][@<scale>x].<format>`, the
 * dossier at `/<slug>.pdf`, and `/healthz`. Checked with the preview's checks (src/http/) before
 * anything is read. Pure.
 */
import { parseCardFileName, type CardFileRequest } from '../http/card-file-name.js';
import { checkRequest, isPlainPath, isSlug, refuse, SLUG_REFUSAL, type RequestRefusal } from '../http/request-checks.js';

export type ServeRoute =
  | { kind: 'health' }
  | { kind: 'card'; slug: string; request: CardFileRequest; version?: string }
  | { kind: 'dossier'; slug: string; version?: string }
  | RequestRefusal;

export function routeServe(method: string, rawUrl: string): ServeRoute {
  const checked = checkRequest(method, rawUrl);
  if (checked.kind === 'error') return checked;
  const { url, path: pathname } = checked;
  if (!isPlainPath(pathname)) return refuse(400, 'unexpected characters in the path');
  if (pathname === '/healthz') return { kind: 'health' };
  const version = url.searchParams.get('v') || undefined;
  const versioned = version ? { version } : {};
  const parts = pathname.split('/').slice(1);
  if (parts.length === 1 && parts[0]!.endsWith('.pdf')) {
    const slug = parts[0]!.slice(0, -'.pdf'.length);
    return isSlug(slug) ? { kind: 'dossier', slug, ...versioned } : SLUG_REFUSAL;
  }
  if (parts.length === 3 && parts[1] === 'cards') {
    if (!isSlug(parts[0]!)) return SLUG_REFUSAL;
    const request = parseCardFileName(parts[2]!);
    return request.kind === 'error' ? request : { kind: 'card', slug: parts[0]!, request, ...versioned };
  }
  return refuse(404, 'no such file; casefile serves /<slug>/cards/<card>.<format>, /<slug>.pdf and /healthz');
}
