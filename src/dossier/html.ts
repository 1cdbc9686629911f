/** Record → dossier HTML string. No browser, no file writes: the templates do the layout. */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fontFaceCss } from '../fonts/registry.js';
import type { CaseFile } from '../record/schema.js';
import { VERSION } from '../version.js';
import { assetUrl } from '../browser/serve.js';
import { dossierContext } from './context.js';
import type { PageGeometry } from './paper.js';
import type { TemplateSet } from './templates.js';

export const STYLESHEET = 'dossier.css';

/** Mount names the page's asset URLs use; see browser/serve.ts. */
export const MOUNTS = { builtin: 'builtin', theme: 'theme', fonts: 'fonts', data: 'data' } as const;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The built-in stylesheet first, then the user's own dossier.css if their templates folder has one. */
export async function stylesheetUrls(templates: TemplateSet): Promise<string[]> {
  const urls = [assetUrl(MOUNTS.builtin, STYLESHEET)];
  const userDir = templates.dirs.length > 1 ? templates.dirs[0] : undefined;
  if (userDir && (await exists(path.join(userDir, STYLESHEET)))) urls.push(assetUrl(MOUNTS.theme, STYLESHEET));
  return urls;
}

export async function renderDossierHtml(
  record: CaseFile,
  options: { templates: TemplateSet; page: PageGeometry },
): Promise<string> {
  const context = dossierContext(record, {
    page: options.page,
    fontFaces: fontFaceCss((file) => assetUrl(MOUNTS.fonts, file)),
    stylesheets: await stylesheetUrls(options.templates),
    generator: `casefile ${VERSION}`,
  });
  return options.templates.render(context);
}
