/**
 * The wall poster: the whole record on one large sheet (A2 by default), optionally split over
 * home-printer pages. Same stages as the dossier, with the poster layout; a record too long
 * for the sheet is shrunk to the largest size that fits on one page, found by laying it out
 * (not by printing it over and over), then printed once.
 */
import type { LaunchOptions } from '../browser/launch.js';
import { createPagePool } from '../browser/page-pool.js';
import { withPrintTarget, type PageOpener } from '../browser/target.js';
import { CasefileError } from '../errors.js';
import { documentDate, documentInfoFor, saveDeterministic, setDocumentInfo } from '../dossier/document-info.js';
import { finishPdf, loadChromiumPdf } from '../dossier/finish.js';
import { existingRelatedSlugs, renderDossierHtml } from '../dossier/html.js';
import { sheetGeometry } from '../dossier/paper.js';
import { renderPdf } from '../dossier/pdf.js';
import { measureFit } from '../dossier/poster-fit.js';
import { loadTemplates, type TemplateSet } from '../dossier/templates.js';
import { writeFileAtomic } from '../output/atomic.js';
import { resolveInside } from '../output/safe-path.js';
import { POSTER_SIZES, type PosterSizeName } from '../print/poster-sizes.js';
import { TILE_SHEETS, type TilePlan, type TileSheetName } from '../print/tile-plan.js';
import { tilePoster } from '../print/tile-poster.js';
import { loadRecord } from '../record/load.js';
import type { CaseFile } from '../record/schema.js';
import type { SectionId } from '../record/sections.js';
import { brandOf, type ResolvedTheme } from '../theme/load.js';
import { qrCode } from '../dossier/qr-code.js';
import { DEFAULTS } from '../settings/defaults.js';
import { pageMounts, printMarks, recordQrUrl, type QrLink } from './dossier.js';

/** The smallest shrink factor tried before giving up, and how finely the best fit is searched for (by layout, not print). */
export const MIN_FIT = 0.5;
export const FIT_SEARCH_STEPS = 8;
/** Should the print disagree with the layout (a page more than measured), shrink by this and print again. */
export const FIT_BACKOFF = 0.02;

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
  /** How many times Chromium printed it (1 unless the layout measurement was off). */
  prints: number;
  blockedRequests: string[];
}

export async function renderPoster(
  opener: PageOpener,
  record: CaseFile,
  options: PosterRenderOptions & { templates?: TemplateSet } = {},
): Promise<PosterRender> {
  const templates = options.templates ?? (await loadTemplates(options.templatesDir));
  const dataDir = options.dataDir ?? DEFAULTS.dataDir;
  const size = options.size ?? DEFAULTS.posterSize;
  const page = sheetGeometry(size, POSTER_SIZES[size], options.landscape ?? DEFAULTS.landscape, printMarks(options));
  const existingSlugs = await existingRelatedSlugs(record, dataDir);
  const blocked: string[] = [];
  const mounts = pageMounts(templates, dataDir);
  const timeoutMs = options.timeoutMs ?? DEFAULTS.posterTimeoutMs;
  const qr = options.qr ? qrCode(recordQrUrl(record, options.qr), { moduleMm: POSTER_QR_MODULE_MM * page.scale }) : undefined;
  const htmlAt = (fit: number, runOn?: ReadonlySet<SectionId>) =>
    renderDossierHtml(record, { templates, page, existingSlugs, layout: 'poster', fit, ...(runOn ? { runOn } : {}), ...(qr ? { qr } : {}), ...(options.theme ? { theme: options.theme } : {}) });
  const tooBig = () =>
    new CasefileError('E_RENDER', `the record ${record.slug} does not fit one ${size} poster even at ${MIN_FIT * 100}% size; choose a bigger --size`);
  // Measuring and printing share one warm page.
  const pages = createPagePool(opener, { maxIdle: 1 });
  try {
    const measured = await measureFit(pages, await htmlAt(1), page, mounts, { min: MIN_FIT, steps: FIT_SEARCH_STEPS, timeoutMs });
    if (measured === undefined) throw tooBig();
    let { fit } = measured;
    let prints = 0;
    for (;;) {
      const html = await htmlAt(fit, measured.runOn);
      const { pdf, log } = await renderPdf(opener, html, { page, mounts, timeoutMs, pages });
      prints += 1;
      blocked.push(...log.blocked);
      const doc = await loadChromiumPdf(pdf);
      if (doc.getPageCount() === 1) {
        const finished = await finishPdf(doc, { record, page, kind: 'poster', date: options.date ?? documentDate(), ...brandOf(options.theme) });
        return { pdf: finished, html, fit, prints, blockedRequests: blocked };
      }
      if (fit <= MIN_FIT) throw tooBig();
      fit = Math.max(MIN_FIT, Math.floor((fit - FIT_BACKOFF) * 1000) / 1000);
    }
  } finally {
    await pages.close();
  }
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
  /** The data folder's slugs, read once by a caller printing several records (a page text's bare arrows link to them). */
  knownSlugs?: ReadonlySet<string>;
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
  const dataDir = options.dataDir ?? DEFAULTS.dataDir;
  const { record, file } = await loadRecord(reference, { dataDir, ...(options.knownSlugs ? { knownSlugs: options.knownSlugs } : {}) });
  const templates = await loadTemplates(options.templatesDir);
  const date = options.date ?? documentDate();
  const size = options.size ?? DEFAULTS.posterSize;
  const output = posterOutputPath(options.outDir ?? DEFAULTS.outDir, record.slug, size, options.tile);

  const render = (opener: PageOpener) => renderPoster(opener, record, { ...options, dataDir, templates, date, size });
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
