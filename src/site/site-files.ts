/**
 * The files a build writes about its outputs rather than as outputs: manifest.json, the
 * gallery's pages and, with a base URL, each record's meta.html. Each is written only when its bytes
 * change, so a build with nothing changed writes none of them.
 */
import path from 'node:path';
import { writeFileIfChanged, writeTextPiecesHashed, writeTextPiecesIfChanged, type TextWrite } from '../output/write-if-changed.js';
import type { CaseFile } from '../record/schema.js';
import type { CachedPages } from './cache.js';
import { readStamp, readStampSync, sameStamp, type FileStamp } from './file-stamp.js';
import { sha256, textHash } from './hash.js';
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

/** Pure: the record's meta.html, made when rendered, from its outputs' entries; none when it has no card to share. */
export function plannedMetaPage(record: MetaRecord, entries: readonly ManifestEntry[], baseUrl: string, site: MetaSite = {}): PlannedPage | undefined {
  const image = shareImage(entries);
  if (!image) return undefined;
  const render = () =>
    metaTagsHtml({
      title: record.title,
      description: record.question,
      image,
      baseUrl,
      ...(site.qr ? { qr: site.qr } : {}),
      ...(site.theme?.name ? { siteName: site.theme.name } : {}),
    });
  // Which card is shared depends on every card the record has; the words are the record's own.
  const shape = () => `meta ${record.slug}\n${record.title}\n${record.question}\n${entries.map((entry) => entry.path).join('\n')}`;
  return { path: `${record.slug}/meta.html`, record: record.slug, render, sources: [image], shape };
}

/** Pure: each record's meta.html, each made when rendered, for records that have a card to share; none without a base URL. */
export function plannedMetaPages(manifest: Manifest, records: readonly MetaRecord[], baseUrl: string | undefined, site: MetaSite = {}): PlannedPage[] {
  if (!baseUrl) return [];
  const grouped = entriesByRecord(manifest);
  return records.flatMap((record) => plannedMetaPage(record, grouped.get(record.slug) ?? [], baseUrl, site) ?? []);
}

/** Pure: each record's meta.html, for records that have a card to share; none without a base URL. */
export function metaPages(manifest: Manifest, records: readonly MetaRecord[], baseUrl: string | undefined, site: MetaSite = {}): MetaPage[] {
  return plannedMetaPages(manifest, records, baseUrl, site).map((page) => ({ path: page.path, record: page.record, html: page.render() }));
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

/** The manifest, known to have changed: written in one pass, not made first to compare. Returns the SHA-256 of its bytes. */
export function writeChangedManifest(outDir: string, manifest: Manifest): Promise<string> {
  return writeTextPiecesHashed(path.join(outDir, MANIFEST_FILE), manifestJsonPieces(manifest));
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
  /** The entries it is made from, and the rest of what it is made from besides the site's settings (gallery.ts PlannedGalleryPage). */
  sources: readonly ManifestEntry[];
  shape: () => string;
}

/** True when the file at `target` still has the stamp the cache remembers it was left with: then it holds the bytes remembered, unread. */
export function keepsStamp(target: string, known: Partial<FileStamp> | undefined): boolean {
  if (known === undefined) return false;
  const stamp = readStampSync(target);
  return stamp !== undefined && sameStamp(known, stamp);
}

/** How a build writes its pages. */
export interface PageWriting {
  /** Which build writes them (prune.ts scopeTag). */
  scope: string;
  /** The hash of the site's settings every page is made with (finalize.ts siteInputs). */
  site: string;
  /** The manifest entries the cache held, by path: a page made from those same entries, with the same shape and settings, is the same page. */
  read: Readonly<Record<string, { entry: ManifestEntry }>>;
}

/** True when every entry is the object the cache held (a build replaces an entry it changes, never edits one). */
const asRead = (entries: readonly ManifestEntry[], read: PageWriting['read']) => entries.every((entry) => read[entry.path]?.entry === entry);

/**
 * Writes each page whose bytes changed, one at a time, and tells `remembered` (the cache's pages)
 * as it goes, so a write that fails halfway leaves it true to the disk. A page whose file still
 * has the stamp it was left with is not read, and is not even made when its inputs (the site's
 * settings and its shape) and its entries are the last build's: at 10,000 cards, a build with
 * nothing changed neither opens nor makes 840 pages, and one with a record edited makes that
 * record's pages and the index page that lists it.
 */
export async function writePlannedPages(outDir: string, pages: readonly PlannedPage[], remembered: CachedPages, { scope, site, read }: PageWriting): Promise<void> {
  for (const page of pages) {
    const target = path.join(outDir, page.path);
    const known = remembered[page.path];
    const same = known !== undefined && known.record === page.record && known.scope === scope;
    const inputs = sha256(site, page.shape());
    if (same && known.inputs === inputs && asRead(page.sources, read) && keepsStamp(target, known)) continue;
    const html = page.render();
    const output = textHash(html);
    if (same && known.output === output && keepsStamp(target, known)) {
      remembered[page.path] = { ...known, inputs };
      continue;
    }
    await writeFileIfChanged(target, html);
    const stamp = await readStamp(target);
    remembered[page.path] = { record: page.record, output, scope, ...stamp, inputs };
  }
}
