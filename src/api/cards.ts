/**
 * The cards pipeline end to end: load → validate → plan → render → write. Everything that can
 * be checked (the record, sizes, sections, formats) is checked before a worker starts.
 */
import { createCardRenderer, type CardRenderer } from '../cards/renderer.js';
import { chooseCardWorkers, type CardWorkersChoice } from '../cards/workers.js';
import { planCards, type CardFormat, type CardJob, type PlanOptions } from '../cards/plan.js';
import { cardBytes, type CardSettings, type RenderedCard } from '../cards/render.js';
import type { EngineName } from '../cards/engines/engine.js';
import { loadTakumi } from '../cards/engines/takumi.js';
import { writeFileAtomic } from '../output/atomic.js';
import { resolveInside } from '../output/safe-path.js';
import { loadRecord } from '../record/load.js';
import { isCasefileError, type CasefileError } from '../errors.js';
import { DEFAULTS } from '../settings/defaults.js';

/** What cards to make, parsed: the engine and formats by name (the CLI parses flags and the config into these). */
export interface MakeCardsOptions extends Omit<PlanOptions, 'engine' | 'formats'> {
  engine?: EngineName;
  formats?: readonly CardFormat[];
  dataDir?: string;
  outDir?: string;
  /** The data folder's slugs, read once by a caller printing several records (a page text's bare arrows link to them). */
  knownSlugs?: ReadonlySet<string>;
  /** Reuse a renderer (its pool and parsed fonts); otherwise one is made and closed for this call. */
  renderer?: CardRenderer;
  /** Workers for the renderer made here when none is given (0 renders in this process); by engine when absent (src/cards/workers.ts). */
  workers?: number;
  /** Theme and user layouts for the renderer made here (a given renderer carries its own). */
  settings?: CardSettings;
}

export interface CardOutput {
  /** Absolute path of the written file. */
  path: string;
  /** Relative to the out folder, as planned. */
  relativePath: string;
  section: CardJob['section'];
  size: string;
  format: CardFormat;
  /** The engine that drew it. */
  engine: EngineName;
  /** Pixel size (layout size times scale). */
  width: number;
  height: number;
  bytes: number;
  /** What the card says, in a sentence or two (plain text): for an `<img alt>` or og:image:alt. */
  alt: string;
}

export interface MadeCards {
  slug: string;
  source: string;
  outputs: CardOutput[];
  warnings: string[];
  /** Per-card render times in ms, in job order (for benchmarks and --verbose). */
  renderMs: number[];
  /** Cards whose user layout failed (E_LAYOUT): the other cards were still made. */
  failures: CasefileError[];
  /** The workers of the renderer made for this call, and why (absent when the caller gave one). */
  workers?: CardWorkersChoice;
}

async function writeCard(outDir: string, card: RenderedCard): Promise<CardOutput[]> {
  const outputs: CardOutput[] = [];
  for (const format of card.job.formats) {
    const relativePath = card.job.paths[format]!;
    const target = resolveInside(outDir, relativePath, 'output');
    const data = cardBytes(card, format)!;
    await writeFileAtomic(target, data);
    outputs.push({ path: target, relativePath, section: card.job.section, size: card.job.size, format, engine: card.engine, width: card.width, height: card.height, bytes: data.byteLength, alt: card.alt });
  }
  return outputs;
}

/** The renderer made for one call when the caller gave none: its workers chosen by engine, card count and what was asked. */
function ownRenderer(options: MakeCardsOptions, cardCount: number): { renderer: CardRenderer; choice: CardWorkersChoice } {
  const choice = chooseCardWorkers(options.engine ?? DEFAULTS.engine, cardCount, options.workers);
  return { renderer: createCardRenderer({ workers: choice.workers, ...(options.settings ? { settings: options.settings } : {}) }), choice };
}

/** A slug or record file in; out/<slug>/cards/<section>[.<size>][@<scale>x].<format> written atomically. */
export async function makeCards(reference: string, options: MakeCardsOptions = {}): Promise<MadeCards> {
  const dataDir = options.dataDir ?? DEFAULTS.dataDir;
  const outDir = options.outDir ?? DEFAULTS.outDir;
  const { record, file } = await loadRecord(reference, { dataDir, ...(options.knownSlugs ? { knownSlugs: options.knownSlugs } : {}) });
  const jobs = planCards(record, options);
  // A platform without Takumi's native binary fails here, in one line, before any worker starts.
  if (jobs.some((job) => job.engine === 'takumi')) await loadTakumi();
  // Refuse a path outside the out folder before any rendering, not after.
  for (const job of jobs) for (const relative of Object.values(job.paths)) resolveInside(outDir, relative, 'output');

  const { renderer, choice } = options.renderer ? { renderer: options.renderer, choice: undefined } : ownRenderer(options, jobs.length);
  // One call per card, so a user layout that fails its card leaves the others standing.
  let settled: PromiseSettledResult<RenderedCard>[];
  try {
    settled = await Promise.allSettled(jobs.map(async (job) => (await renderer.render(record, [job]))[0]!));
  } finally {
    if (!options.renderer) await renderer.close();
  }
  const failures: CasefileError[] = [];
  const cards: RenderedCard[] = [];
  for (const result of settled) {
    if (result.status === 'fulfilled') cards.push(result.value);
    else if (isCasefileError(result.reason) && result.reason.code === 'E_LAYOUT') failures.push(result.reason);
    else throw result.reason;
  }

  const outputs: CardOutput[] = [];
  for (const card of cards) outputs.push(...(await writeCard(outDir, card)));
  return {
    slug: record.slug,
    source: file,
    outputs,
    warnings: cards.flatMap((card) => card.warnings),
    renderMs: cards.map((card) => card.renderMs),
    failures,
    ...(choice ? { workers: choice } : {}),
  };
}
