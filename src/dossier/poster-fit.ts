/**
 * How far a poster must shrink to fit its sheet, found by layout instead of by printing: the
 * poster is loaded once at full size, laid out as print media at the sheet's width, and its
 * --fit is changed in place (DevTools DOM and layout calls, no page script: JavaScript stays
 * off) until the content is as tall as the sheet. Printing is then done once, at that size.
 *
 * It also settles which column sections may run on into the next column (poster-run-on.ts), and
 * searches the size with that choice.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import type { PagePool } from '../browser/page-pool.js';
import { loadDocument, type AssetMounts } from '../browser/serve.js';
import type { SectionId } from '../record/sections.js';
import type { PageGeometry } from './paper.js';
import { attributesOf, posterColumns, sameSections, type PosterColumns } from './poster-run-on.js';
import { withinTimeLimit } from './pdf.js';

const CSS_PX_PER_MM = 96 / 25.4;
/**
 * Print layout rounds differently from screen layout: a poster measured right up to the sheet's
 * edge can still spill a sliver onto a second page. It fits when it leaves this much of the sheet
 * free (the built-in poster keeps the same 1 mm clear).
 */
const SLACK_PX = 1 * CSS_PX_PER_MM - 0.5;
const MEASURING_VIEWPORT_HEIGHT_PX = 100;

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
  /** Sets the poster's size without laying it out. */
  setFit(fit: number): Promise<void>;
  columns: PosterColumns;
}

/** Rounds of choosing sections and searching the fit with them before every section is kept whole instead. */
const RUN_ON_ROUNDS = 3;

/**
 * The fit, and the sections that run on at it. Choosing them takes two layouts and many measures,
 * so it is done once, then the fit is bisected with that choice fixed (one layout a trial), then
 * the choice is checked at the fit found. It usually holds; if not, the search runs again with the
 * new choice. Sections all kept whole are always a valid choice, and the last resort.
 */
async function fitWithRunOn(probe: FitProbe, search: FitSearch): Promise<PosterFit | undefined> {
  const chooseAt = async (fit: number) => {
    await probe.setFit(fit);
    return probe.columns.choose();
  };
  let runOn = await chooseAt(1);
  for (let round = 0; round < RUN_ON_ROUNDS; round += 1) {
    const fit = await bisect(probe.fits, search);
    if (fit === undefined) break;
    const atFit = await chooseAt(fit);
    if (sameSections(atFit, runOn)) return { fit, runOn };
    runOn = atFit;
  }
  await probe.columns.use(new Set());
  const fit = await bisect(probe.fits, search);
  return fit === undefined ? undefined : { fit, runOn: new Set() };
}

/** Sets --fit on the poster's body (after the template's own declaration, so it wins) and measures. */
async function fitProbe(session: CDPSession, sheet: PageGeometry): Promise<FitProbe> {
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  const { nodeId: body } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'body' });
  const style = (await attributesOf(session, body)).get('style') ?? '';
  const sheetPx = sheet.heightMm * CSS_PX_PER_MM;
  const setFit = async (fit: number) => {
    await session.send('DOM.setAttributeValue', { nodeId: body, name: 'style', value: `${style}; --fit: ${roundFitDown(fit)};` });
  };
  const fits = async (fit: number) => {
    await setFit(fit);
    const metrics = await session.send('Page.getLayoutMetrics');
    return metrics.cssContentSize.height <= sheetPx - SLACK_PX;
  };
  return { fits, setFit, columns: await posterColumns(session, root.nodeId) };
}
