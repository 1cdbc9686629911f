/** One line per request, for stdout: when, method, path, status, milliseconds, and where the bytes came from. Pure. */

/** Where an answer's bytes came from: memory, disk, a render (`miss`), or none (an error, a 304 without a lookup). */
export type CacheOutcome = 'hit' | 'disk' | 'miss' | '-';

const UNPRINTABLE = /[^\x21-\x7e]/g;

export function accessLine(entry: { at: Date; method: string; url: string; status: number; ms: number; cache: CacheOutcome }): string {
  // The URL is as the client sent it: anything but printable ASCII is shown escaped, and it is cut short.
  const url = entry.url.slice(0, 300).replace(UNPRINTABLE, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `${entry.at.toISOString()} ${entry.method.slice(0, 10).replace(UNPRINTABLE, '?')} ${url} ${entry.status} ${entry.ms.toFixed(1)}ms ${entry.cache}`;
}
