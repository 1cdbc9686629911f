/**
 * The Open Graph and Twitter tags for one record's page, as an HTML snippet a site pastes or
 * includes: the page's own URL, the site's name, and the cover card as og:image, with its size,
 * the card's alt text and a content version in its URL. Pure.
 */
import { qrUrl } from '../dossier/qr-code.js';
import { escapeHtml } from './html-escape.js';
import { entryVersion, type ManifestEntry } from './manifest.js';

/** base + relative path, with exactly one slash between them. */
export function absoluteUrl(baseUrl: string, relativePath: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The image's URL with `?v=` its content version: social sites cache a card by its URL, so the
 * URL changes exactly when the card's bytes do, and an edited card is fetched anew.
 */
export function versionedImageUrl(baseUrl: string, image: ManifestEntry): string {
  return `${absoluteUrl(baseUrl, image.path)}?v=${entryVersion(image)}`;
}

const MEDIA_TYPES: Record<ManifestEntry['format'], string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
};

export interface MetaTagsOptions {
  title: string;
  description: string;
  /** The card the page shares; its `record` is the page's slug. */
  image: ManifestEntry;
  baseUrl: string;
  /**
   * The dossier's QR link: og:url is the URL its printed code leads to, so paper and web name one
   * page: `urlTemplate` (`{baseUrl}`, `{slug}`; default `{baseUrl}/{slug}/`) filled with its
   * `baseUrl` (default the page's).
   */
  qr?: { baseUrl?: string; urlTemplate?: string };
  /** og:site_name: the theme's name; no tag without one. */
  siteName?: string;
}

type Tag = [attribute: 'property' | 'name', key: string, value: string];

export function metaTagsHtml(options: MetaTagsOptions): string {
  const { title, description, image, baseUrl } = options;
  // What the shared card says (its manifest alt); a manifest from before cards had alt gives the title and question.
  const alt = image.alt ?? `Case file: ${title}. ${description}`;
  const imageUrl = versionedImageUrl(baseUrl, image);
  const tags: Tag[] = [
    ['property', 'og:type', 'article'],
    ['property', 'og:title', `Case File: ${title}`],
    ['property', 'og:description', description],
    // The protocol's fourth required property: the page's canonical URL, where the QR code leads too.
    ['property', 'og:url', qrUrl(image.record, options.qr?.baseUrl ?? baseUrl, options.qr?.urlTemplate)],
    ...(options.siteName ? [['property', 'og:site_name', options.siteName] satisfies Tag] : []),
    ['property', 'og:image', imageUrl],
    // Only an https URL is a secure one; an http site names none rather than a false one.
    ...(/^https:/i.test(imageUrl) ? [['property', 'og:image:secure_url', imageUrl] satisfies Tag] : []),
    ['property', 'og:image:type', MEDIA_TYPES[image.format]],
    ['property', 'og:image:width', String(image.width ?? '')],
    ['property', 'og:image:height', String(image.height ?? '')],
    ['property', 'og:image:alt', alt],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', `Case File: ${title}`],
    ['name', 'twitter:description', description],
    ['name', 'twitter:image', imageUrl],
    ['name', 'twitter:image:alt', alt],
  ];
  return `${tags.map(([attribute, key, value]) => `<meta ${attribute}="${key}" content="${escapeHtml(value)}">`).join('\n')}\n`;
}
