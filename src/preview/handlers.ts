/**
 * One handler per preview route (routes.ts parsed and checked the URL): the index, the event
 * stream, a record's page, a card, the dossier as HTML and as PDF, the dossier's assets. Every
 * record is read from disk on each request, so a page always shows the file as it is now.
 */
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import { dossierDocument, pageMounts, renderDossier } from '../api/dossier.js';
import { PAGE_ORIGIN, routeRequest } from '../browser/serve.js';
import { cardAltText } from '../cards/alt-text/card-alt.js';
import { cardInputs } from '../site/fingerprint.js';
import { planCards, type CardJob } from '../cards/plan.js';
import type { CardRenderer } from '../cards/renderer.js';
import type { SizePresetName } from '../cards/sizes.js';
import type { EngineName } from '../cards/engines/engine.js';
import { loadTemplates } from '../dossier/templates.js';
import { CasefileError } from '../errors.js';
import { listRecords } from '../record/list.js';
import { loadRecord } from '../record/load.js';
import type { CaseFile } from '../record/schema.js';
import type { ChangeEvents } from './events.js';
import { errorBlock, indexPage, recordPage } from './pages.js';
import type { OnDemandPrinter } from '../browser/on-demand-printer.js';
import { drawRequestedCard, planRequestedCard } from '../http/card-render.js';
import { MEDIA_TYPES } from '../http/media-types.js';
import { asError, cliWords, send, sendError, statusFor } from '../http/respond.js';
import type { Route } from './routes.js';
import type { PreviewSettings, PreviewState } from './state.js';

/** What the handlers share, made once by the server. */
export interface HandlerContext {
  /** The data folder, resolved. */
  dataDir: string;
  state: PreviewState;
  /** The card sizes and sections the record pages show, and what draws the cards. */
  sizes: readonly SizePresetName[];
  sections?: readonly string[];
  engine?: EngineName;
  timeoutMs?: number;
  renderer: CardRenderer;
  printer: OnDemandPrinter;
  events: ChangeEvents;
  /** Runs a render within the preview's bound on renders at once. */
  bounded<T>(work: () => Promise<T>): Promise<T>;
}

type Handler<R extends Route> = (route: R, request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>;
export type Handlers = { [K in Route['kind']]: Handler<Extract<Route, { kind: K }>> };

const HTML = 'text/html; charset=utf-8';
const DOSSIER_CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

/** The dossier as `casefile pdf` makes it with the same settings: paper, flow, QR code, theme. */
function dossierOptions(dataDir: string, settings: PreviewSettings) {
  return {
    dataDir,
    ...(settings.paper ? { paper: settings.paper } : {}),
    ...(settings.flow ? { flow: settings.flow } : {}),
    ...(settings.qr ? { qr: settings.qr } : {}),
    ...(settings.theme ? { theme: settings.theme } : {}),
  };
}

/** The cards a record page shows. */
function cardJobs(context: HandlerContext, record: CaseFile): CardJob[] {
  const sections = context.sections ? { sections: context.sections } : {};
  return planCards(record, { sizes: context.sizes, formats: ['png'], scale: 1, ...sections, ...(context.engine ? { engine: context.engine } : {}) });
}

async function showIndex(context: HandlerContext, response: http.ServerResponse): Promise<void> {
  const records = await listRecords(context.dataDir).catch((error: unknown) => asError(error));
  if (records instanceof CasefileError) return send(response, 500, HTML, indexPage([], cliWords(records)));
  const entries = records.map((entry) => ({ slug: entry.slug, ...(entry.title ? { title: entry.title } : {}), ...(entry.error ? { error: cliWords(entry.error) } : {}) }));
  send(response, 200, HTML, indexPage(entries, context.state.error ? cliWords(context.state.error) : undefined));
}

/** A record's page: every card it shows, each URL carrying the first hex of its inputs hash. */
async function showRecord(context: HandlerContext, slug: string, response: http.ServerResponse): Promise<void> {
  try {
    const { settings, fingerprint } = context.state.usable();
    const { record } = await loadRecord(slug, { dataDir: context.dataDir });
    const cards = cardJobs(context, record).map((job) => ({
      card: job.section,
      size: job.size as SizePresetName,
      width: job.width,
      height: job.height,
      version: cardInputs(fingerprint, record, job, settings.theme).slice(0, 16),
      alt: cardAltText(record, job.section),
    }));
    send(response, 200, HTML, recordPage(record.slug, record.title, cards));
  } catch (error) {
    const failure = asError(error);
    send(response, statusFor(failure), HTML, recordPage(slug, slug, [], cliWords(failure)));
  }
}

/** One card, with its inputs hash as ETag: 304 when the page has it, immutable under its versioned URL. */
async function sendCard(context: HandlerContext, route: Extract<Route, { kind: 'card' }>, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  try {
    const { settings, fingerprint } = context.state.usable();
    const { record } = await loadRecord(route.slug, { dataDir: context.dataDir });
    const site = { fingerprint, ...(settings.theme ? { theme: settings.theme } : {}), ...(context.engine ? { engine: context.engine } : {}) };
    const { job, inputs } = planRequestedCard(record, route.request, site);
    const etag = `"${inputs}"`;
    const cacheControl = route.version && inputs.startsWith(route.version) ? 'public, max-age=31536000, immutable' : 'public, no-cache';
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { ETag: etag, 'Cache-Control': cacheControl });
      response.end();
      return;
    }
    const bytes = await context.bounded(() => drawRequestedCard(context.renderer, record, job, context.state.cardSettings()));
    send(response, 200, MEDIA_TYPES[route.request.format], bytes, { ETag: etag, 'Cache-Control': cacheControl });
  } catch (error) {
    sendError(response, asError(error));
  }
}

/** The dossier's HTML as it will print, with its assets served from here; scripts stay off, as in the print page. */
async function showDossierHtml(context: HandlerContext, slug: string, response: http.ServerResponse): Promise<void> {
  try {
    const { settings } = context.state.usable();
    const { record } = await loadRecord(slug, { dataDir: context.dataDir });
    const templates = await loadTemplates(settings.templatesDir);
    const { html } = await dossierDocument(record, templates, { ...dossierOptions(context.dataDir, settings), assetBase: '/assets/' });
    send(response, 200, HTML, html, { 'Content-Security-Policy': DOSSIER_CSP });
  } catch (error) {
    const failure = asError(error);
    send(response, statusFor(failure), HTML, `<!DOCTYPE html><meta charset="utf-8">${errorBlock(cliWords(failure))}`, { 'Content-Security-Policy': DOSSIER_CSP });
  }
}

/** The dossier as `casefile pdf` prints it, within the preview's bound on renders at once. */
async function printDossierPdf(context: HandlerContext, slug: string, response: http.ServerResponse): Promise<void> {
  try {
    const { settings } = context.state.usable();
    const { record } = await loadRecord(slug, { dataDir: context.dataDir });
    const templates = await loadTemplates(settings.templatesDir);
    const options = { templates, ...dossierOptions(context.dataDir, settings), ...(context.timeoutMs ? { timeoutMs: context.timeoutMs } : {}) };
    const { pdf } = await context.bounded(() => context.printer.print((browser, pool) => renderDossier(browser, record, { ...options, pages: pool })));
    send(response, 200, 'application/pdf', pdf, { 'Content-Disposition': `inline; filename="${record.slug}.pdf"` });
  } catch (error) {
    sendError(response, asError(error));
  }
}

/** A file the dossier page asks for, from the print page's own mounts only. */
async function sendAsset(context: HandlerContext, assetPath: string, response: http.ServerResponse): Promise<void> {
  const templates = await loadTemplates(context.state.settings?.templatesDir).catch(() => undefined);
  const decision = templates ? routeRequest(`${PAGE_ORIGIN}${assetPath}`, pageMounts(templates, context.dataDir)) : { kind: 'block' as const };
  const body = decision.kind === 'asset' ? await readFile(decision.file).catch(() => undefined) : undefined;
  if (decision.kind !== 'asset' || body === undefined) return send(response, 404, 'text/plain; charset=utf-8', 'not found');
  send(response, 200, decision.type, body, { 'Cache-Control': 'no-cache' });
}

export function createHandlers(context: HandlerContext): Handlers {
  return {
    index: (_route, _request, response) => showIndex(context, response),
    events: async (_route, request, response) => context.events.subscribe(request, response),
    record: (route, _request, response) => showRecord(context, route.slug, response),
    card: (route, request, response) => sendCard(context, route, request, response),
    'dossier-html': (route, _request, response) => showDossierHtml(context, route.slug, response),
    'dossier-pdf': (route, _request, response) => printDossierPdf(context, route.slug, response),
    asset: (route, _request, response) => sendAsset(context, route.path, response),
    error: async (route, _request, response) => send(response, route.status, 'text/plain; charset=utf-8', `${route.status}: ${route.reason}`),
  };
}
