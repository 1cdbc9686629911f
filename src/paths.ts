import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The installed package's root: src/ and dist/ sit at the same depth beneath it. */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const BUILTIN_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const FONTS_DIR = path.join(PACKAGE_ROOT, 'fonts');
export const SCHEMA_FILE = path.join(PACKAGE_ROOT, 'docs', 'record.schema.json');
