/**
 * casefile.config.json: settings a site keeps in its repository instead of repeating flags in CI.
 * Every command that renders reads it (pdf, poster, cards, build, preview); flags on the command
 * line win over the file, and the file over the defaults (src/settings/defaults.ts). One schema
 * for every key, built from the same lists and bounds the code checks flags against, so a value
 * that passes here needs no second check or cast.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CasefileError } from '../errors.js';
import { checkJsonFile, type CheckedFile } from '../record/schema-file.js';
import { CARD_FORMATS } from '../cards/plan.js';
import { ENGINE_NAMES } from '../cards/engines/engine.js';
import { isCardSize, MAX_SCALE, MAX_SIDE, MIN_SCALE, MIN_SIDE, SIZE_PRESET_NAMES } from '../cards/sizes.js';
import { DOSSIER_FLOWS } from '../dossier/flow.js';
import { PAPER_NAMES } from '../dossier/paper.js';
import { ThemeSchema } from '../theme/schema.js';
import { BOUNDS, type Range } from './defaults.js';

export { CONFIG_FILE } from './config-file.js';

const wholeNumber = (range: Range) => z.number().int().min(range.min).max(range.max).optional();
const folder = z.string().min(1).optional();
const cardSize = z.string().refine(isCardSize, { message: `expected a card size: ${SIZE_PRESET_NAMES.join(', ')} or WIDTHxHEIGHT (${MIN_SIDE} to ${MAX_SIDE} pixels a side)` });

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  dataDir: folder,
  outDir: folder,
  templates: folder,
  baseUrl: z.url().optional(),
  paper: z.enum(PAPER_NAMES).optional(),
  /** The dossier's flow: `sheets` (each section opens a sheet) or `compact` (sections run on). */
  flow: z.enum(DOSSIER_FLOWS).optional(),
  /** `flow` by its older name, still read (`flow` wins when both are there). */
  layout: z.enum(DOSSIER_FLOWS).optional(),
  sizes: z.array(cardSize).min(1).optional(),
  scale: z.number().min(MIN_SCALE).max(MAX_SCALE).optional(),
  formats: z.array(z.enum(CARD_FORMATS)).min(1).optional(),
  engine: z.enum(ENGINE_NAMES).optional(),
  quality: wholeNumber(BOUNDS.quality),
  /** Pages printing at once (build). */
  concurrency: wholeNumber(BOUNDS.concurrency),
  /** Card worker processes (cards, build); 0 draws in the command's own process. By engine when absent (DEFAULTS.cardWorkers). */
  workers: wholeNumber(BOUNDS.workers),
  /** With `--shard auto` where the CI gives only an index (a Kubernetes Indexed Job): how many shards there are. */
  shardTotal: wholeNumber(BOUNDS.shardTotal),
  /** A running Chrome to print in (DevTools WebSocket URL) instead of launching one. */
  browserWs: z.url({ protocol: /^wss?$/ }).optional(),
  /** Where a record's QR code points: `{baseUrl}` and `{slug}` are filled in; default `{baseUrl}/{slug}/`. */
  qrUrl: z.string().includes('{slug}').optional(),
  /** The site's brand on every output (see src/theme/schema.ts). */
  theme: ThemeSchema.omit({ $schema: true }).optional(),
  /** A folder of the site's own card layouts, `<card-id>.js|.mjs`. */
  cardLayouts: folder,
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
