/**
 * The wall poster: the whole record on one large sheet (A2 by default), optionally split over
 * home-printer pages. Same stages as the dossier, with the poster layout; a record too long
 * for the sheet is shrunk in steps until it fits on one page.
 */
import { PDFDocument } from 'pdf-lib';
import type { LaunchOptions } from '../browser/launch.js';
import { withPrintTarget, type PageOpener } from '../browser/target.js';
import { CasefileError } from '../errors.js';
import { documentDate, documentInfoFor, saveDeterministic, setDocumentInfo } from '../dossier/document-info.js';
import { finishPdf } from '../dossier/finish.js';
import { existingRelatedSlugs, renderDossierHtml } from '../dossier/html.js';
import { sheetGeometry } from '../dossier/paper.js';
import { renderPdf } from '../dossier/pdf.js';
import { loadTemplates, type TemplateSet } from '../dossier/templates.js';
import { writeFileAtomic } from '../output/atomic.js';
import { resolveInside } from '../output/safe-path.js';
import { POSTER_SIZES, type PosterSizeName } from '../print/poster-sizes.js';
import { TILE_SHEETS, type TilePlan, type TileSheetName } from '../print/tile-plan.js';
import { tilePoster } from '../print/tile-poster.js';
import { loadRecord } from '../record/load.js';
import type { CaseFile } from '../record/schema.js';
import { brandOf, type ResolvedTheme } from '../theme/load.js';
import { qrCode } from '../dossier/qr-code.js';
import { pageMounts, printOptions, recordQrUrl, type QrLink } from './dossier.js';

/** The smallest shrink factor tried before giving up, and how finely the best fit is searched for. */
export const MIN_FIT = 0.5;
export const FIT_SEARCH_STEPS = 4;

export interface PosterRenderOptions {
  size?: PosterSizeName;
  landscape?: boolean;
  bleedMm?: number;
  cropMarks?: boolean;
  templatesDir?: string;
  /** The site's theme (colours, fonts, brand, logo). */
  theme?: ResolvedTheme;
  dataDir?: string;
  date?: Date;
  timeoutMs?: number;
  /** A QR code to the record's web page in the poster's footer. */
  qr?: QrLink;
}

/** Poster modules: 0.9 mm at A2 (a 37 mm code), big enough to scan from a step or two away from the wall. */
export const POSTER_QR_MODULE_MM = 0.9;

export interface PosterRender {
  pdf: Uint8Array;
  html: string;
  /** The shrink factor the poster needed to fit (1 = as designed). */
  fit: number;
  blockedRequests: string[];
}

export async function renderPoster(
  browser: PageOpener,
  record: CaseFile,
  options: PosterRenderOptions & { templates?: TemplateSet } = {},
): Promise<PosterRender> {
  const templates = options.templates ?? (await loadTemplates(options.templatesDir));
  const dataDir = options.dataDir ?? 'data';
  const size = options.size ?? 'a2';
  const page = sheetGeometry(size, POSTER_SIZES[size], options.landscape ?? false, printOptions(options));
  const existingSlugs = await existingRelatedSlugs(record, dataDir);
  const blocked: string[] = [];
  const qr = options.qr ? qrCode(recordQrUrl(record, options.qr), { moduleMm: POSTER_QR_MODULE_MM * page.scale }) : undefined;

  // One print at a given shrink factor; it fits when Chromium needed a single page.
  const attempt = async (fit: number) => {
    const html = await renderDossierHtml(record, { templates, page, existingSlugs, layout: 'poster', fit, ...(qr ? { qr } : {}), ...(options.theme ? { theme: options.theme } : {}) });
    const { pdf, log } = await renderPdf(browser, html, {
      page,
      mounts: pageMounts(templates, dataDir),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    blocked.push(...log.blocked);
    const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    return pages === 1 ? { fit, html, pdf } : undefined;
  };

  // As designed if it fits; otherwise the largest size that fits, by bisection.
  let best = await attempt(1);
  if (!best) {
    best = await attempt(MIN_FIT);
    if (!best) {
      throw new CasefileError(
        'E_RENDER',
        `the record ${record.slug} does not fit one ${size} poster even at ${MIN_FIT * 100}% size; choose a bigger --size`,
      );
    }
    let [low, high] = [MIN_FIT, 1];
    for (let step = 0; step < FIT_SEARCH_STEPS; step += 1) {
      const middle = Math.round(((low + high) / 2) * 1000) / 1000;
      const result = await attempt(middle);
      if (result) [best, low] = [result, middle];
      else high = middle;
    }
  }
  const finished = await finishPdf(best.pdf, { record, page, kind: 'poster', date: options.date ?? documentDate(), ...brandOf(options.theme) });
  return { pdf: finished, html: best.html, fit: best.fit, blockedRequests: blocked };
}

/** Splits a one-page poster over printer pages; returns the PDF and the plan it followed. */
export async function tilePosterPdf(
  posterPdf: Uint8Array,
  record: CaseFile,
  sheet: TileSheetName,
  options: { date?: Date; theme?: ResolvedTheme } = {},
): Promise<{ pdf: Uint8Array; plan: TilePlan; marks: { x: number; y: number }[][] }> {
  const info = documentInfoFor(record, { kind: 'poster', date: options.date ?? documentDate(), ...brandOf(options.theme) });
  const tiled = await tilePoster(posterPdf, TILE_SHEETS[sheet], { title: `${info.title}  ·  ${options.theme ? 'poster tiles' : 'casefile poster tiles'}` });
  setDocumentInfo(tiled.doc, { ...info, title: `${info.title} (tiled on ${sheet})` });
  return { pdf: await saveDeterministic(tiled.doc), plan: tiled.plan, marks: tiled.marks };
}

export interface MakePosterOptions extends PosterRenderOptions {
  outDir?: string;
  /** Split over these home-printer pages instead of writing the one big sheet. */
  tile?: TileSheetName;
  browser?: PageOpener;
  launch?: LaunchOptions;
  /** Connect to this running browser (DevTools WebSocket URL) instead of launching one. */
  browserWs?: string;
}

export interface MadePoster {
  slug: string;
  source: string;
  output: string;
  bytes: number;
  fit: number;
  /** How many printer pages, when tiled. */
  tiles?: number;
  blockedRequests: string[];
}

export function posterOutputPath(outDir: string, slug: string, size: PosterSizeName, tile?: TileSheetName): string {
  return resolveInside(outDir, `${slug}-poster-${size}${tile ? `-tiles-${tile}` : ''}.pdf`, 'output');
}

export async function makePoster(reference: string, options: MakePosterOptions = {}): Promise<MadePoster> {
  const dataDir = options.dataDir ?? 'data';
  const { record, file } = await loadRecord(reference, { dataDir });
  const templates = await loadTemplates(options.templatesDir);
  const date = options.date ?? documentDate();
  const size = options.size ?? 'a2';
  const output = posterOutputPath(options.outDir ?? 'out', record.slug, size, options.tile);

  const render = (browser: PageOpener) => renderPoster(browser, record, { ...options, dataDir, templates, date, size });
  const result = options.browser ? await render(options.browser) : await withPrintTarget({ ...(options.launch ? { launch: options.launch } : {}), ...(options.browserWs ? { browserWs: options.browserWs } : {}) }, render);
  const tiled = options.tile ? await tilePosterPdf(result.pdf, record, options.tile, { date, ...(options.theme ? { theme: options.theme } : {}) }) : undefined;
  const pdf = tiled?.pdf ?? result.pdf;

  await writeFileAtomic(output, pdf);
  return {
    slug: record.slug,
    source: file,
    output,
    bytes: pdf.byteLength,
    fit: result.fit,
    ...(tiled ? { tiles: tiled.plan.tiles.length } : {}),
    blockedRequests: result.blockedRequests,
  };
}
