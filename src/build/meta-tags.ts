/**
 * The Open Graph and Twitter tags for one record's page, as an HTML snippet a site pastes or
 * includes: the cover card as og:image, with its size and alt text. Pure.
 */
import { escapeHtml } from './html-escape.js';
import type { ManifestEntry } from './manifest.js';

/** base + relative path, with exactly one slash between them. */
export function absoluteUrl(baseUrl: string, relativePath: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}

const MEDIA_TYPES: Record<ManifestEntry['format'], string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
};

export function metaTagsHtml(options: { title: string; description: string; image: ManifestEntry; baseUrl: string }): string {
  const { title, description, image, baseUrl } = options;
  const alt = `Case file: ${title}. ${description}`;
  const tags: [string, string, string][] = [
    ['property', 'og:type', 'article'],
    ['property', 'og:title', `Case File: ${title}`],
    ['property', 'og:description', description],
    ['property', 'og:image', absoluteUrl(baseUrl, image.path)],
    ['property', 'og:image:type', MEDIA_TYPES[image.format]],
    ['property', 'og:image:width', String(image.width ?? '')],
    ['property', 'og:image:height', String(image.height ?? '')],
    ['property', 'og:image:alt', alt],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', `Case File: ${title}`],
    ['name', 'twitter:description', description],
    ['name', 'twitter:image', absoluteUrl(baseUrl, image.path)],
    ['name', 'twitter:image:alt', alt],
  ];
  return `${tags.map(([attribute, key, value]) => `<meta ${attribute}="${key}" content="${escapeHtml(value)}">`).join('\n')}\n`;
}
