/** Everything `casefile build` can be told, resolved: the library's own words, parsed and checked. */
import type { QrLink } from '../api/dossier.js';
import type { CardFormat } from '../cards/plan.js';
import type { EngineName } from '../cards/engines/engine.js';
import type { DossierFlow } from '../dossier/flow.js';
import type { PaperName } from '../dossier/paper.js';
import { DEFAULTS } from '../settings/defaults.js';
import type { ResolvedTheme } from '../theme/load.js';
import type { Shard } from './shard.js';

export type OutputKind = 'dossier' | 'cards';

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Slugs, globs or record files; empty for every record in dataDir. */
  records: string[];
  kinds: readonly OutputKind[];
  /** Card sizes (presets or WxH), scale and formats. */
  sizes: readonly string[];
  /** Card ids to render ('cover' and section ids); all when absent. */
  sections?: readonly string[];
  scale: number;
  formats: readonly CardFormat[];
  /** What draws the cards. */
  engine: EngineName;
  /** webp and jpeg quality, 1-100. */
  quality?: number;
  paper: PaperName;
  /** The dossier's flow: each section on its own sheet, or run on (`compact`). */
  flow: DossierFlow;
  templatesDir?: string;
  /** The site's theme, on dossiers and cards. */
  theme?: ResolvedTheme;
  /** The site's own card layouts. */
  cardLayoutsDir?: string;
  /** Site root for og:image URLs; meta-tag snippets are written only when it is set. */
  baseUrl?: string;
  /** The QR code every dossier carries (the CLI makes one whenever a base URL is set). */
  qr?: QrLink;
  /** Pages printing at once. */
  concurrency: number;
  /** Card worker processes (0 draws in the build's own process); chosen by engine when absent (src/cards/workers.ts). */
  workers?: number;
  shard?: Shard;
  force: boolean;
  /** Remove outputs an earlier build made that this one no longer makes. */
  prune: boolean;
  timeoutMs: number;
  browserPath?: string;
  /** A running browser's DevTools WebSocket URL: connect to it instead of launching one. */
  browserWs?: string;
}

/** The build's defaults, as src/settings/defaults.ts has them. */
export const BUILD_DEFAULTS: Omit<BuildOptions, 'records'> = {
  dataDir: DEFAULTS.dataDir,
  outDir: DEFAULTS.outDir,
  kinds: DEFAULTS.kinds,
  sizes: DEFAULTS.sizes,
  scale: DEFAULTS.scale,
  formats: DEFAULTS.formats,
  engine: DEFAULTS.engine,
  paper: DEFAULTS.paper,
  flow: DEFAULTS.flow,
  concurrency: DEFAULTS.concurrency,
  force: DEFAULTS.force,
  prune: DEFAULTS.prune,
  timeoutMs: DEFAULTS.dossierTimeoutMs,
};
