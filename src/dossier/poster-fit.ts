/**
 * How far a poster must shrink to fit its sheet, found by layout instead of by printing: the
 * poster is loaded once at full size, laid out as print media at the sheet's width, and its
 * --fit is changed in place (DevTools DOM and layout calls, no page script: JavaScript stays
 * off) until the content is as tall as the sheet. Printing is then done once, at that size.
 *
 * At each size tried it also settles which column sections may run on into the next column:
 * those at least a third of a column tall when every section is kept whole. Short sections stay
 * whole; long ones let the columns balance, so the poster shrinks less.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import type { PagePool } from '../browser/page-pool.js';
import { loadDocument, type AssetMounts } from '../browser/serve.js';
import type { SectionId } from '../record/sections.js';
import type { PageGeometry } from './paper.js';
import { withinTimeLimit } from './pdf.js';

const CSS_PX_PER_MM = 96 / 25.4;
/**
 * Print layout rounds differently from screen layout: a poster measured right up to the sheet's
 * edge can still spill a sliver onto a second page. It fits when it leaves this much of the sheet
 * free (the built-in poster keeps the same 1 mm clear).
 */
const SLACK_PX = 1 * CSS_PX_PER_MM - 0.5;
const MEASURING_VIEWPORT_HEIGHT_PX = 100;
/** A column section shorter than this share of a column never splits. */
export const RUN_ON_MIN_SHARE = 1 / 3;
/** The poster template's marks: the column container, its sections, and the class that lets one run on. */
const COLUMNS_SELECTOR = '.poster-sections';
const RUNS_ON_CLASS = 'runs-on';
/**
 * A section that opens with an intro under its heading stays whole: in print, Chromium's balanced
 * columns were seen to end a column with such a heading and intro, its items in the next, where
 * the same layout measured on screen had kept them together.
 */
const INTRO_SELECTOR = ':scope > .section-body > .aside:first-child';

interface ColumnSection {
  nodeId: number;
  id: SectionId;
  /** Its class attribute without the run-on mark. */
  className: string;
  opensWithIntro: boolean;
}

export interface FitSearch {
  /** The smallest factor allowed. */
  min: number;
  /** Bisection steps between `min` and 1. */
  steps: number;
  timeoutMs: number;
}

export interface PosterFit {
  /** The shrink factor, rounded down as the HTML carries it. */
  fit: number;
  /** The column sections that may continue in the next column at that size. */
  runOn: ReadonlySet<SectionId>;
}

/** Fit factors are written into the HTML rounded down to this many decimals. */
export function roundFitDown(fit: number): number {
  return Math.floor(fit * 1000) / 1000;
}

/**
 * The largest fit in [min, 1] at which the poster's content is no taller than the sheet:
 * 1 when it fits as designed, undefined when not even `min` fits.
 */
export function measureFit(
  pages: PagePool,
  html: string,
  sheet: PageGeometry,
  mounts: AssetMounts,
  search: FitSearch,
): Promise<PosterFit | undefined> {
  // Bounded like a print: a layout that never settles fails the poster instead of hanging it.
  return withinTimeLimit(search.timeoutMs, 'measuring the poster', (expiry) => measureOnPage(pages, html, sheet, mounts, search, expiry));
}

async function measureOnPage(
  pages: PagePool,
  html: string,
  sheet: PageGeometry,
  mounts: AssetMounts,
  search: FitSearch,
  expiry: { expired: boolean },
): Promise<PosterFit | undefined> {
  const page = await pages.acquire();
  let clean = false;
  try {
    page.setDefaultTimeout(search.timeoutMs);
    await loadDocument(page, html, mounts, { timeoutMs: search.timeoutMs });
    const session = await page.createCDPSession();
    try {
      await page.emulateMediaType('print');
      // The sheet's width, and a short height: the measured content is never shorter than the
      // viewport, so a sheet-high viewport would make every poster seem to fill the sheet.
      await page.setViewport({ width: Math.round(sheet.widthMm * CSS_PX_PER_MM), height: MEASURING_VIEWPORT_HEIGHT_PX });
      await settleFonts(session);
      const measured = await fitWithRunOn(await fitProbe(session, sheet), search);
      // The page goes back to the pool: leave it as a fresh one would be.
      await page.emulateMediaType();
      await page.setViewport(null);
      clean = true;
      return measured;
    } finally {
      await session.detach().catch(() => undefined);
    }
  } finally {
    await pages.release(page, clean && !expiry.expired);
  }
}

/**
 * Lays the page out once, so that it asks for the fonts it sets text in, and waits until they are
 * in. The load event does not wait for fonts no layout has asked for yet, and a measure taken with
 * a fallback font is not the poster that prints (it moved the fit and the column breaks on a busy
 * machine). Waited for as the print waits: in an isolated world, page scripts staying off.
 */
async function settleFonts(session: CDPSession): Promise<void> {
  await session.send('Page.getLayoutMetrics');
  const { frameTree } = await session.send('Page.getFrameTree');
  const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'casefile-fonts' });
  await session.send('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => document.fonts.status)', contextId: executionContextId, awaitPromise: true });
}

async function bisect(fits: (fit: number) => Promise<boolean>, search: FitSearch): Promise<number | undefined> {
  if (await fits(1)) return 1;
  let [low, high] = [search.min, 1];
  let lowFits = false;
  for (let step = 0; step < search.steps; step += 1) {
    const middle = (low + high) / 2;
    if (await fits(middle)) [low, lowFits] = [middle, true];
    else high = middle;
  }
  // The lower end is only tried when nothing above it fitted.
  if (!lowFits && !(await fits(low))) return undefined;
  return roundFitDown(low);
}

interface FitProbe {
  /** Lays the poster out at `fit`, with the sections last chosen to run on, and says whether it fits the sheet. */
  fits(fit: number): Promise<boolean>;
  /** Chooses, at `fit`, the sections that may run on, and lays the poster out with them. */
  chooseRunOnAt(fit: number): Promise<ReadonlySet<SectionId>>;
  /** Lays the poster out with these sections free to run on. */
  useRunOn(runOn: ReadonlySet<SectionId>): Promise<void>;
}

/** Pure: the sections at least `RUN_ON_MIN_SHARE` of the column's height, measured with all of them whole. */
export function sectionsThatRunOn(columnHeight: number, sectionHeights: ReadonlyMap<SectionId, number>): Set<SectionId> {
  return new Set([...sectionHeights].filter(([, height]) => height >= columnHeight * RUN_ON_MIN_SHARE).map(([id]) => id));
}

const sameSections = (a: ReadonlySet<SectionId>, b: ReadonlySet<SectionId>) => a.size === b.size && [...a].every((id) => b.has(id));

/** Rounds of choosing sections and searching the fit with them before every section is kept whole instead. */
const RUN_ON_ROUNDS = 3;

/**
 * The fit, and the sections that run on at it. Choosing them takes two layouts and many measures,
 * so it is done once, then the fit is bisected with that choice fixed (one layout a trial), then
 * the choice is checked at the fit found. It usually holds; if not, the search runs again with the
 * new choice. Sections all kept whole are always a valid choice, and the last resort.
 */
async function fitWithRunOn(probe: FitProbe, search: FitSearch): Promise<PosterFit | undefined> {
  let runOn = await probe.chooseRunOnAt(1);
  for (let round = 0; round < RUN_ON_ROUNDS; round += 1) {
    const fit = await bisect(probe.fits, search);
    if (fit === undefined) break;
    const atFit = await probe.chooseRunOnAt(fit);
    if (sameSections(atFit, runOn)) return { fit, runOn };
    runOn = atFit;
  }
  await probe.useRunOn(new Set());
  const fit = await bisect(probe.fits, search);
  return fit === undefined ? undefined : { fit, runOn: new Set() };
}

/** Sets --fit on the poster's body (after the template's own declaration, so it wins) and measures. */
async function fitProbe(session: CDPSession, sheet: PageGeometry): Promise<FitProbe> {
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  const { nodeId: body } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'body' });
  const style = (await attributesOf(session, body)).get('style') ?? '';
  const columns = await columnSections(session, root.nodeId);
  const sheetPx = sheet.heightMm * CSS_PX_PER_MM;

  const useRunOn = async (runOn: ReadonlySet<SectionId>) => {
    for (const section of columns?.sections ?? []) {
      const value = runOn.has(section.id) ? `${section.className} ${RUNS_ON_CLASS}` : section.className;
      await session.send('DOM.setAttributeValue', { nodeId: section.nodeId, name: 'class', value });
    }
    // DOM.getContentQuads reads whatever layout is current, and Chromium lays a changed page out
    // only when asked to or on its next frame: without this, a measure could be of an earlier trial.
    await session.send('Page.getLayoutMetrics');
  };

  const setFit = (fit: number) => session.send('DOM.setAttributeValue', { nodeId: body, name: 'style', value: `${style}; --fit: ${roundFitDown(fit)};` });

  const chooseRunOnAt = async (fit: number) => {
    await setFit(fit);
    let runOn: ReadonlySet<SectionId> = new Set();
    if (!columns) return runOn;
    await useRunOn(runOn);
    const heights = new Map<SectionId, number>();
    for (const section of columns.sections) if (!section.opensWithIntro) heights.set(section.id, await heightOf(session, section.nodeId));
    runOn = sectionsThatRunOn(await heightOf(session, columns.nodeId), heights);
    await useRunOn(runOn);
    // Columns are balanced before breaks are placed, so a heading can still end a column with its
    // items in the next: such a section is kept whole after all.
    for (;;) {
      const leftBehind: SectionId[] = [];
      for (const section of columns.sections) {
        if (runOn.has(section.id) && !(await keepsHeadingWithItems(session, section.nodeId))) leftBehind.push(section.id);
      }
      if (leftBehind.length === 0) return runOn;
      runOn = new Set([...runOn].filter((id) => !leftBehind.includes(id)));
      await useRunOn(runOn);
    }
  };

  const fits = async (fit: number) => {
    await setFit(fit);
    const metrics = await session.send('Page.getLayoutMetrics');
    return metrics.cssContentSize.height <= sheetPx - SLACK_PX;
  };
  return { fits, chooseRunOnAt, useRunOn };
}

async function attributesOf(session: CDPSession, nodeId: number): Promise<Map<string, string>> {
  const { attributes } = await session.send('DOM.getAttributes', { nodeId });
  const pairs = new Map<string, string>();
  for (let index = 0; index + 1 < attributes.length; index += 2) pairs.set(attributes[index]!, attributes[index + 1]!);
  return pairs;
}

/** The column container and its sections (by their id attributes); none in a template without them. */
async function columnSections(session: CDPSession, document: number): Promise<{ nodeId: number; sections: ColumnSection[] } | undefined> {
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: document, selector: COLUMNS_SELECTOR });
  if (!nodeId) return undefined;
  const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId, selector: `:scope > [id]` });
  const sections = [];
  for (const sectionNode of nodeIds) {
    const attributes = await attributesOf(session, sectionNode);
    const className = (attributes.get('class') ?? '').split(/\s+/).filter((name) => name !== RUNS_ON_CLASS).join(' ');
    const intro = (await session.send('DOM.querySelector', { nodeId: sectionNode, selector: INTRO_SELECTOR })).nodeId;
    sections.push({ nodeId: sectionNode, id: attributes.get('id') as SectionId, className, opensWithIntro: intro !== 0 });
  }
  return { nodeId, sections };
}

/** How much of a section's items must share its heading's column: more than a border or a gap. */
const MIN_ITEMS_WITH_HEADING_PX = 12;

/** Whether the column that holds a section's heading also holds the start of its items. A template without the built-in header and body marks is trusted. */
async function keepsHeadingWithItems(session: CDPSession, section: number): Promise<boolean> {
  const find = async (selector: string) => (await session.send('DOM.querySelector', { nodeId: section, selector })).nodeId;
  const [header, body] = [await find(':scope > .section-header'), await find(':scope > .section-body')];
  if (!header || !body) return true;
  const [headerBox] = await fragmentsOf(session, header);
  const [bodyStart] = await fragmentsOf(session, body);
  if (!headerBox || !bodyStart) return true;
  return Math.abs(bodyStart.left - headerBox.left) <= 1 && bodyStart.bottom - bodyStart.top >= MIN_ITEMS_WITH_HEADING_PX;
}

/** A box's fragments in reading order (column by column), as left, top and bottom edges. */
async function fragmentsOf(session: CDPSession, nodeId: number): Promise<{ left: number; top: number; bottom: number }[]> {
  const { quads } = await session.send('DOM.getContentQuads', { nodeId });
  return quads
    .map((quad) => ({ left: Math.min(quad[0]!, quad[6]!), top: Math.min(quad[1]!, quad[3]!), bottom: Math.max(quad[5]!, quad[7]!) }))
    .sort((a, b) => a.left - b.left || a.top - b.top);
}

/** A box's height summed over its fragments (a section taller than a column is in several). */
async function heightOf(session: CDPSession, nodeId: number): Promise<number> {
  return (await fragmentsOf(session, nodeId)).reduce((sum, fragment) => sum + fragment.bottom - fragment.top, 0);
}
