/**
 * The org chart as page text. The page shows the chart as a picture, so scraped text has none;
 * `casefile export` writes it as an indented list a person can edit, and the reader takes it back:
 *
 *   ORG CHART:
 *   - Chief Technology Officer — Declared the company 'cloud-first' at an all-hands
 *     - VP of Engineering
 *       * Lead Infrastructure Engineer — Strategic oversight
 *
 * One position a line, deeper positions indented further, "*" marking the role itself.
 */
import type { PathSegment } from '../json-path.js';
import type { OrgNode } from '../schema.js';
import type { TextLine } from './lines.js';

export const ORG_CHART_LABEL = 'ORG CHART:';
const NOTE_SEPARATOR = ' — ';
const INDENT = '  ';

export function isOrgChartLabel(line: TextLine): boolean {
  return /^ORG CHART:?$/i.test(line.text);
}

export function writeOrgChartBlock(chart: OrgNode): string[] {
  const lines = [ORG_CHART_LABEL];
  const visit = (node: OrgNode, depth: number): void => {
    const note = node.note === undefined ? '' : `${NOTE_SEPARATOR}${node.note}`;
    lines.push(`${INDENT.repeat(depth)}${node.self === true ? '*' : '-'} ${node.label}${note}`);
    node.reports?.forEach((child) => visit(child, depth + 1));
  };
  visit(chart, 0);
  return lines;
}

export interface ChartLineProblem {
  line: TextLine;
  expected: string;
  path: PathSegment[];
}

export interface ReadChart {
  chart: OrgNode;
  /** JSON path (below the chart) → the line each position came from. */
  origins: { path: PathSegment[]; line: TextLine }[];
}

const POSITION = /^([-*])\s+(.+)$/su;

function indentOf(line: TextLine): number {
  return line.indented.length - line.indented.trimStart().length;
}

/** The block's position lines (the label already read) to a tree, or the first line that breaks the form. */
export function readOrgChartBlock(label: TextLine, lines: readonly TextLine[]): ReadChart | ChartLineProblem {
  const origins: ReadChart['origins'] = [];
  const stack: { indent: number; node: OrgNode; path: PathSegment[] }[] = [];
  let root: OrgNode | undefined;
  let selfLine: TextLine | undefined;
  for (const line of lines) {
    const match = POSITION.exec(line.text);
    if (match === null) return { line, expected: 'a position of the org chart, "- label" or "- label — note" ("*" for the role itself)', path: [] };
    if (match[1] === '*') {
      if (selfLine !== undefined) return { line, expected: `one position marked "*", the role itself; line ${selfLine.number} is marked already`, path: [] };
      selfLine = line;
    }
    const [label, ...noteParts] = match[2]!.split(NOTE_SEPARATOR);
    const node: OrgNode = { label: label!.trim(), ...(noteParts.length > 0 ? { note: noteParts.join(NOTE_SEPARATOR).trim() } : {}), ...(match[1] === '*' ? { self: true } : {}) };
    const indent = indentOf(line);
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    const parent = stack.at(-1);
    if (parent === undefined) {
      if (root !== undefined) return { line, expected: 'one top position: every other position indented under it', path: [] };
      root = node;
      stack.push({ indent, node, path: [] });
      origins.push({ path: [], line });
      continue;
    }
    parent.node.reports = [...(parent.node.reports ?? []), node];
    const path = [...parent.path, 'reports', parent.node.reports.length - 1];
    stack.push({ indent, node, path });
    origins.push({ path, line });
  }
  if (root === undefined) return { line: label, expected: 'the positions of the org chart under ORG CHART:', path: [] };
  if (selfLine === undefined) return { line: label, expected: 'one position marked "*", the role itself: "* Lead Infrastructure Engineer"', path: [] };
  return { chart: root, origins };
}
