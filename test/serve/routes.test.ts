/** `serve`'s URLs are `build`'s paths, checked before anything is read; its caching headers follow the bytes' hash. */
import { describe, expect, it } from 'vitest';
import { cardPath } from '../../src/cards/plan.js';
import { cacheControlFor, IMMUTABLE, matchesEtag, SHORT_LIVED } from '../../src/serve/cache-headers.js';
import { routeServe } from '../../src/serve/routes.js';

describe('routeServe', () => {
  it('takes every card path build writes, and the dossier at <slug>.pdf', () => {
    for (const [section, size, scale, format] of [['cover', 'og', 1, 'png'], ['salary', 'story', 2, 'webp'], ['metrics', '800x418', 1, 'jpeg'], ['org-chart', 'square', 1.5, 'svg']] as const) {
      const route = routeServe('GET', `/${cardPath('lead-x', section, size, scale, format)}?v=0123456789ab`);
      expect(route).toEqual({ kind: 'card', slug: 'lead-x', request: { kind: 'card-file', card: section, size, scale, format }, version: '0123456789ab' });
    }
    expect(routeServe('HEAD', '/lead-x.pdf')).toEqual({ kind: 'dossier', slug: 'lead-x' });
    expect(routeServe('GET', '/healthz')).toEqual({ kind: 'health' });
  });

  it('refuses sizes and scales `cards` refuses with 400, and what does not exist with 404', () => {
    const status = (url: string) => {
      const route = routeServe('GET', url);
      return route.kind === 'error' ? route.status : 200;
    };
    expect(status('/x/cards/cover.4097x100.png')).toBe(400);
    expect(status('/x/cards/cover.199x630.png')).toBe(400);
    expect(status('/x/cards/cover@5x.png')).toBe(400);
    expect(status('/x/cards/cover.story@4x.png')).toBe(400);
    expect(status('/x/cards/cover.huge.png')).toBe(404);
    expect(status('/x/cards/secret.png')).toBe(404);
    expect(status('/x/cards/cover.gif')).toBe(404);
    expect(status('/x/cards')).toBe(404);
    expect(status('/x/dossier.pdf')).toBe(404);
    expect(status('/')).toBe(404);
  });

  it('refuses dot segments, escapes, odd characters and bad slugs with 400, other methods with 405, long URLs with 414', () => {
    for (const url of ['/x/cards/..%2f..%2fetc.png', '/%2e%2e/cards/cover.png', '/x/cards/%63over.png', '/x//cards/cover.png', '/x\\cards/cover.png', '/X/cards/cover.png', '/-x/cards/cover.png', '/../x.pdf', '/a%00.pdf', `/${'a'.repeat(121)}.pdf`]) {
      const route = routeServe('GET', url);
      expect(route.kind === 'error' ? route.status : 200, url).toBe(400);
    }
    expect(routeServe('POST', '/x.pdf')).toMatchObject({ status: 405 });
    expect(routeServe('GET', `/${'a'.repeat(3000)}`)).toMatchObject({ status: 414 });
  });
});

describe('caching headers', () => {
  const hash = 'ab'.repeat(32);
  it('are immutable only under the version of these bytes', () => {
    expect(cacheControlFor(hash, hash.slice(0, 12))).toBe(IMMUTABLE);
    expect(cacheControlFor(hash, undefined)).toBe(SHORT_LIVED);
    expect(cacheControlFor(hash, 'cd'.repeat(6))).toBe(SHORT_LIVED);
    // A prefix shorter than the published version could match many contents.
    expect(cacheControlFor(hash, 'ab')).toBe(SHORT_LIVED);
    expect(SHORT_LIVED).toMatch(/stale-while-revalidate/);
    expect(SHORT_LIVED).not.toMatch(/immutable/);
  });
  it('match If-None-Match as RFC 9110 compares for GET', () => {
    expect(matchesEtag(`"${hash}"`, `"${hash}"`)).toBe(true);
    expect(matchesEtag(`"x", W/"${hash}"`, `"${hash}"`)).toBe(true);
    expect(matchesEtag('*', `"${hash}"`)).toBe(true);
    expect(matchesEtag('"other"', `"${hash}"`)).toBe(false);
    expect(matchesEtag(undefined, `"${hash}"`)).toBe(false);
  });
});
