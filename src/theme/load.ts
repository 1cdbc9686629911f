/**
 * A theme from casefile.config.json's `theme` or from a `--theme FILE`, checked and resolved:
 * colours normalised, the logo read (relative to the file that names it), and a hash of the
 * lot for the build cache and the preview's ETags.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../site/hash.js';
import { CasefileError } from '../errors.js';
import { checkJsonFile, locateIn, type CheckedFile } from '../record/schema-file.js';
import type { PathSegment } from '../record/json-path.js';
import { normalizeHex } from './colour.js';
import { loadLogo, type Logo } from './logo.js';
import { ThemeSchema, type Theme, type ThemeColours, type ThemeFonts } from './schema.js';

/** A theme ready to use: plain data, so it crosses to card workers as is. */
export interface ResolvedTheme {
  name?: string;
  tagline?: string;
  site?: string;
  url?: string;
  colors: Partial<ThemeColours>;
  fonts: Partial<ThemeFonts>;
  logo?: Logo;
  /** Of every value above and the logo's bytes: what outputs depend on. */
  hash: string;
}

export async function resolveTheme(theme: Theme, source: Pick<CheckedFile<unknown>, 'file' | 'locate'>, at: readonly PathSegment[]): Promise<ResolvedTheme> {
  const colors = Object.fromEntries(Object.entries(theme.colors ?? {}).map(([key, value]) => [key, normalizeHex(value)])) as Partial<ThemeColours>;
  const logo = theme.logo
    ? await loadLogo(path.resolve(path.dirname(path.resolve(source.file)), theme.logo), locateIn(source, [...at, 'logo']))
    : undefined;
  const plain = {
    ...(theme.name ? { name: theme.name } : {}),
    ...(theme.tagline ? { tagline: theme.tagline } : {}),
    ...(theme.site ? { site: theme.site } : {}),
    ...(theme.url ? { url: theme.url } : {}),
    colors,
    fonts: { ...theme.fonts },
  };
  return { ...plain, ...(logo ? { logo } : {}), hash: sha256(JSON.stringify(plain), logo?.dataUri ?? '') };
}

/** What a themed output calls the site: its name, else its site line, else ''. */
export function brandName(theme: ResolvedTheme): string {
  return theme.name ?? theme.site ?? '';
}

/** `{ brand }` for the PDF's document info: the themed site's brand name, nothing when unthemed. */
export function brandOf(theme: ResolvedTheme | undefined): { brand?: string } {
  return theme ? { brand: brandName(theme) } : {};
}

/** `--theme FILE`: a JSON file holding the same object as the config's `theme`. */
export async function loadThemeFile(file: string): Promise<ResolvedTheme> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CasefileError('E_NOT_FOUND', `cannot read theme ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file });
  }
  const checked = checkJsonFile(text, file, ThemeSchema);
  return resolveTheme(checked.value, checked, []);
}
