/**
 * The dossier pipeline end to end: load → validate → lay out (HTML) → render (PDF) → finish
 * (links, print boxes, document info) → write. Everything that can be checked is checked
 * before a browser starts.
 */
import path from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import type { LaunchOptions } from '../browser/launch.js';
import type { PagePool } from '../browser/page-pool.js';
import { withPrintTarget, type PageOpener } from '../browser/target.js';
import type { AssetMounts } from '../browser/serve.js';
import { documentDate } from '../dossier/document-info.js';
import { finishPdf, loadChromiumPdf } from '../dossier/finish.js';
import { existingRelatedSlugs, renderDossierHtml, renderRunningHeadersHtml, MOUNTS } from '../dossier/html.js';
import { pageGeometry, type PageGeometry, type PaperName, type PrintMarks } from '../dossier/paper.js';
import { renderPdf } from '../dossier/pdf.js';
import { contentsPagesOf, guessContentsPages, MAX_CONTENTS_PRINTS, sameContentsPages, type ContentsPages } from '../dossier/contents-pages.js';
import { runningHeaders, sectionStarts } from '../dossier/running-headers.js';
import { sectionViews } from '../dossier/context.js';
import type { DossierFlow } from '../dossier/flow.js';
import { qrCode, qrUrl } from '../dossier/qr-code.js';
import { loadTemplates, type TemplateSet } from '../dossier/templates.js';
import { writeFileAtomic } from '../output/atomic.js';
import { resolveInside } from '../output/safe-path.js';
import { BUILTIN_TEMPLATES_DIR, FONTS_DIR } from '../paths.js';
import { loadRecord } from '../record/load.js';
import type { CaseFile } from '../record/schema.js';
import { DEFAULTS } from '../settings/defaults.js';
import { brandOf, type ResolvedTheme } from '../theme/load.js';

export interface DossierRenderOptions {
  paper?: PaperName;
  landscape?: boolean;
  /** Print-shop output: bleed in millimetres (0 for none). */
  bleedMm?: number;
  /** Print-shop output: trim marks outside the bleed. */
  cropMarks?: boolean;
  /** A folder of the user's own templates; built-in ones fill in the rest. */
  templatesDir?: string;
  /** The site's theme (colours, fonts, brand, logo). */
  theme?: ResolvedTheme;
  /** Where record-relative assets (images) are served from, and where related records are looked up. */
  dataDir?: string;
  /** The date written into the PDF; defaults to SOURCE_DATE_EPOCH or a fixed epoch, never the clock. */
  date?: Date;
  timeoutMs?: number;
  /** Print a QR code to the record's web page: `<baseUrl>/<slug>/`, or `urlTemplate` with `{baseUrl}` and `{slug}`. */
  qr?: QrLink;
  /** `sheets` (default): each section opens a sheet; `compact`: sections run on, for home printers. */
  flow?: DossierFlow;
  /** @deprecated The same as `flow`, which wins when both are given. */
  layout?: DossierFlow;
}

export interface QrLink {
  baseUrl: string;
  urlTemplate?: string;
}

/** Dossier footer modules: 0.4 mm at A4 (a 16 mm code for a typical URL), scanned from a page held in the hand. */
export const DOSSIER_QR_MODULE_MM = 0.4;

export function recordQrUrl(record: CaseFile, qr: QrLink): string {
  return qrUrl(record.slug, qr.baseUrl, qr.urlTemplate);
}

export interface DossierRender {
  pdf: Uint8Array;
  html: string;
  /** Requests the page tried that casefile refused. */
  blockedRequests: string[];
}

export function pageMounts(templates: TemplateSet, dataDir: string): AssetMounts {
  return {
    [MOUNTS.builtin]: BUILTIN_TEMPLATES_DIR,
    [MOUNTS.theme]: templates.dirs[0]!,
    [MOUNTS.fonts]: FONTS_DIR,
    [MOUNTS.data]: path.resolve(dataDir),
  };
}

/** The bleed and crop marks asked for; none unless asked. */
export function printMarks(options: { bleedMm?: number; cropMarks?: boolean }): PrintMarks {
  return { bleedMm: options.bleedMm ?? DEFAULTS.bleedMm, cropMarks: options.cropMarks ?? DEFAULTS.cropMarks };
}

/** Chromium's print of a dossier, before finishing: what the browser had to do. */
export interface PrintedDossier {
  record: CaseFile;
  page: PageGeometry;
  date: Date;
  theme?: ResolvedTheme;
  html: string;
  chromiumPdf: Uint8Array;
  /**
   * Chromium's PDF as parsed already, when the print had to read it (for where its sections landed:
   * the contents page's numbers, the compact flow's running headers): finishing takes it over
   * instead of parsing the bytes again, so finish a printed dossier once.
   */
  parsed?: PDFDocument;
  /** Compact flow: the running headers, printed as a layer of their own. */
  overlay?: Uint8Array;
  blockedRequests: string[];
}

/**
 * The dossier's HTML exactly as it prints (page, flow, QR code, theme), and the page it is set on.
 * `assetBase`: where the HTML fetches its fonts and stylesheets when shown outside the print page.
 */
export async function dossierDocument(
  record: CaseFile,
  templates: TemplateSet,
  options: DossierRenderOptions & { assetBase?: string; contentsPages?: ContentsPages } = {},
): Promise<{ html: string; page: PageGeometry; flow: DossierFlow }> {
  const page = pageGeometry(options.paper ?? DEFAULTS.paper, options.landscape ?? DEFAULTS.landscape, printMarks(options));
  const existingSlugs = await existingRelatedSlugs(record, options.dataDir ?? DEFAULTS.dataDir);
  const qr = options.qr ? qrCode(recordQrUrl(record, options.qr), { moduleMm: DOSSIER_QR_MODULE_MM * page.scale }) : undefined;
  const flow = options.flow ?? options.layout ?? DEFAULTS.flow;
  const html = await renderDossierHtml(record, {
    templates,
    page,
    existingSlugs,
    flow,
    ...(qr ? { qr } : {}),
    ...(options.theme ? { theme: options.theme } : {}),
    ...(options.assetBase ? { assetBase: options.assetBase } : {}),
    ...(options.contentsPages ? { contentsPages: options.contentsPages } : {}),
  });
  return { html, page, flow };
}

/**
 * The compact flow's running headers: where the sections landed in Chromium's PDF decides what
 * each page's header names, and the headers are printed as a layer of their own.
 */
function runningHeadersHtml(printed: PDFDocument, record: CaseFile, templates: TemplateSet, page: PageGeometry, theme: ResolvedTheme | undefined): string {
  const headers = runningHeaders(sectionStarts(printed, sectionViews(record)), printed.getPageCount(), page);
  return renderRunningHeadersHtml(record, headers, { templates, page, ...(theme ? { theme } : {}) });
}

/** Record → HTML → Chromium's PDF, in pages of `opener` (a browser or context the caller owns; a warm page of `pages` if given). */
export async function printDossier(
  opener: PageOpener,
  record: CaseFile,
  options: DossierRenderOptions & { templates?: TemplateSet; pages?: PagePool } = {},
): Promise<PrintedDossier> {
  const templates = options.templates ?? (await loadTemplates(options.templatesDir));
  const dataDir = options.dataDir ?? DEFAULTS.dataDir;
  const date = options.date ?? documentDate();
  const flow = options.flow ?? options.layout ?? DEFAULTS.flow;
  const page = pageGeometry(options.paper ?? DEFAULTS.paper, options.landscape ?? DEFAULTS.landscape, printMarks(options));
  const sections = sectionViews(record);
  const print = (document: string, tagged = true) =>
    renderPdf(opener, document, {
      page,
      mounts: pageMounts(templates, dataDir),
      tagged,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.pages ? { pages: options.pages } : {}),
    });
  // The contents page numbers each exhibit from where it printed: print, read where the sections
  // landed, and print again with those numbers until they are where the sections landed.
  let contentsPages = guessContentsPages(sections, flow);
  let printed: { html: string; pdf: Uint8Array; log: { blocked: string[] }; parsed: PDFDocument } | undefined;
  for (let attempt = 0; attempt < MAX_CONTENTS_PRINTS; attempt += 1) {
    const { html } = await dossierDocument(record, templates, { ...options, contentsPages });
    const { pdf, log } = await print(html);
    printed = { html, pdf, log, parsed: await loadChromiumPdf(pdf) };
    const landed = contentsPagesOf(printed.parsed, sections);
    if (sameContentsPages(landed, contentsPages)) break;
    contentsPages = landed;
  }
  const { html, pdf, log, parsed } = printed!;
  const overlay = flow === 'compact' ? (await print(runningHeadersHtml(parsed, record, templates, page, options.theme), false)).pdf : undefined;
  return {
    record,
    page,
    date,
    ...(options.theme ? { theme: options.theme } : {}),
    html,
    chromiumPdf: pdf,
    parsed,
    ...(overlay ? { overlay } : {}),
    blockedRequests: log.blocked,
  };
}

/** Finishing needs no browser: a batch runs it while the next dossier prints. */
export async function finishDossier(printed: PrintedDossier): Promise<DossierRender> {
  const { record, page, date, overlay } = printed;
  const pdf = await finishPdf(printed.parsed ?? printed.chromiumPdf, { record, page, kind: 'dossier', date, ...brandOf(printed.theme), ...(overlay ? { overlay } : {}) });
  return { pdf, html: printed.html, blockedRequests: printed.blockedRequests };
}

/** A validated record to PDF bytes, in pages of `opener` (a browser or context the caller owns). */
export async function renderDossier(
  opener: PageOpener,
  record: CaseFile,
  options: DossierRenderOptions & { templates?: TemplateSet; pages?: PagePool } = {},
): Promise<DossierRender> {
  return finishDossier(await printDossier(opener, record, options));
}

export interface MakeDossierOptions extends DossierRenderOptions {
  dataDir?: string;
  outDir?: string;
  /** The data folder's slugs, read once by a caller printing several records (a page text's bare arrows link to them). */
  knownSlugs?: ReadonlySet<string>;
  /** Reuse a running browser; otherwise one is launched and closed for this dossier. */
  browser?: PageOpener;
  /** Warm pages of `browser` to print on (several dossiers in a row). */
  pages?: PagePool;
  launch?: LaunchOptions;
  /** Connect to this running browser (DevTools WebSocket URL) instead of launching one. */
  browserWs?: string;
}

export interface MadeDossier {
  slug: string;
  source: string;
  output: string;
  bytes: number;
  blockedRequests: string[];
}

export function dossierOutputPath(outDir: string, slug: string): string {
  return resolveInside(outDir, `${slug}.pdf`, 'output');
}

/** A slug or record file in, out/<slug>.pdf written atomically. */
export async function makeDossier(reference: string, options: MakeDossierOptions = {}): Promise<MadeDossier> {
  const dataDir = options.dataDir ?? DEFAULTS.dataDir;
  const outDir = options.outDir ?? DEFAULTS.outDir;
  const { record, file } = await loadRecord(reference, { dataDir, ...(options.knownSlugs ? { knownSlugs: options.knownSlugs } : {}) });
  const templates = await loadTemplates(options.templatesDir);
  const date = options.date ?? documentDate();
  const output = dossierOutputPath(outDir, record.slug);

  const render = (opener: PageOpener) => renderDossier(opener, record, { ...options, dataDir, templates, date });
  const result = options.browser ? await render(options.browser) : await withPrintTarget({ ...(options.launch ? { launch: options.launch } : {}), ...(options.browserWs ? { browserWs: options.browserWs } : {}) }, render);

  await writeFileAtomic(output, result.pdf);
  return { slug: record.slug, source: file, output, bytes: result.pdf.byteLength, blockedRequests: result.blockedRequests };
}
