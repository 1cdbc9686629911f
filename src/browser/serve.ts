/**
 * The dossier page lives at a made-up origin that never reaches a network: casefile answers
 * every request itself. The document and the project's own assets (mounted folders) are served;
 * everything else (http, file:, other hosts, paths out of a mount) is aborted and counted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { isCasefileError } from '../errors.js';
import { resolveInside } from '../output/safe-path.js';

/** `.invalid` is reserved (RFC 2606): nothing on any network answers to it. */
export const PAGE_ORIGIN = 'https://casefile.invalid';
export const DOCUMENT_URL = `${PAGE_ORIGIN}/document.html`;

/** URL prefix (e.g. "fonts") to the folder it serves. */
export type AssetMounts = Readonly<Record<string, string>>;

export function assetUrl(mount: string, file: string): string {
  return `${PAGE_ORIGIN}/assets/${mount}/${file.split(path.sep).map(encodeURIComponent).join('/')}`;
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
  const prefix = `${PAGE_ORIGIN}/assets/`;
  if (!url.startsWith(prefix)) return { kind: 'block' };
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

async function answer(request: HTTPRequest, html: string, mounts: AssetMounts, log: ServeLog): Promise<void> {
  const url = request.url();
  if (url.startsWith('data:')) {
    // Inline data cannot reach anything outside the page.
    await request.continue();
    return;
  }
  const decision = routeRequest(url, mounts);
  if (decision.kind === 'document') {
    await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    return;
  }
  if (decision.kind === 'asset') {
    const body = await readFile(decision.file).catch(() => undefined);
    if (body === undefined) {
      await request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
      return;
    }
    log.served.push(url);
    await request.respond({ status: 200, contentType: decision.type, body });
    return;
  }
  log.blocked.push(url);
  await request.abort('blockedbyclient');
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
  const log: ServeLog = { blocked: [], served: [] };
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    answer(request, html, mounts, log).catch(() => request.abort('failed').catch(() => undefined));
  });
  await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: options.timeoutMs });
  return log;
}
