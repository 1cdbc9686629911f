/**
 * What decides whether an output is fresh, for the build cache and the preview's ETags alike:
 * the install's fingerprint (the version, the code that renders, the fonts, the templates and
 * layouts; computed once per build) and, per output, the hash of everything it is made from.
 * An output whose inputs hash is unchanged is the same file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { takumiVersion } from '../cards/engines/takumi.js';
import type { CardJob } from '../cards/plan.js';
import type { DossierFlow } from '../dossier/flow.js';
import type { PaperName } from '../dossier/paper.js';
import { BUILTIN_TEMPLATES_DIR, FONTS_DIR, PACKAGE_ROOT } from '../paths.js';
import type { CaseFile } from '../record/schema.js';
import type { ResolvedTheme } from '../theme/load.js';
import { VERSION } from '../version.js';
import { canonicalJson, sha256 } from './hash.js';
import { rememberedTreeHash, type TreeMemory } from './tree-hash.js';

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

/** Each folder's hash and stamps, by absolute path, as a build's cache remembers them (tree-hash.ts). */
export type TreeMemories = Record<string, TreeMemory>;

/**
 * The fingerprint, and what to remember of each folder hashed for it: a folder whose files all
 * keep the stamps `remembered` has for it is not read again.
 */
export async function rememberedFingerprint(sources: FingerprintSources, remembered: TreeMemories): Promise<{ fingerprint: Fingerprint; trees: TreeMemories }> {
  const trees: TreeMemories = {};
  const treeHash = async (dir: string | undefined): Promise<string> => {
    if (dir === undefined) return '';
    const memory = await rememberedTreeHash(dir, remembered[dir]);
    trees[dir] = memory;
    return memory.hash;
  };
  const [code, fonts, builtin, user, layouts] = await Promise.all([
    treeHash(sources.codeDir),
    treeHash(sources.fontsDir),
    treeHash(sources.builtinTemplatesDir),
    treeHash(sources.userTemplatesDir),
    treeHash(sources.userLayoutsDir),
  ]);
  const fingerprint = {
    engine: sha256(sources.version, code, fonts, path.relative(PACKAGE_ROOT, sources.codeDir)),
    templates: sha256(builtin, user),
    layouts,
  };
  return { fingerprint, trees };
}

export async function computeFingerprint(sources: FingerprintSources): Promise<Fingerprint> {
  return (await rememberedFingerprint(sources, {})).fingerprint;
}

/**
 * A record's content hash: the SHA-256 of its canonical JSON, made once per loaded record. Each of
 * a record's dozen or more outputs hashes it into its inputs, and the build's cache remembers it
 * beside the record file's stamp, so a build need not parse a record whose file is unchanged.
 * Keyed by the object, which a build never changes once loaded.
 */
const recordHashOf = new WeakMap<CaseFile, string>();
export function recordHash(record: CaseFile): string {
  let hash = recordHashOf.get(record);
  if (hash === undefined) {
    hash = sha256(canonicalJson(record));
    recordHashOf.set(record, hash);
  }
  return hash;
}

/** A record, or its content hash when the record itself was not loaded (its file is unchanged). */
export type RecordContent = CaseFile | { contentHash: string };

const contentHash = (record: RecordContent): string => ('contentHash' in record ? record.contentHash : recordHash(record));

/** How a dossier is printed, besides its record: what its inputs hash covers. */
export interface DossierPrint {
  paper: PaperName;
  flow: DossierFlow;
  /** The URL its QR code points to, when it carries one. */
  qrUrl?: string;
  theme?: ResolvedTheme;
}

/**
 * A dossier depends on the record, the templates, how it is printed and which other records
 * exist (its related links). A setting at its default (no QR code, the sheets flow, no theme)
 * adds nothing to the hash, so a new setting never rebuilds the outputs that do not use it.
 */
export function dossierInputs(fingerprint: Fingerprint, record: RecordContent, print: DossierPrint, dataSlugs: readonly string[]): string {
  // The flow is hashed under the key `layout`: renaming the key would rebuild every compact dossier once.
  const flow = print.flow === 'sheets' ? {} : { layout: print.flow };
  const printed = print.qrUrl ? { paper: print.paper, ...flow, qr: print.qrUrl } : { paper: print.paper, ...flow };
  return sha256(fingerprint.engine, fingerprint.templates, contentHash(record), canonicalJson(printed), dataSlugs.join(','), ...(print.theme ? [print.theme.hash] : []));
}

/** Read once: resolving Takumi's package.json for each of 100,000 cards was a share of a build that changed nothing. */
let takumiInstalled: string | undefined;
function installedTakumi(): string {
  takumiInstalled ??= `takumi ${takumiVersion() ?? 'absent'}`;
  return takumiInstalled;
}

/**
 * A card depends on its record and its job (which names its engine); a takumi card also on the
 * installed Takumi's version. A theme or user layouts add their hashes only when there are any,
 * for the same reason as the dossier's defaults.
 */
export function cardInputs(fingerprint: Fingerprint, record: RecordContent, job: CardJob, theme?: ResolvedTheme): string {
  const engineVersion = job.engine === 'takumi' ? installedTakumi() : '';
  const site = theme || fingerprint.layouts ? [theme?.hash ?? '', fingerprint.layouts] : [];
  return sha256(fingerprint.engine, contentHash(record), canonicalJson(job), engineVersion, ...site);
}
