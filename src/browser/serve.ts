/**
 * The dossier page lives at a made-up origin that never reaches a network: casefile answers
 * every request itself. The document and the project's own assets (mounted folders) are served;
 * everything else (http, file:, other hosts, paths out of a mount) is aborted and counted.
 *
 * A page is hardened once (scripts off, one request listener) and may then load many documents
 * in turn: the listener answers for whichever document the page holds now, and a page holding
 * none refuses everything. The project's own fonts and stylesheets are kept in memory and marked
 * cacheable, so Chromium keeps them across documents; everything else is sent with no-store.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { isCasefileError } from '../errors.js';
import { resolveInside } from '../output/safe-path.js';
import { BUILTIN_TEMPLATES_DIR, FONTS_DIR } from '../paths.js';

/** `.invalid` is reserved (RFC 2606): nothing on any network answers to it. */
export const PAGE_ORIGIN = 'https://casefile.invalid';
/** Where the print page asks for its mounted assets (`<ASSET_BASE><mount>/<file>`). */
export const ASSET_BASE = `${PAGE_ORIGIN}/assets/`;
export const DOCUMENT_URL = `${PAGE_ORIGIN}/document.html`;
/**
 * What a page shows between documents. On casefile's own origin rather than about:blank, so
 * Chromium keeps the page in the same renderer and the project's fonts stay decoded in its cache.
 */
export const BLANK_URL = `${PAGE_ORIGIN}/blank.html`;
/**
 * Chromium asks for this itself after a page loads, at a moment of its choosing: it belongs to
 * no document, so it is refused without being charged to the log of whichever document is
 * current (which would make blocked-request counts depend on timing).
 */
export const FAVICON_URL = `${PAGE_ORIGIN}/favicon.ico`;

/** URL prefix (e.g. "fonts") to the folder it serves. */
export type AssetMounts = Readonly<Record<string, string>>;

/** `base` is the print page's own unless the HTML is shown from somewhere else that serves the same mounts. */
export function assetUrl(mount: string, file: string, base = ASSET_BASE): string {
  return `${base}${mount}/${file.split(path.sep).map(encodeURIComponent).join('/')}`;
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

export interface ServeLog {
  /** URLs that were refused: a hostile record's attempts to reach out show up here. */
  blocked: string[];
  served: string[];
}

type Decision = { kind: 'document' } | { kind: 'asset'; file: string; type: string } | { kind: 'block' };

/** Pure routing: which request gets what. Unknown content types are refused, not guessed. */
export function routeRequest(url: string, mounts: AssetMounts): Decision {
  if (url === DOCUMENT_URL) return { kind: 'document' };
  if (!url.startsWith(ASSET_BASE)) return { kind: 'block' };
  const parsed = new URL(url);
  if (parsed.search !== '' || parsed.hash !== '') return { kind: 'block' };
  const [mount, ...rest] = parsed.pathname.slice('/assets/'.length).split('/');
  const root = mount === undefined ? undefined : mounts[mount];
  if (root === undefined || rest.length === 0) return { kind: 'block' };
  let relative: string;
  try {
    relative = rest.map(decodeURIComponent).join(path.sep);
  } catch {
    return { kind: 'block' };
  }
  const type = CONTENT_TYPES[path.extname(relative).toLowerCase()];
  if (type === undefined) return { kind: 'block' };
  try {
    return { kind: 'asset', file: resolveInside(root, relative, 'asset'), type };
  } catch (error) {
    if (isCasefileError(error)) return { kind: 'block' };
    throw error;
  }
}

/**
 * Files of the installed package never change while casefile runs: read once, and Chromium may
 * cache them. A user's theme folder or data folder can differ between documents at the same
 * URL, so those are read each time and never cached.
 */
const PROJECT_ASSET_ROOTS = [FONTS_DIR, BUILTIN_TEMPLATES_DIR].map((root) => `${path.resolve(root)}${path.sep}`);
const projectAssets = new Map<string, Promise<Buffer | undefined>>();

export function isProjectAsset(file: string): boolean {
  return PROJECT_ASSET_ROOTS.some((root) => file.startsWith(root));
}

function readAsset(file: string): Promise<Buffer | undefined> {
  const read = () => readFile(file).catch(() => undefined);
  if (!isProjectAsset(file)) return read();
  let body = projectAssets.get(file);
  if (body === undefined) {
    body = read();
    projectAssets.set(file, body);
  }
  return body;
}

/** The mounts that always serve the installed package's own folders (see api/dossier.ts pageMounts). */
const PACKAGE_MOUNTS = ['builtin', 'fonts'];

/**
 * Cacheable for the life of the browser only when both the URL's mount and the file are the
 * package's own: the theme mount can point at the built-in folder for one document and a user's
 * folder for the next, under the same URL. The document and user files are never cached.
 */
export function cacheHeaders(url: string | undefined, file: string | undefined): Record<string, string> {
  const mount = url?.startsWith(ASSET_BASE) ? url.slice(ASSET_BASE.length).split('/')[0] : undefined;
  const cacheable = mount !== undefined && PACKAGE_MOUNTS.includes(mount) && file !== undefined && isProjectAsset(file);
  return { 'cache-control': cacheable ? 'public, max-age=31536000, immutable' : 'no-store' };
}

/** What the page is showing now; requests are answered against it. */
interface Current {
  html: string;
  mounts: AssetMounts;
  log: ServeLog;
}

async function answer(request: HTTPRequest, current: Current | undefined): Promise<void> {
  const url = request.url();
  if (url === FAVICON_URL) {
    await request.abort('blockedbyclient');
    return;
  }
  if (current === undefined) {
    // Between documents: an empty page, nothing else may load, and nobody's log is charged for it.
    if (url === BLANK_URL) await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: cacheHeaders(undefined, undefined), body: '' });
    else await request.abort('blockedbyclient');
    return;
  }
  const { html, mounts, log } = current;
  if (url.startsWith('data:')) {
    // Inline data cannot reach anything outside the page.
    await request.continue();
    return;
  }
  const decision = routeRequest(url, mounts);
  if (decision.kind === 'document') {
    await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: cacheHeaders(undefined, undefined), body: html });
    return;
  }
  if (decision.kind === 'asset') {
    const body = await readAsset(decision.file);
    if (body === undefined) {
      await request.respond({ status: 404, contentType: 'text/plain', headers: cacheHeaders(undefined, undefined), body: 'not found' });
      return;
    }
    log.served.push(url);
    await request.respond({ status: 200, contentType: decision.type, headers: cacheHeaders(url, decision.file), body });
    return;
  }
  log.blocked.push(url);
  await request.abort('blockedbyclient');
}

const currentDocument = new WeakMap<Page, { current: Current | undefined }>();

/**
 * Scripts off and every request through casefile, once per page. Chromium's cache is turned on
 * explicitly rather than left to what Puppeteer does for intercepted pages: the only responses it
 * can hold are the ones casefile gave, and only the project's own files are sent as cacheable.
 */
export async function hardenPage(page: Page): Promise<void> {
  if (currentDocument.has(page)) return;
  const slot: { current: Current | undefined } = { current: undefined };
  currentDocument.set(page, slot);
  await page.setJavaScriptEnabled(false);
  await page.setCacheEnabled(true);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // Read the slot when the request arrives: a document's late request never lands in the next one's log.
    answer(request, slot.current).catch(() => request.abort('failed').catch(() => undefined));
  });
}

/**
 * Loads `html` into `page` with scripts off and every request answered by casefile.
 * Returns the log of what was served and blocked.
 */
export async function loadDocument(
  page: Page,
  html: string,
  mounts: AssetMounts,
  options: { timeoutMs: number },
): Promise<ServeLog> {
  await hardenPage(page);
  const log: ServeLog = { blocked: [], served: [] };
  currentDocument.get(page)!.current = { html, mounts, log };
  await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: options.timeoutMs });
  return log;
}

/**
 * Empties a page for its next document: the old one is navigated away to an empty page (its
 * DOM, styles and pending requests go with it) and, until the next load, every other request is
 * refused uncounted.
 */
export async function unloadDocument(page: Page, options: { timeoutMs: number }): Promise<void> {
  const slot = currentDocument.get(page);
  if (slot) slot.current = undefined;
  await page.goto(BLANK_URL, { waitUntil: 'load', timeout: options.timeoutMs });
}
