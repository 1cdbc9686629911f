/**
 * A card's layout and SVG without rasterising: where everything went (Satori's boxes), what the
 * fitter reported, and which characters no font covers. Tests check these against the rules they
 * enforce; the renderer itself goes on to rasterise (src/cards/render.ts renderCard).
 */
import { collectText } from '../../src/cards/element.js';
import { checkCoverage } from '../../src/cards/glyphs.js';
import { cardTree, renderEnvironment, type CardSettings, type CardShapeJob, type RenderEnvironment } from '../../src/cards/render.js';
import { renderSvg, type LaidOutBox } from '../../src/cards/svg.js';
import type { FitReport } from '../../src/cards/context.js';
import type { CaseFile } from '../../src/record/schema.js';

export interface LaidOutCard {
  svg: string;
  /** Satori's boxes, for the overflow check (and for tests that check it independently). */
  boxes: LaidOutBox[];
  report: FitReport;
  /** Characters no font covers, as `U+XXXX "x"`. */
  missing: string[];
  /** Fallback families the record's text called in. */
  fallbackFamilies: string[];
}

export async function layoutCard(record: CaseFile, job: CardShapeJob, env?: RenderEnvironment, settings: CardSettings = {}): Promise<LaidOutCard> {
  const environment = env ?? (await renderEnvironment());
  const { book, finder } = environment;
  const { tree, ctx, fallbackFamilies } = await cardTree(record, job, environment, settings);
  const { missing } = checkCoverage(collectText(tree), book, finder);
  const { svg, boxes } = await renderSvg(tree, { width: job.width, height: job.height, fonts: book.satoriFonts(fallbackFamilies) });
  return { svg, boxes, report: ctx.report, missing, fallbackFamilies };
}
