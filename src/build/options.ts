/** Everything `casefile build` can be told, from flags or casefile.config.json, with defaults. */
import { availableParallelism } from 'node:os';
import type { DossierFlow } from '../dossier/flow.js';
import type { PaperName } from '../dossier/paper.js';
import type { Shard } from './shard.js';
import type { ResolvedTheme } from '../theme/load.js';

export type OutputKind = 'dossier' | 'cards';

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Slugs, globs or record files; empty for every record in dataDir. */
  records: string[];
  kinds: OutputKind[];
  /** Card sizes (presets or WxH), scale and formats. */
  sizes: string[];
  /** Card ids to render ('cover' and section ids); all when absent. */
  sections?: string[];
  scale: number;
  formats: string[];
  /** What draws the cards: `satori` (default) or `takumi`. */
  engine: string;
  /** webp and jpeg quality, 1-100. */
  quality?: number;
  paper: PaperName;
  /** The dossier's layout: each section on its own sheet, or run on (`compact`). */
  layout: DossierFlow;
  templatesDir?: string;
  /** The site's theme, on dossiers and cards. */
  theme?: ResolvedTheme;
  /** The site's own card layouts. */
  cardLayoutsDir?: string;
  /** Site root for og:image URLs; meta-tag snippets are written only when it is set. */
  baseUrl?: string;
  /** The dossier's QR code URL template (`{baseUrl}`, `{slug}`); the code is printed whenever baseUrl is set. */
  qrUrl?: string;
  /** Pages printing at once, and card workers. */
  concurrency: number;
  shard?: Shard;
  force: boolean;
  /** Remove outputs an earlier build made that this one no longer makes. */
  prune: boolean;
  timeoutMs: number;
  browserPath?: string;
  /** A running browser's DevTools WebSocket URL: connect to it instead of launching one. */
  browserWs?: string;
}

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

export const BUILD_DEFAULTS: Omit<BuildOptions, 'records'> = {
  dataDir: 'data',
  outDir: 'out',
  kinds: ['dossier', 'cards'],
  sizes: ['og'],
  scale: 1,
  formats: ['png'],
  engine: 'satori',
  paper: 'a4',
  layout: 'sheets',
  concurrency: defaultConcurrency(),
  force: false,
  prune: true,
  timeoutMs: 60_000,
};
