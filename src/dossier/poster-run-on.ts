/**
 * Which of a poster's column sections may run on into the next column, measured in the laid-out
 * page through DevTools (DOM and layout calls, no page script): those at least a third of a column
 * tall when every section is kept whole, unless they open with an intro, and only while their
 * heading keeps the start of their items in its column. Short sections stay whole; long ones let
 * the columns balance, so the poster shrinks less.
 */
import type { CDPSession } from 'puppeteer-core';
import type { SectionId } from '../record/sections.js';

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
/** How much of a section's items must share its heading's column: more than a border or a gap. */
const MIN_ITEMS_WITH_HEADING_PX = 12;

interface ColumnSection {
  nodeId: number;
  id: SectionId;
  /** Its class attribute without the run-on mark. */
  className: string;
  opensWithIntro: boolean;
}

export interface PosterColumns {
  /** Chooses, at the poster's current size, the sections that may run on, and lays the poster out with them. */
  choose(): Promise<ReadonlySet<SectionId>>;
  /** Lays the poster out with these sections free to run on. */
  use(runOn: ReadonlySet<SectionId>): Promise<void>;
}

/** Pure: the sections at least `RUN_ON_MIN_SHARE` of the column's height, measured with all of them whole. */
export function sectionsThatRunOn(columnHeight: number, sectionHeights: ReadonlyMap<SectionId, number>): Set<SectionId> {
  return new Set([...sectionHeights].filter(([, height]) => height >= columnHeight * RUN_ON_MIN_SHARE).map(([id]) => id));
}

export const sameSections = (a: ReadonlySet<SectionId>, b: ReadonlySet<SectionId>): boolean => a.size === b.size && [...a].every((id) => b.has(id));

/** The poster's columns in a loaded page; a template without them has none to balance, and every section stays whole. */
export async function posterColumns(session: CDPSession, document: number): Promise<PosterColumns> {
  const columns = await columnSections(session, document);

  const use = async (runOn: ReadonlySet<SectionId>) => {
    for (const section of columns?.sections ?? []) {
      const value = runOn.has(section.id) ? `${section.className} ${RUNS_ON_CLASS}` : section.className;
      await session.send('DOM.setAttributeValue', { nodeId: section.nodeId, name: 'class', value });
    }
    // DOM.getContentQuads reads whatever layout is current, and Chromium lays a changed page out
    // only when asked to or on its next frame: without this, a measure could be of an earlier trial.
    await session.send('Page.getLayoutMetrics');
  };

  const choose = async () => {
    let runOn: ReadonlySet<SectionId> = new Set();
    if (!columns) return runOn;
    await use(runOn);
    const heights = new Map<SectionId, number>();
    for (const section of columns.sections) if (!section.opensWithIntro) heights.set(section.id, await heightOf(session, section.nodeId));
    runOn = sectionsThatRunOn(await heightOf(session, columns.nodeId), heights);
    await use(runOn);
    // Columns are balanced before breaks are placed, so a heading can still end a column with its
    // items in the next: such a section is kept whole after all.
    for (;;) {
      const leftBehind: SectionId[] = [];
      for (const section of columns.sections) {
        if (runOn.has(section.id) && !(await keepsHeadingWithItems(session, section.nodeId))) leftBehind.push(section.id);
      }
      if (leftBehind.length === 0) return runOn;
      runOn = new Set([...runOn].filter((id) => !leftBehind.includes(id)));
      await use(runOn);
    }
  };
  return { choose, use };
}

export async function attributesOf(session: CDPSession, nodeId: number): Promise<Map<string, string>> {
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
