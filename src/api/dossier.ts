/**
 * The dossier pipeline end to end: load → validate → lay out (HTML) → render (PDF) → write.
 * Everything that can be checked is checked before a browser starts.
 */
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { withBrowser, type LaunchOptions } from '../browser/launch.js';
import type { AssetMounts } from '../browser/serve.js';
import { renderDossierHtml, MOUNTS } from '../dossier/html.js';
import { pageGeometry, type PaperName } from '../dossier/paper.js';
import { renderPdf } from '../dossier/pdf.js';
import { loadTemplates, type TemplateSet } from '../dossier/templates.js';
import { writeFileAtomic } from '../output/atomic.js';
import { resolveInside } from '../output/safe-path.js';
import { BUILTIN_TEMPLATES_DIR, FONTS_DIR } from '../paths.js';
import { loadRecord } from '../record/load.js';
import type { CaseFile } from '../record/schema.js';

export interface DossierRenderOptions {
  paper?: PaperName;
  landscape?: boolean;
  /** A folder of the user's own templates; built-in ones fill in the rest. */
  templatesDir?: string;
  /** Where record-relative assets (images) are served from. */
  dataDir?: string;
  timeoutMs?: number;
}

export interface DossierRender {
  pdf: Uint8Array;
  html: string;
  /** Requests the page tried that casefile refused. */
  blockedRequests: string[];
}

function pageMounts(templates: TemplateSet, dataDir: string): AssetMounts {
  return {
    [MOUNTS.builtin]: BUILTIN_TEMPLATES_DIR,
    [MOUNTS.theme]: templates.dirs[0]!,
    [MOUNTS.fonts]: FONTS_DIR,
    [MOUNTS.data]: path.resolve(dataDir),
  };
}

/** A validated record to PDF bytes, in a browser the caller owns. */
export async function renderDossier(
  browser: Browser,
  record: CaseFile,
  options: DossierRenderOptions & { templates?: TemplateSet } = {},
): Promise<DossierRender> {
  const templates = options.templates ?? (await loadTemplates(options.templatesDir));
  const page = pageGeometry(options.paper ?? 'a4', options.landscape ?? false);
  const html = await renderDossierHtml(record, { templates, page });
  const { pdf, log } = await renderPdf(browser, html, {
    page,
    mounts: pageMounts(templates, options.dataDir ?? 'data'),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return { pdf, html, blockedRequests: log.blocked };
}

export interface MakeDossierOptions extends DossierRenderOptions {
  dataDir?: string;
  outDir?: string;
  /** Reuse a running browser; otherwise one is launched and closed for this dossier. */
  browser?: Browser;
  launch?: LaunchOptions;
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
  const dataDir = options.dataDir ?? 'data';
  const outDir = options.outDir ?? 'out';
  const { record, file } = await loadRecord(reference, { dataDir });
  const templates = await loadTemplates(options.templatesDir);
  const output = dossierOutputPath(outDir, record.slug);

  const render = (browser: Browser) => renderDossier(browser, record, { ...options, dataDir, templates });
  const result = options.browser ? await render(options.browser) : await withBrowser(options.launch ?? {}, render);

  await writeFileAtomic(output, result.pdf);
  return { slug: record.slug, source: file, output, bytes: result.pdf.byteLength, blockedRequests: result.blockedRequests };
}
