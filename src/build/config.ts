/**
 * casefile.config.json: settings a site keeps in its repository instead of repeating flags in CI.
 * Every command that renders reads it (pdf, poster, cards, build, preview); flags on the command
 * line win over the file. One schema for every key, so each feature adds its keys here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CasefileError } from '../errors.js';
import { checkJsonFile, type CheckedFile } from '../record/schema-file.js';
import { DOSSIER_FLOWS } from '../dossier/flow.js';
import { PAPER_NAMES } from '../dossier/paper.js';
import { ThemeSchema } from '../theme/schema.js';

export const CONFIG_FILE = 'casefile.config.json';

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  dataDir: z.string().min(1).optional(),
  outDir: z.string().min(1).optional(),
  templates: z.string().min(1).optional(),
  baseUrl: z.url().optional(),
  paper: z.enum(PAPER_NAMES as [string, ...string[]]).optional(),
  /** The dossier's layout: `sheets` (each section opens a sheet) or `compact` (sections run on). */
  layout: z.enum(DOSSIER_FLOWS).optional(),
  sizes: z.array(z.string().min(1)).min(1).optional(),
  scale: z.number().min(1).max(4).optional(),
  formats: z.array(z.enum(['png', 'svg', 'webp', 'jpeg'])).min(1).optional(),
  engine: z.enum(['satori', 'takumi']).optional(),
  quality: z.number().int().min(1).max(100).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
  /** With `--shard auto` where the CI gives only an index (a Kubernetes Indexed Job): how many shards there are. */
  shardTotal: z.number().int().min(1).max(10_000).optional(),
  /** A running Chrome to print in (DevTools WebSocket URL) instead of launching one. */
  browserWs: z.url({ protocol: /^wss?$/ }).optional(),
  /** Where a record's QR code points: `{baseUrl}` and `{slug}` are filled in; default `{baseUrl}/{slug}/`. */
  qrUrl: z.string().includes('{slug}').optional(),
  /** The site's brand on every output (see src/theme/schema.ts). */
  theme: ThemeSchema.omit({ $schema: true }).optional(),
  /** A folder of the site's own card layouts, `<card-id>.js|.mjs`. */
  cardLayouts: z.string().min(1).optional(),
});

export type BuildConfig = z.infer<typeof ConfigSchema>;

export interface LoadedConfig extends CheckedFile<BuildConfig> {
  /** The folder the file is in: paths in it are relative to this. */
  dir: string;
  /** False when no file was there (an absent default file is no config). */
  found: boolean;
}

/** The config file checked; an absent default file is an empty config, an absent named one is an error. */
export async function loadConfigFile(file: string, required: boolean): Promise<LoadedConfig> {
  const dir = path.dirname(path.resolve(file));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { value: {}, file, dir, found: false, locate: () => ({ line: 1, column: 1 }) };
    }
    throw new CasefileError('E_NOT_FOUND', `cannot read config ${file}: ${(error as Error).message}`, { file });
  }
  return { ...checkJsonFile(text, file, ConfigSchema), dir, found: true };
}

/** The config file's settings alone. */
export async function loadConfig(file: string, required: boolean): Promise<BuildConfig> {
  return (await loadConfigFile(file, required)).value;
}
