/**
 * The checks every request to a casefile server passes before anything is read: the method, the
 * URL's length, and a path made only of names casefile could have made. An encoded character, a
 * dot segment, a doubled or back slash is never such a name, so it is refused, not decoded. Pure.
 */
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../record/schema.js';

export const MAX_URL_LENGTH = 2048;

export type RequestRefusal = { kind: 'error'; status: 400 | 404 | 405 | 414; reason: string };

export function refuse(status: RequestRefusal['status'], reason: string): RequestRefusal {
  return { kind: 'error', status, reason };
}

export function isSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

export const SLUG_REFUSAL = refuse(400, `a record is named by a slug of lower-case letters, digits and hyphens (at most ${MAX_SLUG_LENGTH})`);

export interface CheckedRequest {
  kind: 'checked';
  /** The URL parsed, for its query. */
  url: URL;
  /** The path exactly as sent: URL parsing would already have resolved `%2e%2e` and `..`. */
  path: string;
}

/** The method and the URL's length checked, and the URL parsed. */
export function checkRequest(method: string, rawUrl: string): CheckedRequest | RequestRefusal {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'only GET and HEAD');
  if (rawUrl.length > MAX_URL_LENGTH) return refuse(414, 'URL too long');
  if (!rawUrl.startsWith('/')) return refuse(400, 'not a path');
  try {
    return { kind: 'checked', url: new URL(rawUrl, 'http://casefile.invalid'), path: rawUrl.split(/[?#]/, 1)[0]! };
  } catch {
    return refuse(400, 'not a URL');
  }
}

/** Whether a path holds only plain names: no escapes, dot segments, doubled or back slashes, or control characters. */
export function isPlainPath(pathname: string): boolean {
  return !/%|\.\.|\/\/|\\|[\u0000-\u001f\u007f]/.test(pathname) && !/\/\.(\/|$)/.test(pathname);
}
