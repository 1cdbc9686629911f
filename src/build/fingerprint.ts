/**
 * What every output of this casefile install depends on besides its record and options:
 * the version, the code that renders (dist/), the fonts and the templates. Computed once per build.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_TEMPLATES_DIR, FONTS_DIR, PACKAGE_ROOT } from '../paths.js';
import { VERSION } from '../version.js';
import { hashTree, sha256 } from './hash.js';

export interface Fingerprint {
  /** Code, fonts and version: shared by dossiers and cards. */
  engine: string;
  /** The templates in use (built-in, plus the user's folder when given). */
  templates: string;
  /** The user's card layouts folder ('' for none). */
  layouts: string;
}

export interface FingerprintSources {
  version: string;
  /** dist/ when installed, src/ when run from source (tests): either way, the code that renders. */
  codeDir: string;
  fontsDir: string;
  builtinTemplatesDir: string;
  userTemplatesDir?: string;
  userLayoutsDir?: string;
}

export function installedSources(userTemplatesDir?: string, userLayoutsDir?: string): FingerprintSources {
  return {
    version: VERSION,
    codeDir: path.dirname(path.dirname(fileURLToPath(import.meta.url))),
    fontsDir: FONTS_DIR,
    builtinTemplatesDir: BUILTIN_TEMPLATES_DIR,
    ...(userTemplatesDir ? { userTemplatesDir: path.resolve(userTemplatesDir) } : {}),
    ...(userLayoutsDir ? { userLayoutsDir: path.resolve(userLayoutsDir) } : {}),
  };
}

export async function computeFingerprint(sources: FingerprintSources): Promise<Fingerprint> {
  const [code, fonts, builtin, user, layouts] = await Promise.all([
    hashTree(sources.codeDir),
    hashTree(sources.fontsDir),
    hashTree(sources.builtinTemplatesDir),
    sources.userTemplatesDir ? hashTree(sources.userTemplatesDir) : Promise.resolve(''),
    sources.userLayoutsDir ? hashTree(sources.userLayoutsDir) : Promise.resolve(''),
  ]);
  return {
    engine: sha256(sources.version, code, fonts, path.relative(PACKAGE_ROOT, sources.codeDir)),
    templates: sha256(builtin, user),
    layouts,
  };
}
