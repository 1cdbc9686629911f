/**
 * `casefile preview`: a local server that shows a record's cards and dossier as they will be
 * made, and reloads the open page when the record, a template, the theme or a layout changes.
 *
 * It is long-lived, so cards render in the worker pool (whose workers are replaced should one
 * ever grow past its memory bound), at most `concurrency` renders at once. Requests are checked like CLI
 * arguments (routes.ts) and files are served only from the print page's own mounts. Image
 * responses carry the build cache's input hash as their ETag.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import pLimit from 'p-limit';
import { dossierDocument, pageMounts, renderDossier, type QrLink } from '../api/dossier.js';
import type { LaunchOptions } from '../browser/launch.js';
import { openPrintTarget, type PrintTarget } from '../browser/target.js';
import { PAGE_ORIGIN, routeRequest } from '../browser/serve.js';
import { cardInputs } from '../build/batch.js';
import { computeFingerprint, installedSources, type Fingerprint } from '../build/fingerprint.js';
import { planCards, type CardJob } from '../cards/plan.js';
import { createCardRenderer, type CardRenderer } from '../cards/renderer.js';
import type { CardSettings } from '../cards/render.js';
import type { SizePresetName } from '../cards/sizes.js';
import type { EngineName } from '../cards/engines/engine.js';
import type { DossierFlow } from '../dossier/flow.js';
import type { PaperName } from '../dossier/paper.js';
import { loadTemplates } from '../dossier/templates.js';
import { CasefileError, errorLines, isCasefileError } from '../errors.js';
import { isRecordFileName, slugOfFileName } from '../record/file-kinds.js';
import { listRecords } from '../record/list.js';
import { loadRecord } from '../record/load.js';
import type { CaseFile } from '../record/schema.js';
import type { ResolvedTheme } from '../theme/load.js';
import { errorBlock, indexPage, recordPage } from './pages.js';
import { routePreview, type Route } from './routes.js';

/** What the preview renders with; reloaded when the config or theme file changes. */
export interface PreviewSettings {
  theme?: ResolvedTheme;
  templatesDir?: string;
  layoutsDir?: string;
  paper?: PaperName;
  /** The dossier's flow: sheets (default) or compact, as `pdf --flow` prints it. */
  flow?: DossierFlow;
  /** The QR code the printed dossier carries (the config's or the flags' base URL). */
  qr?: QrLink;
}

export interface PreviewOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  sizes?: readonly SizePresetName[];
  /** Only these cards on the record pages (default: every card). */
  sections?: string[];
  engine?: EngineName;
  /** Renders at once (cards and dossiers together). */
  concurrency?: number;
  /** Card worker processes (at least 1: the pool keeps native memory out of the server's process). */
  workers?: number;
  loadSettings: () => Promise<PreviewSettings>;
  /** Files whose change reloads the settings (the config file, a --theme file). */
  settingsFiles?: string[];
  launch?: LaunchOptions;
  /** Print the PDF link in a running Chrome (its DevTools WebSocket URL) instead of launching one. */
  browserWs?: string;
  timeoutMs?: number;
  /** Told about each change seen, for --verbose. */
  onChange?: (file: string) => void;
}

export interface PreviewServer {
  url: string;
  /** Renders in flight (for tests of the bound). */
  readonly rendering: number;
  close(): Promise<void>;
}

interface State {
  settings?: PreviewSettings;
  settingsError?: CasefileError;
  fingerprint?: Fingerprint;
}

function asError(error: unknown): CasefileError {
  if (isCasefileError(error)) return error;
  return new CasefileError('E_RENDER', error instanceof Error ? error.message.split('\n')[0]! : String(error), { cause: error });
}

/** The CLI's words: `error: file:line:col: message`. */
function cliWords(error: CasefileError): string[] {
  const [first, ...rest] = errorLines(error);
  return [`error: ${first}`, ...rest];
}

function statusFor(error: CasefileError): number {
  return error.code === 'E_NOT_FOUND' ? 404 : error.code === 'E_SLUG' || error.code === 'E_PATH' ? 400 : 500;
}

const DOSSIER_CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const dataDir = path.resolve(options.dataDir);
  /** The dossier as `casefile pdf` makes it with the same settings: paper, flow, QR code, theme. */
  const dossierOptions = (settings: PreviewSettings) => ({
    dataDir,
    paper: settings.paper ?? 'a4',
    ...(settings.flow ? { layout: settings.flow } : {}),
    ...(settings.qr ? { qr: settings.qr } : {}),
    ...(settings.theme ? { theme: settings.theme } : {}),
  });
  const sizes = options.sizes ?? ['og'];
  const limit = pLimit(Math.max(1, options.concurrency ?? 2));
  const renderer: CardRenderer = createCardRenderer({ workers: Math.max(1, options.workers ?? 1) });
  let rendering = 0;
  let target: Promise<PrintTarget> | undefined;
  const clients = new Set<http.ServerResponse>();
  const state: State = {};

  const reload = async () => {
    try {
      state.settings = await options.loadSettings();
      state.settingsError = undefined;
      state.fingerprint = await computeFingerprint(installedSources(state.settings.templatesDir, state.settings.layoutsDir));
    } catch (error) {
      state.settingsError = asError(error);
    }
  };
  await reload();

  const cardSettings = (): CardSettings => ({
    ...(state.settings?.theme ? { theme: state.settings.theme } : {}),
    ...(state.settings?.layoutsDir ? { layoutsDir: state.settings.layoutsDir } : {}),
  });
  const bounded = async <T>(work: () => Promise<T>): Promise<T> =>
    limit(async () => {
      rendering++;
      try {
        return await work();
      } finally {
        rendering--;
      }
    });
  const usable = () => {
    if (state.settingsError) throw state.settingsError;
    return { settings: state.settings!, fingerprint: state.fingerprint! };
  };
  const jobsFor = (record: CaseFile, card?: string, size?: string): CardJob[] =>
    planCards(record, { sizes: size ? [size] : sizes, formats: ['png'], scale: 1, ...(card ? { sections: [card] } : options.sections ? { sections: options.sections } : {}), ...(options.engine ? { engine: options.engine } : {}) });

  const send = (response: http.ServerResponse, status: number, type: string, body: string | Uint8Array, headers: http.OutgoingHttpHeaders = {}) => {
    response.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', ...headers });
    response.end(body);
  };
  const sendError = (response: http.ServerResponse, error: CasefileError) => send(response, statusFor(error), 'text/plain; charset=utf-8', cliWords(error).join('\n'));

  const handlers: { [K in Route['kind']]: (route: Extract<Route, { kind: K }>, request: http.IncomingMessage, response: http.ServerResponse) => Promise<void> } = {
    async index(_route, _request, response) {
      const records = await listRecords(dataDir).catch((error: unknown) => asError(error));
      if (records instanceof CasefileError) return send(response, 500, 'text/html; charset=utf-8', indexPage([], cliWords(records)));
      const entries = records.map((entry) => ({ slug: entry.slug, ...(entry.title ? { title: entry.title } : {}), ...(entry.error ? { error: cliWords(entry.error) } : {}) }));
      send(response, 200, 'text/html; charset=utf-8', indexPage(entries, state.settingsError ? cliWords(state.settingsError) : undefined));
    },
    async events(_route, request, response) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      // Reconnect quickly after a restart; the page reloads when it is back.
      response.write('retry: 1000\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    async record(route, _request, response) {
      try {
        const { settings, fingerprint } = usable();
        const { record } = await loadRecord(route.slug, { dataDir });
        const cards = jobsFor(record).map((job) => ({
          card: job.section,
          size: job.size as SizePresetName,
          width: job.width,
          height: job.height,
          version: cardInputs(fingerprint, record, job, settings.theme).slice(0, 16),
        }));
        send(response, 200, 'text/html; charset=utf-8', recordPage(record.slug, record.title, cards));
      } catch (error) {
        const failure = asError(error);
        send(response, statusFor(failure), 'text/html; charset=utf-8', recordPage(route.slug, route.slug, [], cliWords(failure)));
      }
    },
    async card(route, request, response) {
      try {
        const { settings, fingerprint } = usable();
        const { record } = await loadRecord(route.slug, { dataDir });
        const job = jobsFor(record, route.card, route.size)[0]!;
        const hash = cardInputs(fingerprint, record, job, settings.theme);
        const etag = `"${hash}"`;
        const cacheControl = route.version && hash.startsWith(route.version) ? 'public, max-age=31536000, immutable' : 'public, no-cache';
        if (request.headers['if-none-match'] === etag) {
          response.writeHead(304, { ETag: etag, 'Cache-Control': cacheControl });
          response.end();
          return;
        }
        const [card] = await bounded(() => renderer.render(record, [job], cardSettings()));
        send(response, 200, 'image/png', card!.png!, { ETag: etag, 'Cache-Control': cacheControl });
      } catch (error) {
        sendError(response, asError(error));
      }
    },
    async 'dossier-html'(route, _request, response) {
      try {
        const { settings } = usable();
        const { record } = await loadRecord(route.slug, { dataDir });
        const templates = await loadTemplates(settings.templatesDir);
        const { html } = await dossierDocument(record, templates, dossierOptions(settings));
        // As it will print, with its assets served from here; scripts stay off, as in the print page.
        send(response, 200, 'text/html; charset=utf-8', html.split(`${PAGE_ORIGIN}/assets/`).join('/assets/'), { 'Content-Security-Policy': DOSSIER_CSP });
      } catch (error) {
        const failure = asError(error);
        send(response, statusFor(failure), 'text/html; charset=utf-8', `<!DOCTYPE html><meta charset="utf-8">${errorBlock(cliWords(failure))}`, { 'Content-Security-Policy': DOSSIER_CSP });
      }
    },
    async 'dossier-pdf'(route, _request, response) {
      try {
        const { settings } = usable();
        const { record } = await loadRecord(route.slug, { dataDir });
        target ??= openPrintTarget({ launch: options.launch ?? {}, ...(options.browserWs ? { browserWs: options.browserWs } : {}) });
        // A launch or connection that failed is tried again on the next request.
        const opened = target;
        const printer = await opened.catch((error: unknown) => {
          if (target === opened) target = undefined;
          throw error;
        });
        const templates = await loadTemplates(settings.templatesDir);
        const { pdf } = await bounded(() =>
          renderDossier(printer.pages, record, { templates, ...dossierOptions(settings), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }),
        );
        send(response, 200, 'application/pdf', pdf, { 'Content-Disposition': `inline; filename="${record.slug}.pdf"` });
      } catch (error) {
        sendError(response, asError(error));
      }
    },
    async asset(route, _request, response) {
      const settings = state.settings ?? {};
      const templates = await loadTemplates(settings.templatesDir).catch(() => undefined);
      const decision = templates ? routeRequest(`${PAGE_ORIGIN}${route.path}`, pageMounts(templates, dataDir)) : { kind: 'block' as const };
      const body = decision.kind === 'asset' ? await readFile(decision.file).catch(() => undefined) : undefined;
      if (decision.kind !== 'asset' || body === undefined) return send(response, 404, 'text/plain; charset=utf-8', 'not found');
      send(response, 200, decision.type, body, { 'Cache-Control': 'no-cache' });
    },
    async error(route, _request, response) {
      send(response, route.status, 'text/plain; charset=utf-8', `${route.status}: ${route.reason}`);
    },
  };

  const server = http.createServer((request, response) => {
    const route = routePreview(request.method ?? 'GET', request.url ?? '/');
    const handler = handlers[route.kind] as (route: Route, request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>;
    handler(route, request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, asError(error));
      else response.destroy();
    });
  });

  // Watch what the pages are made of; a burst of writes (an editor's save) is one change.
  const watched = () => [dataDir, state.settings?.templatesDir, state.settings?.layoutsDir, ...(options.settingsFiles ?? [])].filter((entry): entry is string => Boolean(entry)).map((entry) => path.resolve(entry));
  const watcher: FSWatcher = chokidar.watch(watched(), { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 } });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const broadcast = (slug: string) => {
    for (const client of clients) client.write(`event: change\ndata: ${JSON.stringify({ slug })}\n\n`);
  };
  const flush = async () => {
    timer = undefined;
    const files = [...pending];
    pending.clear();
    // A record file (`<slug>.json` or `<slug>.txt`) reloads its own pages; anything else reloads them all.
    const everything = files.some((file) => path.dirname(file) !== dataDir || !isRecordFileName(path.basename(file)));
    if (everything) {
      await reload();
      watcher.add(watched());
      broadcast('*');
    } else {
      for (const slug of new Set(files.map((file) => slugOfFileName(file)))) broadcast(slug);
    }
  };
  watcher.on('all', (_event, file) => {
    options.onChange?.(file);
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), 50);
  });
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new CasefileError('E_USAGE', `cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 0}: ${error.code ?? error.message}`)),
    );
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    get rendering() {
      return rendering;
    },
    async close() {
      clearInterval(heartbeat);
      clearTimeout(timer);
      for (const client of clients) client.end();
      clients.clear();
      await watcher.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await renderer.close();
      if (target) await (await target.catch(() => undefined))?.close();
    },
  };
}
