/**
 * The org chart in words, for its figure's alt text: the reporting chain from this role up to the
 * top, who reports to it, where everyone else sits, then each position's note. A screen reader
 * reads the alt text instead of the boxes (the figure's text is one box after another, with no
 * lines between them), so everything the boxes say is in it. Plain text: the template escapes it.
 */
import type { OrgNode } from '../../record/schema.js';

interface Placed {
  node: OrgNode;
  manager: OrgNode | undefined;
}

/** Every position, top down and left to right, with whom it reports to. */
function positions(root: OrgNode): Placed[] {
  const out: Placed[] = [];
  const visit = (node: OrgNode, manager: OrgNode | undefined) => {
    out.push({ node, manager });
    for (const report of node.reports ?? []) visit(report, node);
  };
  visit(root, undefined);
  return out;
}

/** "a", "a and b", "a, b and c" */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

export function orgChartAlt(root: OrgNode, title: string): string {
  const placed = positions(root);
  const managerOf = new Map(placed.map(({ node, manager }) => [node, manager]));
  const self = placed.find(({ node }) => node.self)?.node;
  const parts = [`Org chart of the ${title}.`];
  const told = new Set<OrgNode>();
  if (self) {
    const chain: OrgNode[] = [];
    for (let manager = managerOf.get(self); manager; manager = managerOf.get(manager)) chain.push(manager);
    parts.push(
      chain.length === 0
        ? `${self.label}, this file, is at the top.`
        : `${self.label}, this file, reports to ${chain.map((node) => node.label).join(', who reports to ')}.`,
    );
    [self, ...chain].forEach((node) => told.add(node));
  } else {
    parts.push(`${root.label} is at the top.`);
    told.add(root);
  }
  // Those under this role first, then everyone else, grouped under whom they report to, in the chart's order.
  const managers = placed.map(({ node }) => node);
  for (const manager of self ? [self, ...managers.filter((node) => node !== self)] : managers) {
    const reports = (manager.reports ?? []).filter((report) => !told.has(report));
    if (reports.length === 0) continue;
    const also = manager === self || (manager.reports ?? []).every((report) => !told.has(report)) ? '' : 'Also r';
    parts.push(`${also || 'R'}eporting to ${manager.label}: ${listInWords(reports.map((report) => report.label))}.`);
    reports.forEach((report) => told.add(report));
  }
  const notes = placed.filter(({ node }) => node.note);
  if (notes.length > 0) parts.push(`Notes: ${notes.map(({ node }) => `${node.label}: ${node.note}`).join('; ')}.`.replace(/\.\.$/, '.'));
  return parts.map(sentence).join(' ');
}
