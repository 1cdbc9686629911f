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
}

export async function computeFingerprint(userTemplatesDir?: string): Promise<Fingerprint> {
  // dist/ when installed; src/ when run from source (tests): either way, the code that renders.
  const codeDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const [code, fonts, builtin, user] = await Promise.all([
    hashTree(codeDir),
    hashTree(FONTS_DIR),
    hashTree(BUILTIN_TEMPLATES_DIR),
    userTemplatesDir ? hashTree(path.resolve(userTemplatesDir)) : Promise.resolve(''),
  ]);
  return { engine: sha256(VERSION, code, fonts, path.relative(PACKAGE_ROOT, codeDir)), templates: sha256(builtin, user) };
}
