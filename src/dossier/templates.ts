/**
 * Finding and compiling the dossier's Handlebars templates. A user's --templates folder
 * overrides built-in files of the same name and may add partials of its own; everything
 * it does not override falls back to the built-in set.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { CasefileError } from '../errors.js';
import { BUILTIN_TEMPLATES_DIR } from '../paths.js';
import { resolveInside } from '../output/safe-path.js';

/**
 * The page layouts: the paged dossier and the one-sheet wall poster, which share the partials, and
 * the compact dossier's running headers, printed apart and laid over its pages.
 */
export const LAYOUT_FILES = { dossier: 'dossier.hbs', poster: 'poster.hbs', 'running-headers': 'running-headers.hbs' } as const;
export type LayoutName = keyof typeof LAYOUT_FILES;
export const PARTIALS_DIR = 'partials';

export interface TemplateSet {
  /** Folders searched in order: the user's (if any), then the built-in one. */
  dirs: string[];
  render(context: object, layout?: LayoutName): string;
}

async function listPartials(dir: string): Promise<string[]> {
  try {
    return (await readdir(path.join(dir, PARTIALS_DIR))).filter((name) => name.endsWith('.hbs'));
  } catch {
    return [];
  }
}

/** The first folder holding `relative`, checked to stay inside that folder. */
async function readFirst(dirs: string[], relative: string): Promise<{ file: string; source: string }> {
  for (const dir of dirs) {
    const file = resolveInside(dir, relative, 'template');
    try {
      return { file, source: await readFile(file, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new CasefileError('E_TEMPLATE', `template ${relative} not found in ${dirs.join(' or ')}`);
}

/** Handlebars reports "Parse error on line N"; casefile adds the file so the designer can go there. */
function templateError(file: string, error: unknown): CasefileError {
  // A partial's own error already names its file; the layout that included it must not rename it.
  if (error instanceof CasefileError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message)?.[1];
  const firstLine = message.split('\n')[0] ?? message;
  const detail = message.includes('\n') ? `: ${message.split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim()}` : '';
  return new CasefileError('E_TEMPLATE', `${file}${line ? `:${line}` : ''}: ${firstLine}${detail}`, {
    file,
    ...(line ? { line: Number(line) } : {}),
    cause: error,
  });
}

function compile(env: typeof Handlebars, file: string, source: string): Handlebars.TemplateDelegate {
  try {
    // parse first: compile() is lazy and would only fail at render time, without the file name.
    env.parse(source);
    return env.compile(source, { strict: false, noEscape: false, preventIndent: true });
  } catch (error) {
    throw templateError(file, error);
  }
}

export async function loadTemplates(userDir?: string): Promise<TemplateSet> {
  const dirs = userDir ? [path.resolve(userDir), BUILTIN_TEMPLATES_DIR] : [BUILTIN_TEMPLATES_DIR];
  // Loaded here, not with this module: the site build imports it even when it prints no dossier.
  const [{ default: Handlebars }, { HELPERS }] = await Promise.all([import('handlebars'), import('./helpers.js')]);
  const env = Handlebars.create();
  env.registerHelper(HELPERS);

  const partialNames = new Set((await Promise.all(dirs.map(listPartials))).flat());
  const partialFiles = new Map<string, string>();
  for (const name of partialNames) {
    const { file, source } = await readFirst(dirs, path.join(PARTIALS_DIR, name));
    const partialName = name.slice(0, -'.hbs'.length);
    partialFiles.set(partialName, file);
    const partial = compile(env, file, source);
    // Wrapped so an error while rendering the partial (a missing helper, a bad lookup) names its file.
    const named: Handlebars.TemplateDelegate = (context, options) => {
      try {
        return partial(context, options);
      } catch (error) {
        throw templateError(file, error);
      }
    };
    env.registerPartial(partialName, named);
  }
  const layouts = new Map<LayoutName, { file: string; template: Handlebars.TemplateDelegate }>();
  for (const [name, relative] of Object.entries(LAYOUT_FILES) as [LayoutName, string][]) {
    const layout = await readFirst(dirs, relative);
    layouts.set(name, { file: layout.file, template: compile(env, layout.file, layout.source) });
  }

  return {
    dirs,
    render(context, name = 'dossier') {
      const layout = layouts.get(name)!;
      try {
        return layout.template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        const partial = /partial (\S+)/.exec(error instanceof Error ? error.message : '')?.[1];
        throw templateError((partial && partialFiles.get(partial)) ?? layout.file, error);
      }
    },
  };
}
