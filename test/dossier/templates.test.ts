/** Templates as a user's tool: overrides with fallback, errors that name the file and line, escaping kept. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDossierHtml, stylesheetUrls } from '../../src/dossier/html.js';
import { pageGeometry } from '../../src/dossier/paper.js';
import { loadTemplates } from '../../src/dossier/templates.js';
import type { CaseFile } from '../../src/record/schema.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const record = loadDataRecord('lead-infrastructure-engineer');
const page = pageGeometry('a4');

function userTemplates(files: Record<string, string>): string {
  const dir = tempDir('casefile-templates-');
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), source);
  }
  return dir;
}

describe('--templates DIR', () => {
  it('uses the user\'s partial and falls back to the built-in ones for the rest', async () => {
    const dir = userTemplates({ 'partials/habitat.hbs': '<p class="our-habitat">Spotted in: {{#each data.places}}{{this}}; {{/each}}</p>\n' });
    const html = await renderDossierHtml(record, { templates: await loadTemplates(dir), page });
    expect(html).toContain('<p class="our-habitat">Spotted in: Large, bureaucratic enterprises');
    expect(html).not.toContain('class="habitat"');
    expect(html).toContain('<svg class="org-chart-svg"');
    expect(html).toContain('class="salary-scale"');
  });

  it('adds the user\'s dossier.css after the built-in one', async () => {
    const dir = userTemplates({ 'dossier.css': '.role-title { color: green; }' });
    const templates = await loadTemplates(dir);
    const urls = await stylesheetUrls(templates);
    expect(urls).toEqual(['https://casefile.invalid/assets/builtin/dossier.css', 'https://casefile.invalid/assets/theme/dossier.css']);
    expect(await stylesheetUrls(await loadTemplates())).toEqual(['https://casefile.invalid/assets/builtin/dossier.css']);
  });

  it('names the template file and line of a syntax error', async () => {
    const dir = userTemplates({ 'partials/salary.hbs': '<p>fine</p>\n<p>still fine</p>\n{{#each data.items}}\n<p>{{name}</p>\n' });
    const failure = await loadTemplates(dir).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'E_TEMPLATE', file: path.join(dir, 'partials', 'salary.hbs'), line: 4 });
    expect(String((failure as Error).message)).toContain(`${path.join(dir, 'partials', 'salary.hbs')}:4:`);
  });

  it('names the partial whose rendering failed', async () => {
    const dir = userTemplates({ 'partials/weaponry.hbs': '<p>{{noSuchHelper data.items}}</p>\n' });
    const templates = await loadTemplates(dir);
    const failure = await renderDossierHtml(record, { templates, page }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'E_TEMPLATE', file: path.join(dir, 'partials', 'weaponry.hbs') });
    expect(String((failure as Error).message)).toContain('noSuchHelper');
  });

  it('keeps record text escaped in HTML and in the CSS of the running header', async () => {
    const hostile = structuredClone(record) as CaseFile;
    hostile.title = 'Evil"; } @page { margin: 0 } </style><script>alert(1)</script>';
    hostile.sections.habitat.places = ['<img src="https://example.com/x.png">'];
    const html = await renderDossierHtml(hostile, { templates: await loadTemplates(), page });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src="https://example.com');
    expect(html).toContain('&lt;img src');
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).not.toContain('</style');
    expect(style).not.toContain('Evil"');
    expect(style).toContain('Evil\\22 ');
  });

  it('references nothing outside the page\'s own origin', async () => {
    const html = await renderDossierHtml(record, { templates: await loadTemplates(), page });
    const urls = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"|url\("([^"]+)"\)/g)].map((match) => match[1] ?? match[2]!);
    const external = urls.filter((url) => !url.startsWith('https://casefile.invalid/assets/') && !/^[a-z0-9-]+\.pdf$/.test(url));
    expect(external).toEqual([]);
    expect(urls.length).toBeGreaterThan(5);
  });
});
