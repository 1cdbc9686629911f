// Resident memory of a process and every process it started (card workers, Chromium's), read
// from /proc: the soak and bench scripts watch whole trees, since resvg's leak lives in workers.
import { readFileSync, readdirSync } from 'node:fs';

const PAGE_KB = 4;

function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { parent: Number(fields[1]), rssKb: Number(fields[21]) * PAGE_KB });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/** Resident memory (KB) of `root` and all its descendants. */
export function treeRssKb(root) {
  const table = processTable();
  const children = new Map();
  for (const [pid, info] of table) children.set(info.parent, [...(children.get(info.parent) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    total += table.get(pid)?.rssKb ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Resident memory (MB) of `root` and all its descendants. */
export const treeRssMb = (root) => treeRssKb(root) / 1024;
