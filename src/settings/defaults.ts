/**
 * Every default casefile applies, in one table: the library's (what `makeDossier`, `makeCards`,
 * `makePoster` and `startPreview` use for an option left out) and the commands'. A command's
 * settings are `{ ...DEFAULTS, ...config file, ...flags given }` (src/cli/settings.ts), and
 * `--help` shows these values, so nothing downstream applies a default of its own.
 *
 * The bounds a setting must keep are here too, the same in every command and in the config file.
 */
import { availableParallelism } from 'node:os';
import type { OutputKind } from '../site/options.js';
import type { CardFormat } from '../cards/plan.js';
import type { EngineName } from '../cards/engines/engine.js';
import type { SizePresetName } from '../cards/sizes.js';
import type { DossierFlow } from '../dossier/flow.js';
import type { PaperName } from '../dossier/paper.js';
import type { PosterSizeName } from '../print/poster-sizes.js';

/** One per core, at least one: card worker processes (satori), and pages printing at once. */
export function defaultParallelism(): number {
  return Math.max(1, availableParallelism());
}

/** The settings that have a default, with their types. */
export interface Defaults {
  /** Where records are read from and outputs written to, relative to the working folder. */
  dataDir: string;
  outDir: string;
  /** The dossier's sheet and flow (`sheets`: each section opens a sheet; `compact`: they run on). */
  paper: PaperName;
  flow: DossierFlow;
  /** Turn the sheet; print-shop bleed and trim marks (dossier and poster). */
  landscape: boolean;
  bleedMm: number;
  cropMarks: boolean;
  /** The wall poster's sheet. */
  posterSize: PosterSizeName;
  /** Time one document may take in the browser. */
  dossierTimeoutMs: number;
  posterTimeoutMs: number;
  /** Open each PDF once written (pdf, poster). */
  open: boolean;
  /** The cards: sizes (presets or WxH), pixel density, formats, what draws them, webp and jpeg quality. */
  sizes: readonly SizePresetName[];
  scale: number;
  formats: readonly CardFormat[];
  engine: EngineName;
  quality: number;
  /**
   * Card worker processes where no engine's choice applies (serve, the preview, a card renderer
   * made without a number): one per core.
   */
  workers: number;
  /**
   * Card worker processes for `cards`, `build` and `makeCards` when none are asked for, by the
   * engine that draws (0: in the command's own process; src/cards/workers.ts applies it, and
   * draws a single card in the process whatever the engine). Satori draws on the JavaScript
   * thread, so each core needs a process of its own; Takumi draws on its own native threads, and
   * a worker's start and copies cost more than they save (docs/performance.md, "Card workers by
   * engine", has the setups compared).
   */
  cardWorkers: Readonly<Record<EngineName, number>>;
  /** Pages printing at once (build). */
  concurrency: number;
  /** build: which outputs, the cache, pruning. */
  kinds: readonly OutputKind[];
  force: boolean;
  prune: boolean;
  /** preview: where it listens, and renders at once (and card workers). */
  host: string;
  port: number;
  previewConcurrency: number;
  /** serve: its port, renders waiting beyond those running, memory for rendered bytes, a card's time limit. */
  servePort: number;
  maxQueue: number;
  cacheMb: number;
  cardTimeoutMs: number;
}

export const DEFAULTS: Readonly<Defaults> = {
  dataDir: 'data',
  outDir: 'out',
  paper: 'a4',
  flow: 'sheets',
  landscape: false,
  bleedMm: 0,
  cropMarks: false,
  posterSize: 'a2',
  dossierTimeoutMs: 60_000,
  posterTimeoutMs: 90_000,
  open: false,
  sizes: ['og'],
  scale: 1,
  formats: ['png'],
  engine: 'satori',
  quality: 85,
  workers: defaultParallelism(),
  cardWorkers: { satori: defaultParallelism(), takumi: 0 },
  concurrency: defaultParallelism(),
  kinds: ['dossier', 'cards'],
  force: false,
  prune: true,
  host: '127.0.0.1',
  port: 4173,
  previewConcurrency: 2,
  servePort: 8080,
  maxQueue: 64,
  cacheMb: 256,
  cardTimeoutMs: 30_000,
};

/** A whole number from `min` to `max`. */
export interface Range {
  min: number;
  max: number;
}

/** The same bounds wherever a setting is taken: flags, the config file, the library. */
export const BOUNDS = {
  /** Pages printing at once (build, the config's `concurrency`); the preview's renders at once and serve's workers, each at least one. */
  concurrency: { min: 1, max: 64 },
  /** Card worker processes (cards, build, the config's `workers`); 0 renders in the command's own process. */
  workers: { min: 0, max: 64 },
  quality: { min: 1, max: 100 },
  shardTotal: { min: 1, max: 10_000 },
  port: { min: 0, max: 65_535 },
  /** serve: renders waiting, and megabytes of rendered bytes kept in memory. */
  maxQueue: { min: 0, max: 10_000 },
  cacheMb: { min: 0, max: 65_536 },
} as const satisfies Record<string, Range>;

/** Keys whose value may be undefined in a layer, made plain: the merged value is never undefined where the defaults have one. */
export type Layered<D, L> = Omit<L, keyof D> & { [K in keyof D]: K extends keyof L ? D[K] | Exclude<L[K], undefined> : D[K] };

/**
 * `{ ...defaults, ...below, ...above }`, where a layer's undefined value leaves the one under it
 * in place: each layer is partial (a config file's keys, the flags given, a caller's options).
 */
export function withDefaults<D extends object, A extends object, B extends object = {}>(defaults: D, below: A, above?: B): Layered<Layered<D, A>, B> {
  const merged = { ...defaults } as Record<string, unknown>;
  for (const layer of [below, above ?? {}]) {
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) merged[key] = value;
  }
  return merged as Layered<Layered<D, A>, B>;
}
