/**
 * How far a poster must shrink to fit its sheet, found by layout instead of by printing: the
 * poster is loaded once at full size, laid out as print media at the sheet's width, and its
 * --fit is changed in place (DevTools DOM and layout calls, no page script: JavaScript stays
 * off) until the content is as tall as the sheet. Printing is then done once, at that size.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import type { PagePool } from '../browser/page-pool.js';
import { loadDocument, type AssetMounts } from '../browser/serve.js';
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

export interface FitSearch {
  /** The smallest factor allowed. */
  min: number;
  /** Bisection steps between `min` and 1. */
  steps: number;
  timeoutMs: number;
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
): Promise<number | undefined> {
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
): Promise<number | undefined> {
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
      const fit = await bisect(await fitProbe(session, sheet), search);
      // The page goes back to the pool: leave it as a fresh one would be.
      await page.emulateMediaType();
      await page.setViewport(null);
      clean = true;
      return fit;
    } finally {
      await session.detach().catch(() => undefined);
    }
  } finally {
    await pages.release(page, clean && !expiry.expired);
  }
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

/** Sets --fit on the poster's body (after the template's own declaration, so it wins) and measures. */
async function fitProbe(session: CDPSession, sheet: PageGeometry): Promise<(fit: number) => Promise<boolean>> {
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  const { nodeId: body } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'body' });
  const { attributes } = await session.send('DOM.getAttributes', { nodeId: body });
  const styleIndex = attributes.findIndex((name, index) => index % 2 === 0 && name === 'style');
  const style = styleIndex >= 0 ? attributes[styleIndex + 1]! : '';
  const sheetPx = sheet.heightMm * CSS_PX_PER_MM;
  return async (fit) => {
    await session.send('DOM.setAttributeValue', { nodeId: body, name: 'style', value: `${style}; --fit: ${roundFitDown(fit)};` });
    const metrics = await session.send('Page.getLayoutMetrics');
    return metrics.cssContentSize.height <= sheetPx - SLACK_PX;
  };
}
