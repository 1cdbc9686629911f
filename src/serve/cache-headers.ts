/**
 * The caching a server promises: a strong ETag from the bytes' SHA-256, `immutable` only under
 * the URL whose `?v=` is those bytes' version (the one the meta tags and manifest publish), and a
 * short life with `stale-while-revalidate` for any other URL, so an edit reaches every cache in
 * minutes. Errors are never stored. Pure.
 */
import { VERSION_LENGTH } from '../site/manifest.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A minute fresh, then a day served stale while a cache asks again in the background. */
export const SHORT_LIVED = 'public, max-age=60, stale-while-revalidate=86400';
export const NO_STORE = 'no-store';

export function etagOf(hash: string): string {
  return `"${hash}"`;
}

/** `?v=` must be exactly the version the build publishes: the first 12 hex of the bytes' SHA-256. */
export function cacheControlFor(hash: string, requestedVersion: string | undefined): string {
  return requestedVersion?.length === VERSION_LENGTH && hash.startsWith(requestedVersion) ? IMMUTABLE : SHORT_LIVED;
}

/** Whether `If-None-Match` names this ETag (a list, `*`, or the weak form all match, as RFC 9110 compares for GET). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
