import type { OrgNode } from './schema.js';

export interface OrgNodeVisit {
  node: OrgNode;
  /** JSON path segments from the chart root, e.g. ['reports', 0, 'reports', 1]. */
  path: (string | number)[];
  depth: number;
}

/** Every node of the tree, parents before children, with where it sits. */
export function walkOrgChart(root: OrgNode): OrgNodeVisit[] {
  const visits: OrgNodeVisit[] = [];
  const visit = (node: OrgNode, path: (string | number)[], depth: number): void => {
    visits.push({ node, path, depth });
    node.reports?.forEach((child, index) => visit(child, [...path, 'reports', index], depth + 1));
  };
  visit(root, [], 1);
  return visits;
}

export function orgChartDepth(root: OrgNode): number {
  return Math.max(...walkOrgChart(root).map((visit) => visit.depth));
}
