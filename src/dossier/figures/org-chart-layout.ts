/**
 * A compact tidy-tree layout for the org chart, in points. Positions with reports of their own
 * spread side by side under a bus line; a position's leaf reports stack in one indented column
 * on a spine, the way printed org charts save width. When the tree is still wider than the
 * frame it prints in, the deepest positions switch to stacking their reports too, until it fits,
 * so a 4-level, 12+-position tree prints on A4 at full size instead of shrinking.
 * Pure: record tree in, boxes and connector paths out.
 */
import { FAMILIES } from '../../fonts/registry.js';
import type { OrgNode } from '../../record/schema.js';
import { wrapText, type MeasuredFace } from './text-width.js';

export const ORG_CHART_STYLE = {
  boxWidth: 136,
  padding: 6,
  label: { face: { family: FAMILIES.sans, weight: 600, style: 'normal' } as MeasuredFace, size: 9, leading: 11 },
  note: { face: { family: FAMILIES.sans, weight: 400, style: 'italic' } as MeasuredFace, size: 7.5, leading: 9.3 },
  /** The "THIS FILE" tag on the role's own box. */
  tag: { face: { family: FAMILIES.mono, weight: 600, style: 'normal' } as MeasuredFace, size: 7, leading: 9.5 },
  levelGap: 20,
  siblingGap: 12,
  stackGap: 7,
  indent: 16,
  margin: 4,
} as const;

export interface OrgBox {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string[];
  note: string[];
  self: boolean;
  depth: number;
}

export interface OrgChartLayout {
  width: number;
  height: number;
  /** Parents before their reports: the order the chart reads in, and its text order in the PDF. */
  boxes: OrgBox[];
  /** Connector polylines as SVG path data. */
  links: string[];
  /** Every font size the chart uses, in points at its natural size. */
  fontSizes: number[];
}

interface Subtree {
  width: number;
  height: number;
  boxes: OrgBox[];
  links: string[];
  /** Where the connector from the parent arrives, relative to the subtree's left edge. */
  attachX: number;
  /** The subtree's top box, for connectors that arrive from the side. */
  root: OrgBox;
}

const S = ORG_CHART_STYLE;
const round = (value: number) => Number(value.toFixed(2));

const measured = new WeakMap<OrgNode, OrgBox>();

function box(node: OrgNode, depth: number): OrgBox {
  const cached = measured.get(node);
  if (cached) return { ...cached, depth };
  const made = measureBox(node, depth);
  measured.set(node, made);
  return made;
}

function measureBox(node: OrgNode, depth: number): OrgBox {
  const inner = S.boxWidth - 2 * S.padding;
  const label = wrapText(node.label, S.label.face, S.label.size, inner);
  const note = node.note ? wrapText(node.note, S.note.face, S.note.size, inner) : [];
  const tag = node.self ? S.tag.leading : 0;
  const height = 2 * S.padding + tag + label.length * S.label.leading + (note.length > 0 ? 2 + note.length * S.note.leading : 0);
  return { x: 0, y: 0, width: S.boxWidth, height, label, note, self: node.self === true, depth };
}

function shift(subtree: Subtree, dx: number, dy: number): Subtree {
  return {
    ...subtree,
    attachX: subtree.attachX + dx,
    root: { ...subtree.root, x: subtree.root.x + dx, y: subtree.root.y + dy },
    boxes: subtree.boxes.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy })),
    links: subtree.links.map((d) => translatePath(d, dx, dy)),
  };
}

/** Paths are written as "M x y V y H x" in absolute coordinates; moving one moves every number. */
function translatePath(d: string, dx: number, dy: number): string {
  const tokens = d.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token === 'M' || token === 'L') {
      out.push(token, String(round(Number(tokens[i + 1]) + dx)), String(round(Number(tokens[i + 2]) + dy)));
      i += 2;
    } else if (token === 'H') {
      out.push(token, String(round(Number(tokens[i + 1]) + dx)));
      i += 1;
    } else if (token === 'V') {
      out.push(token, String(round(Number(tokens[i + 1]) + dy)));
      i += 1;
    }
  }
  return out.join(' ');
}

const path = (...parts: (string | number)[]) => parts.map((part) => (typeof part === 'number' ? String(round(part)) : part)).join(' ');

/** Two or more leaf reports in one column, hung off a spine at attachX. */
function leafStack(nodes: OrgNode[], depth: number): Subtree {
  const boxes: OrgBox[] = [];
  const links: string[] = [];
  const spineX = S.indent / 2;
  let y = 0;
  let lastMid = 0;
  for (const node of nodes) {
    const b = { ...box(node, depth), x: S.indent, y };
    boxes.push(b);
    lastMid = y + Math.min(b.height / 2, 14);
    links.push(path('M', spineX, lastMid, 'H', S.indent));
    y += b.height + S.stackGap;
  }
  links.unshift(path('M', spineX, 0, 'V', lastMid));
  return { width: S.indent + S.boxWidth, height: y - S.stackGap, boxes, links, attachX: spineX, root: boxes[0]! };
}

/** A position's reports (each with its own reports) in one indented column, each joined to a spine at its top box. */
function stackedUnits(root: OrgBox, units: Subtree[]): Subtree {
  const spineX = S.indent / 2;
  const boxes: OrgBox[] = [root];
  const links: string[] = [];
  let y = root.height + S.levelGap;
  let lastMid = y;
  let width = root.width;
  for (const unit of units) {
    const placed = shift(unit, S.indent, y);
    lastMid = placed.root.y + Math.min(placed.root.height / 2, 14);
    links.push(path('M', spineX, lastMid, 'H', placed.root.x));
    boxes.push(...placed.boxes);
    links.push(...placed.links);
    width = Math.max(width, S.indent + unit.width);
    y += unit.height + S.stackGap;
  }
  links.unshift(path('M', spineX, root.height, 'V', lastMid));
  return { width, height: y - S.stackGap, boxes, links, attachX: root.width / 2, root };
}

function layoutNode(node: OrgNode, depth: number, stacked: ReadonlySet<OrgNode>): Subtree {
  const root = box(node, depth);
  const reports = node.reports ?? [];
  if (reports.length === 0) return { width: root.width, height: root.height, boxes: [root], links: [], attachX: root.width / 2, root };

  const leaves = reports.filter((child) => !child.reports || child.reports.length === 0);
  const branches = reports.filter((child) => child.reports && child.reports.length > 0);
  const units: Subtree[] = branches.map((child) => layoutNode(child, depth + 1, stacked));
  if (leaves.length === 1) units.push(layoutNode(leaves[0]!, depth + 1, stacked));
  if (leaves.length > 1) units.push(leafStack(leaves, depth + 1));
  if (stacked.has(node) && units.length > 1) return stackedUnits(root, units);

  const top = root.height + S.levelGap;

  // Only a column of leaves: the parent sits above it, left-aligned, and the spine drops from it.
  if (units.length === 1 && leaves.length > 1) {
    const stack = shift(units[0]!, 0, top);
    return {
      width: Math.max(root.width, stack.width),
      height: top + units[0]!.height,
      boxes: [root, ...stack.boxes],
      links: [path('M', stack.attachX, root.height, 'V', top), ...stack.links],
      attachX: root.width / 2,
      root,
    };
  }

  // Units side by side; the parent centred over the first and last arrival points.
  const placed: Subtree[] = [];
  let x = 0;
  for (const unit of units) {
    placed.push(shift(unit, x, top));
    x += unit.width + S.siblingGap;
  }
  const childrenWidth = x - S.siblingGap;
  const first = placed[0]!.attachX;
  const last = placed[placed.length - 1]!.attachX;
  let rootX = (first + last) / 2 - root.width / 2;
  // A parent wider than its children's span pushes the children right instead of hanging off the left.
  const dx = rootX < 0 ? -rootX : 0;
  rootX += dx;
  const moved = placed.map((unit) => shift(unit, dx, 0));
  const rootCentre = rootX + root.width / 2;
  const busY = root.height + S.levelGap / 2;

  const links: string[] = [];
  if (moved.length === 1) {
    links.push(path('M', rootCentre, root.height, 'V', top));
  } else {
    links.push(path('M', rootCentre, root.height, 'V', busY));
    links.push(path('M', moved[0]!.attachX, busY, 'H', moved[moved.length - 1]!.attachX));
    for (const unit of moved) links.push(path('M', unit.attachX, busY, 'V', top));
  }
  return {
    width: Math.max(childrenWidth + dx, rootX + root.width),
    height: top + Math.max(...units.map((unit) => unit.height)),
    boxes: [{ ...root, x: rootX }, ...moved.flatMap((unit) => unit.boxes)],
    links: [...links, ...moved.flatMap((unit) => unit.links)],
    attachX: rootCentre,
    root: { ...root, x: rootX },
  };
}

/** Positions whose reports could stack instead of spreading, deepest (then widest family) first. */
function stackCandidates(root: OrgNode): OrgNode[] {
  const found: { node: OrgNode; depth: number; reports: number }[] = [];
  const visit = (node: OrgNode, depth: number) => {
    const reports = node.reports ?? [];
    const branches = reports.filter((child) => child.reports && child.reports.length > 0).length;
    const units = branches + (reports.length > branches ? 1 : 0);
    if (units > 1) found.push({ node, depth, reports: reports.length });
    reports.forEach((child) => visit(child, depth + 1));
  };
  visit(root, 1);
  return found.sort((a, b) => b.depth - a.depth || b.reports - a.reports).map((entry) => entry.node);
}

/** A chart may print this much smaller than designed (type stays at 6.3 pt or more) before it rearranges. */
export const MIN_PRINT_SCALE = 0.9;

/**
 * Lays the tree out; with `maxWidth` (points), stacks the reports of the deepest positions,
 * one at a time, until the chart fits that width at MIN_PRINT_SCALE or nothing is left to stack.
 */
export function layoutOrgChart(root: OrgNode, options: { maxWidth?: number } = {}): OrgChartLayout {
  const stacked = new Set<OrgNode>();
  let tree = layoutNode(root, 1, stacked);
  if (options.maxWidth !== undefined) {
    for (const candidate of stackCandidates(root)) {
      if ((tree.width + 2 * S.margin) * MIN_PRINT_SCALE <= options.maxWidth) break;
      stacked.add(candidate);
      tree = layoutNode(root, 1, stacked);
    }
  }
  tree = shift(tree, S.margin, S.margin);
  const selfTag = tree.boxes.some((b) => b.self) ? [S.tag.size] : [];
  return {
    width: round(tree.width + 2 * S.margin),
    height: round(tree.height + 2 * S.margin),
    boxes: tree.boxes,
    links: tree.links,
    fontSizes: [S.label.size, S.note.size, ...selfTag],
  };
}

/** Boxes that overlap each other (should be none): pairs of indexes into layout.boxes. */
export function overlappingBoxes(layout: OrgChartLayout): [number, number][] {
  const pairs: [number, number][] = [];
  layout.boxes.forEach((a, i) => {
    layout.boxes.forEach((b, j) => {
      if (j <= i) return;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs.push([i, j]);
    });
  });
  return pairs;
}

/**
 * How the chart prints in a frame of the given size (points): it is scaled down to fit, never up,
 * so the smallest type on paper is the smallest font size times that scale.
 */
export function printedScale(layout: OrgChartLayout, frame: { width: number; height: number }): { scale: number; minFontPt: number } {
  const scale = Math.min(1, frame.width / layout.width, frame.height / layout.height);
  return { scale, minFontPt: Math.min(...layout.fontSizes) * scale };
}
