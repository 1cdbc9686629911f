/**
 * The files a build writes about its outputs rather than as outputs: manifest.json, the
 * gallery's pages and, with a base URL, each record's meta.html. Each is written only when its bytes
 * change, so a build with nothing changed writes none of them.
 */
import path from 'node:path';
import { writeFileIfChanged, writeTextPiecesIfChanged, type TextWrite } from '../output/write-if-changed.js';
import type { CaseFile } from '../record/schema.js';
import type { CachedPages } from './cache.js';
import { readStamp, readStampSync, sameStamp } from './file-stamp.js';
import { textHash } from './hash.js';
import type { ResolvedTheme } from '../theme/load.js';
import { MANIFEST_FILE, manifestJsonPieces, type Manifest, type ManifestEntry } from './manifest.js';
import { metaTagsHtml } from './meta-tags.js';

/** One record's meta-tag snippet, at `<slug>/meta.html` relative to the out folder. */
export interface MetaPage {
  path: string;
  record: string;
  html: string;
}

// PNG is the cards' reference rendering; a site that builds only JPEG or WebP still gets tags.
const SHAREABLE_FORMATS: readonly ManifestEntry['format'][] = ['png', 'jpeg', 'webp'];

/** Pure: the card a record's page shares, the og cover if there is one. */
export function shareImage(cards: readonly ManifestEntry[]): ManifestEntry | undefined {
  for (const format of SHAREABLE_FORMATS) {
    const images = cards.filter((entry) => entry.kind === 'card' && entry.format === format);
    const image = images.find((entry) => entry.section === 'cover' && entry.size === 'og') ?? images.find((entry) => entry.section === 'cover') ?? images[0];
    if (image) return image;
  }
  return undefined;
}

/** What a record's page says about the site beyond the base URL; a build's options fit as they are. */
export interface MetaSite {
  /** The dossiers' QR link: og:url is the URL its code leads to, so paper and web agree. */
  qr?: { baseUrl?: string; urlTemplate?: string };
  /** og:site_name is the theme's name, when it has one. */
  theme?: Pick<ResolvedTheme, 'name'>;
}

/** What a record's meta tags say of it. */
export type MetaRecord = Pick<CaseFile, 'slug' | 'title' | 'question'>;

/** The manifest's entries by record, grouped once: filtering the whole manifest for each record grew with the square of the site. */
function entriesByRecord(manifest: Manifest): Map<string, ManifestEntry[]> {
  const grouped = new Map<string, ManifestEntry[]>();
  for (const entry of manifest.outputs) {
    const entries = grouped.get(entry.record);
    if (entries) entries.push(entry);
    else grouped.set(entry.record, [entry]);
  }
  return grouped;
}

/** Pure: each record's meta.html, for records that have a card to share; none without a base URL. */
export function metaPages(manifest: Manifest, records: readonly MetaRecord[], baseUrl: string | undefined, site: MetaSite = {}): MetaPage[] {
  if (!baseUrl) return [];
  const grouped = entriesByRecord(manifest);
  return records.flatMap((record) => {
    const image = shareImage(grouped.get(record.slug) ?? []);
    if (!image) return [];
    const html = metaTagsHtml({
      title: record.title,
      description: record.question,
      image,
      baseUrl,
      ...(site.qr ? { qr: site.qr } : {}),
      ...(site.theme?.name ? { siteName: site.theme.name } : {}),
    });
    return [{ path: `${record.slug}/meta.html`, record: record.slug, html }];
  });
}

/** A page of the site, relative to the out folder: a gallery page or a meta page. */
export interface SitePage {
  path: string;
  html: string;
}

/** The manifest, written an entry at a time and only when its bytes change. */
export function writeManifest(outDir: string, manifest: Manifest): Promise<TextWrite> {
  return writeTextPiecesIfChanged(path.join(outDir, MANIFEST_FILE), () => manifestJsonPieces(manifest));
}

/** The manifest and `pages`; returns the files it wrote (relative paths): none when nothing changed. */
export async function writeSiteFiles(outDir: string, manifest: Manifest, pages: readonly SitePage[]): Promise<string[]> {
  const written = (await writeManifest(outDir, manifest)).written ? [MANIFEST_FILE] : [];
  for (const page of pages) if (await writeFileIfChanged(path.join(outDir, page.path), page.html)) written.push(page.path);
  return written;
}

/** A page a build writes and remembers (so pruning can remove it later): a gallery page or a meta page, its HTML made when it is written. */
export interface PlannedPage {
  path: string;
  /** The record it belongs to; '' for the index pages, which belong to the whole site. */
  record: string;
  render: () => string;
}

/**
 * Writes each page whose bytes changed, one at a time, and tells `remembered` (the cache's pages)
 * as it goes, so a write that fails halfway leaves it true to the disk. A page the cache remembers
 * with the same hash, whose file still has the stamp it was left with, is not read: at 10,000
 * cards that is 1,700 files a build with nothing changed no longer opens.
 */
export async function writePlannedPages(outDir: string, pages: readonly PlannedPage[], remembered: CachedPages, scope: string): Promise<void> {
  for (const page of pages) {
    const html = page.render();
    const output = textHash(html);
    const target = path.join(outDir, page.path);
    const known = remembered[page.path];
    if (known && known.output === output && known.record === page.record && known.scope === scope) {
      const stamp = readStampSync(target);
      if (stamp && sameStamp(known, stamp)) continue;
    }
    await writeFileIfChanged(target, html);
    const stamp = await readStamp(target);
    remembered[page.path] = { record: page.record, output, scope, ...stamp };
  }
}
