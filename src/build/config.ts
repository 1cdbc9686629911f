/**
 * casefile.config.json: build settings a site keeps in its repository instead of repeating
 * flags in CI. Flags given on the command line win over the file.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CasefileError } from '../errors.js';
import { formatJsonPath } from '../record/json-path.js';
import { describeIssues } from '../record/issues.js';
import { parseJson } from '../record/parse.js';
import { PAPER_NAMES } from '../dossier/paper.js';

export const CONFIG_FILE = 'casefile.config.json';

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  dataDir: z.string().min(1).optional(),
  outDir: z.string().min(1).optional(),
  templates: z.string().min(1).optional(),
  baseUrl: z.url().optional(),
  paper: z.enum(PAPER_NAMES as [string, ...string[]]).optional(),
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
});

export type BuildConfig = z.infer<typeof ConfigSchema>;

/** The config file's settings; an absent default file is no config, an absent named one is an error. */
export async function loadConfig(file: string, required: boolean): Promise<BuildConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CasefileError('E_NOT_FOUND', `cannot read config ${file}: ${(error as Error).message}`, { file });
  }
  const parsed = parseJson(text, file);
  const result = ConfigSchema.safeParse(parsed.value);
  if (result.success) return result.data;
  const problem = describeIssues(result.error.issues, parsed.value)[0]!;
  const jsonPath = formatJsonPath(problem.path);
  throw new CasefileError('E_SCHEMA', `${jsonPath}: ${problem.message}`, { file, path: jsonPath, ...parsed.locate(problem.path) });
}
