/** Record → dossier or poster HTML string. No browser, no file writes: the templates do the layout. */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fontFaceCss } from '../fonts/registry.js';
import { existingRecordFiles } from '../record/data-folder.js';
import type { CaseFile } from '../record/schema.js';
import type { SectionId } from '../record/sections.js';
import { VERSION } from '../version.js';
import { ASSET_BASE, assetUrl } from '../browser/serve.js';
import { dossierContext } from './context.js';
import type { PageGeometry } from './paper.js';
import type { DossierFlow } from './flow.js';
import type { ContentsPages } from './contents-pages.js';
import type { QrCode } from './qr-code.js';
import type { RunningHeader } from './running-headers.js';
import type { LayoutName, TemplateSet } from './templates.js';
import type { ResolvedTheme } from '../theme/load.js';
import { dossierPalette, dossierTheme } from '../theme/dossier.js';

export const STYLESHEET = 'dossier.css';
/** The poster adds its own sheet on top of the dossier's. */
export const POSTER_STYLESHEET = 'poster.css';

/** Mount names the page's asset URLs use; see browser/serve.ts. */
export const MOUNTS = { builtin: 'builtin', theme: 'theme', fonts: 'fonts', data: 'data' } as const;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** For each built-in stylesheet: the built-in one, then the user's own of the same name if their folder has it. */
export async function stylesheetUrls(templates: TemplateSet, layout: LayoutName = 'dossier', assetBase = ASSET_BASE): Promise<string[]> {
  const names = layout === 'poster' ? [STYLESHEET, POSTER_STYLESHEET] : [STYLESHEET];
  const userDir = templates.dirs.length > 1 ? templates.dirs[0] : undefined;
  const urls: string[] = [];
  for (const name of names) {
    urls.push(assetUrl(MOUNTS.builtin, name, assetBase));
    if (userDir && (await exists(path.join(userDir, name)))) urls.push(assetUrl(MOUNTS.theme, name, assetBase));
  }
  return urls;
}

/** Slugs of related specimens whose records (`.json` or `.txt`) sit in the data folder: their dossiers get linked. */
export async function existingRelatedSlugs(record: CaseFile, dataDir: string): Promise<Set<string>> {
  const slugs = record.sections['related-specimens'].items.flatMap((item) => (item.slug ? [item.slug] : []));
  const found = await Promise.all(slugs.map(async (slug) => ((await existingRecordFiles(dataDir, slug)).length > 0 ? slug : undefined)));
  return new Set(found.filter((slug): slug is string => slug !== undefined));
}

export interface DossierHtmlOptions {
  templates: TemplateSet;
  page: PageGeometry;
  /** The template set: the dossier (default) or the poster. */
  layout?: LayoutName;
  existingSlugs?: ReadonlySet<string>;
  fit?: number;
  runOn?: ReadonlySet<SectionId>;
  qr?: QrCode;
  theme?: ResolvedTheme;
  flow?: DossierFlow;
  /** A printed dossier's contents: the page each section begins on. */
  contentsPages?: ContentsPages;
  /**
   * Where the fonts and stylesheets are fetched from: the print page's own origin unless the HTML
   * is shown somewhere else that serves the same mounts (the preview, at `/assets/`).
   */
  assetBase?: string;
}

export async function renderDossierHtml(record: CaseFile, options: DossierHtmlOptions): Promise<string> {
  const layout = options.layout ?? 'dossier';
  const assetBase = options.assetBase ?? ASSET_BASE;
  const context = dossierContext(record, {
    page: options.page,
    fontFaces: fontFaceCss((file) => assetUrl(MOUNTS.fonts, file, assetBase)),
    stylesheets: await stylesheetUrls(options.templates, layout, assetBase),
    // A themed document carries the site's name, not casefile's.
    generator: options.theme ? dossierTheme(options.theme).name : `casefile ${VERSION}`,
    palette: dossierPalette(options.theme),
    ...(options.theme ? { theme: dossierTheme(options.theme) } : {}),
    ...(options.existingSlugs ? { existingSlugs: options.existingSlugs } : {}),
    ...(options.fit === undefined ? {} : { fit: options.fit }),
    ...(options.runOn ? { runOn: options.runOn } : {}),
    ...(options.qr ? { qr: options.qr } : {}),
    ...(options.flow ? { flow: options.flow } : {}),
    ...(options.contentsPages ? { contentsPages: options.contentsPages } : {}),
  });
  return options.templates.render(context, layout);
}

/** The compact dossier's running headers as HTML: one page per dossier page, nothing but the header. */
export function renderRunningHeadersHtml(
  record: CaseFile,
  headers: RunningHeader[],
  options: { templates: TemplateSet; page: PageGeometry; theme?: ResolvedTheme },
): string {
  const context = dossierContext(record, {
    page: options.page,
    fontFaces: fontFaceCss((file) => assetUrl(MOUNTS.fonts, file)),
    stylesheets: [],
    generator: `casefile ${VERSION}`,
    palette: dossierPalette(options.theme),
    flow: 'compact',
  });
  return options.templates.render({ ...context, runningHeaders: headers }, 'running-headers');
}
