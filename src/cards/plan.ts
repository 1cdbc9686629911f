/**
 * Which files a record and a set of options produce: card × size × format → a path relative
 * to the out folder. Pure: no fonts, no files, so a batch can plan (and a test can check) cheaply.
 */
import { CasefileError } from '../errors.js';
import { SECTION_IDS, type SectionId } from '../record/sections.js';
import type { CaseFile } from '../record/schema.js';
import { DEFAULTS } from '../settings/defaults.js';
import { assertEngineFormats, DEFAULT_ENGINE, parseEngine, type EngineName } from './engines/engine.js';
import { DEFAULT_SIZE, assertPixelBudget, parseScale, parseSize, type CardSize } from './sizes.js';

/** The cover plus one card per section, in the order the record prints them. */
export const CARD_IDS = ['cover', ...SECTION_IDS] as const;
export type CardId = 'cover' | SectionId;

export const CARD_FORMATS = ['png', 'svg', 'webp', 'jpeg'] as const;
export type CardFormat = (typeof CARD_FORMATS)[number];
/** Formats a --quality applies to. */
export const LOSSY_FORMATS: readonly CardFormat[] = ['webp', 'jpeg'];
export const DEFAULT_QUALITY = DEFAULTS.quality;

export interface CardJob {
  /** 'cover' or the section id; also the file's base name. */
  section: CardId;
  /** The preset name (`og`, `story`, …) or `WxH`. */
  size: string;
  /** Layout size in CSS pixels; the PNG is `width * scale` by `height * scale`. */
  width: number;
  height: number;
  scale: number;
  formats: CardFormat[];
  /** What draws the card (part of the job, so the cache and the manifest know it). */
  engine: EngineName;
  /** 1-100, present only when a webp or jpeg is asked for. */
  quality?: number;
  /** Output path per format, relative to the out folder, e.g. `slug/cards/salary.story.png`. */
  paths: Partial<Record<CardFormat, string>>;
}

export interface PlanOptions {
  /** Card ids to render (default: all); 'cover' and section ids. */
  sections?: readonly string[];
  /** Presets or WxH (default: og). */
  sizes?: readonly string[];
  scale?: number;
  formats?: readonly string[];
  /** `satori` (default) or `takumi`. */
  engine?: string;
  /** webp and jpeg quality, 1-100 (default 85). */
  quality?: number;
}

export function isCardId(value: string): value is CardId {
  return (CARD_IDS as readonly string[]).includes(value);
}

function parseSections(sections: readonly string[] | undefined): CardId[] {
  if (!sections || sections.length === 0) return [...CARD_IDS];
  const wanted = new Set<CardId>();
  for (const section of sections) {
    if (!isCardId(section)) {
      throw new CasefileError(
        'E_USAGE',
        `Invalid card section ${JSON.stringify(section)}. Allowed values: ${CARD_IDS.join(', ')}.`,
      );
    }
    wanted.add(section);
  }
  // Record order, whatever order they were asked in, so outputs list the same way every run.
  return CARD_IDS.filter((id) => wanted.has(id));
}

export function parseFormats(formats: readonly string[] | undefined): CardFormat[] {
  if (!formats || formats.length === 0) return [...DEFAULTS.formats];
  const wanted = new Set<CardFormat>();
  for (const format of formats) {
    const name = format.trim().toLowerCase();
    if (!(CARD_FORMATS as readonly string[]).includes(name)) {
      throw new CasefileError('E_USAGE', `Invalid card format ${JSON.stringify(format)}. Allowed values: ${CARD_FORMATS.join(', ')}.`);
    }
    wanted.add(name as CardFormat);
  }
  return CARD_FORMATS.filter((format) => wanted.has(format));
}

/** A quality without a webp or jpeg to apply to is kept out of the job (a config may set it for all builds). */
export function parseQuality(value: number | undefined): number {
  if (value === undefined) return DEFAULT_QUALITY;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new CasefileError('E_USAGE', `Invalid card quality. Allowed: a whole number from 1 to 100. Received: ${JSON.stringify(value)}.`);
  }
  return value;
}

function parseSizes(sizes: readonly string[] | undefined): CardSize[] {
  const parsed = (sizes && sizes.length > 0 ? sizes : DEFAULTS.sizes).map(parseSize);
  const seen = new Set<string>();
  return parsed.filter((size) => (seen.has(size.name) ? false : (seen.add(size.name), true)));
}

/** `salary`, `salary.story`, `salary.800x418`, and `@2x` when scaled, so densities never overwrite each other. */
export function cardBaseName(section: CardId, size: string, scale: number): string {
  const sizePart = size === DEFAULT_SIZE ? '' : `.${size}`;
  const scalePart = scale === 1 ? '' : `@${scale}x`;
  return `${section}${sizePart}${scalePart}`;
}

export function cardPath(slug: string, section: CardId, size: string, scale: number, format: CardFormat): string {
  return `${slug}/cards/${cardBaseName(section, size, scale)}.${format}`;
}

/** The card options checked: what every record's jobs are made from. */
export interface CardPlan {
  sections: CardId[];
  sizes: CardSize[];
  scale: number;
  formats: CardFormat[];
  engine: EngineName;
  /** Present only when a webp or jpeg is asked for. */
  quality?: number;
}

/** Checks the options once, with no record at hand: a batch refuses bad ones before anything starts. */
export function parseCardPlan(options: PlanOptions = {}): CardPlan {
  const sections = parseSections(options.sections);
  const sizes = parseSizes(options.sizes);
  const scale = parseScale(options.scale ?? DEFAULTS.scale);
  const formats = parseFormats(options.formats);
  const engine = parseEngine(options.engine ?? DEFAULT_ENGINE);
  assertEngineFormats(engine, formats);
  const lossy = formats.some((format) => LOSSY_FORMATS.includes(format));
  const quality = parseQuality(options.quality);
  for (const size of sizes) assertPixelBudget(size, scale);
  return { sections, sizes, scale, formats, engine, ...(lossy ? { quality } : {}) };
}

/** One record's cards under a checked plan, sections outermost, then sizes: the order files are reported in. */
export function cardJobs(record: Pick<CaseFile, 'slug'>, plan: CardPlan): CardJob[] {
  const { scale, formats, engine } = plan;
  return plan.sections.flatMap((section) =>
    plan.sizes.map((size) => ({
      section,
      size: size.name,
      width: size.width,
      height: size.height,
      scale,
      formats,
      engine,
      ...(plan.quality === undefined ? {} : { quality: plan.quality }),
      paths: Object.fromEntries(formats.map((format) => [format, cardPath(record.slug, section, size.name, scale, format)])),
    })),
  );
}

/** How many jobs cardJobs gives each record: every section at every size, whatever the record. */
export const jobsPerRecord = (plan: CardPlan): number => plan.sections.length * plan.sizes.length;

/** Every card the options ask for, for one record. */
export function planCards(record: Pick<CaseFile, 'slug'>, options: PlanOptions = {}): CardJob[] {
  return cardJobs(record, parseCardPlan(options));
}
