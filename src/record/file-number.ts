/**
 * The record's file number, e.g. `CF-3694-LIE`: four digits from a hash of the slug and the
 * initials of its words. One function, so the dossier, the poster and every card of a record
 * print the same number (they once each made their own and disagreed).
 */
import { createHash } from 'node:crypto';

export function fileNumber(slug: string): string {
  const digits = String(parseInt(createHash('sha256').update(slug).digest('hex').slice(0, 8), 16) % 10000).padStart(4, '0');
  const initials = slug
    .split('-')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .slice(0, 4);
  return `CF-${digits}-${initials}`;
}
