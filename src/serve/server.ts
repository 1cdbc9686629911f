/**
 * `casefile serve`: cards and dossiers on request, at the paths `build` writes, for sites that
 * cannot build ahead. A request is checked before anything is read (routes.ts); the record is
 * read from disk, parsed again only when it changed (record-source.ts); the bytes come from the
 * cache (byte-store.ts) or one render shared by every request for them (admission.ts), within a
 * bounded line and a time limit. Every answer is whole: the bytes are complete before the status
 * is sent, and every error is sent before any byte of an image, never stored by a cache.
 *
 * It keeps no state but its caches, so instances behind a load balancer answer alike.
 */
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LRUCache } from 'lru-cache';
import { renderDossier, recordQrUrl } from '../api/dossier.js';
import { createOnDemandPrinter } from '../browser/on-demand-printer.js';
import type { LaunchOptions } from '../browser/launch.js';
import type { EngineName } from '../cards/engines/engine.js';
import { createCardRenderer } from '../cards/renderer.js';
import { loadTemplates, type TemplateSet } from '../dossier/templates.js';
import { CasefileError } from '../errors.js';
import { drawRequestedCard, planRequestedCard, type PlannedCard } from '../http/card-render.js';
import { MEDIA_TYPES } from '../http/media-types.js';
import { listen } from '../http/listen.js';
import type { RenderSettings } from '../http/render-settings.js';
import { asError, statusFor } from '../http/respond.js';
import { DEFAULTS, withDefaults } from '../settings/defaults.js';
import { computeFingerprint, dossierInputs, installedSources } from '../site/fingerprint.js';
import { accessLine, type CacheOutcome } from './access-log.js';
import { createAdmission, withDeadline } from './admission.js';
import { createByteStore, type StoredBytes } from './byte-store.js';
import { cacheControlFor, etagOf, matchesEtag, NO_STORE } from './cache-headers.js';
import { createRecordSource } from './record-source.js';
import { routeServe, type ServeRoute } from './routes.js';

/** The render settings are `build`'s: the dossier at `/<slug>.pdf` is printed as `build` prints it. */
export interface ServeOptions extends RenderSettings {
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  engine?: EngineName;
  /** webp and jpeg quality, 1-100. */
  quality?: number;
  /** Card worker processes (at least 1: native memory stays out of the server); renders run two per worker. */
  workers?: number;
  /** Renders waiting beyond those running; past that, 503. */
  maxQueue?: number;
  /** Memory for rendered bytes. */
  cacheBytes?: number;
  /** A folder where rendered bytes outlive the process. */
  cacheDir?: string;
  /** A card's time limit; a dossier's is the dossier timeout. Past it, 504. */
  cardTimeoutMs?: number;
  dossierTimeoutMs?: number;
  launch?: LaunchOptions;
  browserWs?: string;
  /** Called with each access-log line; absent, nothing is logged. */
  log?: (line: string) => void;
  /** Called with what went wrong behind a 5xx (the client gets a short reason). */
  onError?: (error: CasefileError, url: string) => void;
}

export interface CasefileServer {
  url: string;
  /** Requests being answered now, and renders running and waiting (for tests and health checks). */
  readonly active: number;
  readonly running: number;
  readonly waiting: number;
  /** Renders started since the start (identical requests in flight share one). */
  readonly renders: number;
  /** Stops accepting, answers every request in flight, then closes the card workers and the browser. */
  close(): Promise<void>;
}

/** How many renders each card worker is given at once: one drawing, one crossing the pipe. */
const RENDERS_PER_WORKER = 2;
const RETRY_AFTER_SECONDS = 1;
const TEXT = 'text/plain; charset=utf-8';

interface Answer {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body?: Uint8Array | string;
  cache: CacheOutcome;
}

/** A short plain-text answer that no cache keeps: health, refusals, errors. */
function textAnswer(status: number, text: string, headers: http.OutgoingHttpHeaders = {}): Answer {
  return { status, headers: { 'Content-Type': TEXT, 'Cache-Control': NO_STORE, ...headers }, body: `${text}\n`, cache: '-' };
}

function errorAnswer(error: CasefileError): Answer {
  const status = statusFor(error);
  // A 5xx says what failed without the server's paths; the whole story goes to the log.
  const reason = status >= 500 && status !== 503 && status !== 504 ? `the record or its render failed (${error.code}); the server's log has the details` : error.message;
  return textAnswer(status, `${status} ${http.STATUS_CODES[status] ?? ''}: ${reason}`, status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {});
}

function bytesAnswer(stored: StoredBytes, type: string, requestedVersion: string | undefined, ifNoneMatch: string | undefined, cache: CacheOutcome, extra: http.OutgoingHttpHeaders = {}): Answer {
  const etag = etagOf(stored.hash);
  const headers = { ETag: etag, 'Cache-Control': cacheControlFor(stored.hash, requestedVersion) };
  if (matchesEtag(ifNoneMatch, etag)) return { status: 304, headers, cache };
  return { status: 200, headers: { ...headers, 'Content-Type': type, ...extra }, body: stored.bytes, cache };
}

export async function startServer(options: ServeOptions): Promise<CasefileServer> {
  const dataDir = path.resolve(options.dataDir);
  const settings = withDefaults(
    { host: DEFAULTS.host, port: 0, workers: DEFAULTS.workers, maxQueue: DEFAULTS.maxQueue, cacheBytes: DEFAULTS.cacheMb * 1024 * 1024, cardTimeoutMs: DEFAULTS.cardTimeoutMs, dossierTimeoutMs: DEFAULTS.dossierTimeoutMs },
    options,
  );
  const workers = Math.max(1, settings.workers);
  const fingerprint = await computeFingerprint(installedSources(options.templatesDir, options.layoutsDir));
  const site = {
    fingerprint,
    ...(options.theme ? { theme: options.theme } : {}),
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.quality !== undefined ? { quality: options.quality } : {}),
  };
  const cardSettings = { ...(options.theme ? { theme: options.theme } : {}), ...(options.layoutsDir ? { layoutsDir: options.layoutsDir } : {}) };
  const records = createRecordSource(dataDir);
  const store = createByteStore({
    maxMemoryBytes: settings.cacheBytes,
    ...(options.cacheDir ? { dir: path.resolve(options.cacheDir) } : {}),
    onDiskError: (error) => options.onError?.(asError(error), '(disk cache)'),
  });
  const admission = createAdmission({ running: workers * RENDERS_PER_WORKER, waiting: settings.maxQueue });
  const renderer = createCardRenderer({ workers });
  const printer = createOnDemandPrinter({ concurrency: workers, ...(options.launch ? { launch: options.launch } : {}), ...(options.browserWs ? { browserWs: options.browserWs } : {}) });
  let templates: Promise<TemplateSet> | undefined;
  // Planning a card hashes its record: remembered per record version and request, a few thousand at most.
  const planned = new LRUCache<string, PlannedCard>({ max: 4096 });

  async function cached(key: string, extension: string, render: () => Promise<Uint8Array>, timeoutMs: number, what: string): Promise<{ stored: StoredBytes; cache: CacheOutcome }> {
    const held = await store.get(key, extension);
    if (held) return { stored: held, cache: held.from === 'memory' ? 'hit' : 'disk' };
    const stored = await withDeadline(
      admission.run(`${key}.${extension}`, async () => {
        renders++;
        return store.put(key, extension, await render());
      }),
      timeoutMs,
      what,
    );
    return { stored, cache: 'miss' };
  }

  async function answerCard(route: Extract<ServeRoute, { kind: 'card' }>, request: http.IncomingMessage): Promise<Answer> {
    const { record, stamp } = await records.load(route.slug);
    const { format } = route.request;
    const planKey = `${route.slug}|${stamp}|${route.request.card}|${route.request.size}|${route.request.scale}|${format}`;
    let plan = planned.get(planKey);
    if (!plan) planned.set(planKey, (plan = planRequestedCard(record, route.request, site)));
    const { job, inputs } = plan;
    const { stored, cache } = await cached(inputs, format, () => drawRequestedCard(renderer, record, job, cardSettings), settings.cardTimeoutMs, `card ${route.request.card} of ${route.slug}`);
    return bytesAnswer(stored, MEDIA_TYPES[format], route.version, request.headers['if-none-match'], cache);
  }

  async function answerDossier(route: Extract<ServeRoute, { kind: 'dossier' }>, request: http.IncomingMessage): Promise<Answer> {
    const { record } = await records.load(route.slug);
    const dataSlugs = await records.slugs();
    const paper = options.paper ?? DEFAULTS.paper;
    const flow = options.flow ?? DEFAULTS.flow;
    const qrUrl = options.qr ? recordQrUrl(record, options.qr) : undefined;
    const inputs = dossierInputs(fingerprint, record, { paper, flow, ...(qrUrl ? { qrUrl } : {}), ...(options.theme ? { theme: options.theme } : {}) }, dataSlugs);
    const print = async () => {
      templates ??= loadTemplates(options.templatesDir);
      const rendering = { templates: await templates, paper, flow, dataDir, timeoutMs: settings.dossierTimeoutMs, ...(options.qr ? { qr: options.qr } : {}), ...(options.theme ? { theme: options.theme } : {}) };
      const { pdf } = await printer.print((browser, pages) => renderDossier(browser, record, { ...rendering, pages }));
      return pdf;
    };
    const { stored, cache } = await cached(inputs, 'pdf', print, settings.dossierTimeoutMs, `the dossier of ${route.slug}`);
    return bytesAnswer(stored, MEDIA_TYPES.pdf, route.version, request.headers['if-none-match'], cache, { 'Content-Disposition': `inline; filename="${record.slug}.pdf"` });
  }

  async function answer(route: ServeRoute, request: http.IncomingMessage): Promise<Answer> {
    switch (route.kind) {
      case 'health':
        return textAnswer(200, 'ok');
      case 'error':
        return textAnswer(route.status, `${route.status} ${http.STATUS_CODES[route.status]}: ${route.reason}`);
      case 'card':
        return answerCard(route, request);
      case 'dossier':
        return answerDossier(route, request);
    }
  }

  let active = 0;
  let renders = 0;
  let closing: Promise<void> | undefined;
  const drained: Array<() => void> = [];

  const server = http.createServer((request, response) => {
    const started = performance.now();
    active++;
    const route = routeServe(request.method ?? 'GET', request.url ?? '/');
    answer(route, request)
      .catch((error: unknown) => {
        const failure = asError(error);
        if (statusFor(failure) >= 500) options.onError?.(failure, request.url ?? '/');
        return errorAnswer(failure);
      })
      .then((reply) => {
        const length = reply.body === undefined ? {} : { 'Content-Length': String(typeof reply.body === 'string' ? Buffer.byteLength(reply.body) : reply.body.byteLength) };
        response.writeHead(reply.status, { 'X-Content-Type-Options': 'nosniff', ...(closing ? { Connection: 'close' } : {}), ...length, ...reply.headers });
        response.end(reply.body);
        options.log?.(accessLine({ at: new Date(), method: request.method ?? '?', url: request.url ?? '/', status: reply.status, ms: performance.now() - started, cache: reply.cache }));
      })
      .finally(() => {
        active--;
        if (active === 0) drained.splice(0).forEach((resolve) => resolve());
      });
  });

  const url = await listen(server, settings.host, settings.port);

  async function drainAndClose(): Promise<void> {
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (active > 0) await new Promise<void>((resolve) => drained.push(resolve));
    server.closeAllConnections();
    await stopped;
    await renderer.close();
    await printer.close();
  }

  return {
    url,
    get active() {
      return active;
    },
    get running() {
      return admission.running;
    },
    get waiting() {
      return admission.waiting;
    },
    get renders() {
      return renders;
    },
    close() {
      closing ??= drainAndClose();
      return closing;
    },
  };
}
