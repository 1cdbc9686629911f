// The peers casefile is measured against, each doing the same job the usual way.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { chromiumArgs } from '../dist/browser/launch.js';
import { PAGE_ORIGIN } from '../dist/browser/serve.js';
import { renderDossierHtml, MOUNTS, existingRelatedSlugs } from '../dist/dossier/html.js';
import { pageGeometry } from '../dist/dossier/paper.js';
import { BUILTIN_TEMPLATES_DIR, FONTS_DIR } from '../dist/paths.js';

/** Dossier HTML files that a browser can open straight from disk: asset URLs point at the files. */
export async function writeDossierHtmlFiles(records, templates, dataDir, dir) {
  mkdirSync(dir, { recursive: true });
  const mounts = { [MOUNTS.builtin]: BUILTIN_TEMPLATES_DIR, [MOUNTS.theme]: templates.dirs[0], [MOUNTS.fonts]: FONTS_DIR, [MOUNTS.data]: dataDir };
  const files = [];
  for (const record of records) {
    let html = await renderDossierHtml(record, { templates, page: pageGeometry('a4'), existingSlugs: await existingRelatedSlugs(record, dataDir) });
    for (const [mount, folder] of Object.entries(mounts)) {
      html = html.replaceAll(`${PAGE_ORIGIN}/assets/${mount}/`, `${pathToFileURL(folder).href}/`);
    }
    const file = path.join(dir, `${record.slug}.html`);
    writeFileSync(file, html);
    files.push(file);
  }
  return files;
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

/** One `chromium --headless --print-to-pdf` process per dossier, `concurrency` at a time. */
export async function printWithChromiumProcesses(chromium, htmlFiles, outDir, concurrency) {
  mkdirSync(outDir, { recursive: true });
  const limit = pLimit(concurrency);
  await Promise.all(
    htmlFiles.map((file, index) =>
      limit(() => {
        const profile = path.join(os.tmpdir(), `casefile-bench-profile-${process.pid}-${index}`);
        return run(chromium, [
          '--headless',
          ...chromiumArgs(),
          '--allow-file-access-from-files',
          '--no-pdf-header-footer',
          `--user-data-dir=${profile}`,
          `--print-to-pdf=${path.join(outDir, `${path.basename(file, '.html')}.pdf`)}`,
          pathToFileURL(file).href,
        ]);
      }),
    ),
  );
}
