/**
 * One card, in this process: record → element tree (layout, fitting) → image bytes (the job's
 * engine: Satori + resvg, or Takumi). Both the worker and the in-process renderer call this; it
 * never touches the file system except to read fonts and emoji, once per process.
 */
import type { CaseFile } from '../record/schema.js';
import { cardUnit, emptyReport, type CardContext, type FitReport } from './context.js';
import { collectText, type CardElement } from './element.js';
import { createTypeSetter } from './fit.js';
import { loadFontBook, type FontBook } from './fonts.js';
import { checkCoverage, createFallbackFinder, type FallbackFinder } from './glyphs.js';
import { LAYOUTS } from './layouts/index.js';
import { cardTheme } from './card-theme.js';
import { recolour } from './recolour.js';
import { layoutContext } from './layout-context.js';
import { findUserLayout, importUserLayout, runUserLayout } from './user-layouts.js';
import { boundAltText, cardAltText } from './alt-text/card-alt.js';
import type { ResolvedTheme } from '../theme/load.js';
import { DEFAULT_ENGINE, type EngineName } from './engines/engine.js';
import { loadEngine } from './engines/index.js';
import { findOverflow } from './overflow.js';
import { DEFAULT_QUALITY, type CardFormat, type CardJob } from './plan.js';
import { cardShape } from './sizes.js';

export interface RenderedCard {
  job: CardJob;
  /** PNG bytes, when the job asked for png. */
  png?: Uint8Array;
  /** SVG text, when the job asked for svg. */
  svg?: string;
  /** WebP and JPEG bytes (takumi engine), when asked for. */
  webp?: Uint8Array;
  jpeg?: Uint8Array;
  /** The engine that drew it. */
  engine: EngineName;
  /** Pixel size of the PNG (layout size times scale). */
  width: number;
  height: number;
  /** What the card says, in a sentence or two (plain text): casefile's, or the one a user layout gave. */
  alt: string;
  /** Each names the card, e.g. `card "metrics" (og 1200x630): …`. */
  warnings: string[];
  /** Milliseconds this card took to lay out, draw and rasterize (for benchmarks). */
  renderMs: number;
}

/** What a site sets for all its cards: plain data, handed to every worker with each card. */
export interface CardSettings {
  /** The site's theme; the built-in look when absent. */
  theme?: ResolvedTheme;
  /** A folder of the site's own layouts, `<card-id>.js|.mjs`. */
  layoutsDir?: string;
  /** How long a user layout may run (default LAYOUT_TIME_LIMIT_MS); tests shorten it. */
  layoutTimeLimitMs?: number;
}

export interface RenderEnvironment {
  book: FontBook;
  finder: FallbackFinder;
}

let environment: Promise<RenderEnvironment> | undefined;

/** Fonts and fallbacks for this process, made once however many cards it renders. */
export function renderEnvironment(): Promise<RenderEnvironment> {
  environment ??= loadFontBook().then((book) => ({ book, finder: createFallbackFinder(book) }));
  return environment;
}

/** Every string of a record, for the record-wide glyph check. */
function recordTexts(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) recordTexts(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) recordTexts(item, into);
  return into;
}

/**
 * Fallback families a record needs, worked out once per record. A worker receives a fresh copy
 * of the record with every card, so the object alone is no key: its text is, for the last few.
 */
const recordFallbacks = new WeakMap<CaseFile, string[]>();
const fallbacksByText = new Map<string, string[]>();

function fallbacksFor(record: CaseFile, env: RenderEnvironment): string[] {
  let families = recordFallbacks.get(record);
  if (families) return families;
  const texts = recordTexts(record);
  const key = texts.join('\u0000');
  families = fallbacksByText.get(key);
  if (!families) {
    families = checkCoverage(texts, env.book, env.finder).fallbackFamilies;
    if (fallbacksByText.size >= 16) fallbacksByText.delete(fallbacksByText.keys().next().value!);
    fallbacksByText.set(key, families);
  }
  recordFallbacks.set(record, families);
  return families;
}

/** `card "sdet/salary" (story 1080x1920 @2x)`: the record, the card and the size, so a batch's warnings say which file. */
export function cardLabel(slug: string, job: Pick<CardJob, 'section' | 'size' | 'width' | 'height' | 'scale'>): string {
  const size = job.size === `${job.width}x${job.height}` ? job.size : `${job.size} ${job.width}x${job.height}`;
  return `card "${slug}/${job.section}" (${size}${job.scale === 1 ? '' : ` @${job.scale}x`})`;
}

function describeReport(report: FitReport): string[] {
  const parts: string[] = [];
  if (report.truncated > 0) parts.push(`truncated ${report.truncated} text${report.truncated === 1 ? '' : 's'} with an ellipsis to fit`);
  if (report.moved > 0) parts.push(`moved ${report.moved} item${report.moved === 1 ? '' : 's'} to a "+N more" line`);
  return parts;
}

export type CardShapeJob = Pick<CardJob, 'section' | 'width' | 'height'> & Partial<Pick<CardJob, 'size' | 'scale'>>;

/** The element tree alone, with the context it was fitted in (the benchmark draws the same tree as HTML). */
export async function cardTree(
  record: CaseFile,
  job: CardShapeJob,
  env?: RenderEnvironment,
  settings: CardSettings = {},
): Promise<{ tree: CardElement; ctx: CardContext; fallbackFamilies: string[]; alt: string }> {
  const { book, finder } = env ?? (await renderEnvironment());
  const fallbackFamilies = fallbacksFor(record, { book, finder });
  const theme = cardTheme(settings.theme);
  const ctx: CardContext = {
    record,
    card: job.section,
    width: job.width,
    height: job.height,
    shape: cardShape(job.width, job.height),
    unit: cardUnit(job.width, job.height),
    setter: createTypeSetter(book, fallbackFamilies, theme.builtIn ? undefined : theme.families),
    theme,
    report: emptyReport(),
  };
  const user = settings.layoutsDir ? await findUserLayout(settings.layoutsDir, job.section) : undefined;
  if (!user) return { tree: recolour(LAYOUTS[job.section](ctx), theme), ctx, fallbackFamilies, alt: cardAltText(record, job.section) };
  // A user layout is drawn like a built-in one: default palette colours and families become the theme's.
  const label = cardLabel(record.slug, { size: `${job.width}x${job.height}`, scale: 1, ...job });
  const layout = await importUserLayout(user, label);
  const output = await runUserLayout(layout, layoutContext(ctx), { file: user.file, label, ...(settings.layoutTimeLimitMs ? { timeLimitMs: settings.layoutTimeLimitMs } : {}) });
  // A layout that gives no alt (or a blank one) leaves the card casefile's words: the record's own values, which a design shows too.
  const alt = boundAltText(output.alt ?? '') || cardAltText(record, job.section);
  return { tree: recolour(output.element, theme), ctx, fallbackFamilies, alt };
}

/** A rendered card's bytes for one format (SVG as UTF-8). */
export function cardBytes(card: RenderedCard, format: CardFormat): Uint8Array | undefined {
  const value = card[format];
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

export async function renderCard(record: CaseFile, job: CardJob, env?: RenderEnvironment, settings: CardSettings = {}): Promise<RenderedCard> {
  const started = performance.now();
  const environment = env ?? (await renderEnvironment());
  const engineName = job.engine ?? DEFAULT_ENGINE;
  const engine = await loadEngine(engineName, environment.book);
  const { tree, ctx, fallbackFamilies, alt } = await cardTree(record, job, environment, settings);
  const texts = collectText(tree);
  const { missing } = checkCoverage(texts, environment.book, environment.finder);
  const drawing = await engine.draw(tree, {
    width: job.width,
    height: job.height,
    scale: job.scale,
    formats: job.formats,
    quality: job.quality ?? DEFAULT_QUALITY,
    fallbackFamilies,
  });

  const label = cardLabel(record.slug, job);
  const warnings: string[] = [];
  const fitting = describeReport(ctx.report);
  if (fitting.length > 0) warnings.push(`${label}: ${fitting.join('; ')}`);
  for (const unfit of ctx.report.unfit) warnings.push(`${label}: content cannot fit: ${unfit}`);
  if (missing.length > 0) {
    warnings.push(`${label}: no bundled, packaged or system font covers ${missing.join(', ')}; they are drawn as empty boxes`);
  }
  const overflow = findOverflow(drawing.boxes, job.width, job.height);
  if (overflow.length > 0) {
    const shown = overflow.slice(0, 3).map((item) => JSON.stringify(item.text.slice(0, 40)));
    warnings.push(`${label}: content cannot fit: ${overflow.length} text line${overflow.length === 1 ? '' : 's'} run past the edge (${shown.join(', ')})`);
  }

  return {
    job,
    ...(drawing.images as Pick<RenderedCard, 'png' | 'svg' | 'webp' | 'jpeg'>),
    engine: engineName,
    width: drawing.width,
    height: drawing.height,
    alt,
    warnings,
    renderMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
