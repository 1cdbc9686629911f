/**
 * The values of a record in the order its page text prints them, and a stand-in record of the same
 * shape whose values the page text certainly holds. Export uses both to name the value at fault
 * when a record does not read back.
 */
import type { PathSegment } from '../json-path.js';
import type { CaseFile, OrgNode } from '../schema.js';
import { SECTIONS } from '../sections.js';

type Path = readonly PathSegment[];

/** The path of every value the page text writes, in the order it writes them. */
export function pageValuePaths(record: CaseFile): Path[] {
  const paths: Path[] = [['slug'], ['question'], ['title']];
  const { sections } = record;
  for (const { id } of SECTIONS) {
    const at = (...rest: PathSegment[]): Path => ['sections', id, ...rest];
    if (sections[id].heading !== undefined) paths.push(at('heading'));
    switch (id) {
      case 'org-chart':
        paths.push(at('summary'), ...chartPaths(sections['org-chart'].chart, at('chart')), ...record.aliases.map((_, index) => ['aliases', index]));
        break;
      case 'habitat':
        paths.push(...sections.habitat.places.map((_, index) => at('places', index)));
        break;
      case 'salary':
        paths.push(at('marketAverage'), at('currency'), at('note'), at('quote'), at('topEarners'));
        if (sections.salary.topEarnersQualifier !== undefined) paths.push(at('topEarnersQualifier'));
        break;
      case 'flight-risk':
        paths.push(at('percent'), at('level'), at('diagnosis'));
        break;
      case 'metrics':
      case 'weaponry':
        paths.push(...sections[id].items.flatMap((_, index) => [at('items', index, 'name'), at('items', index, 'description')]));
        break;
      case 'survival-guide':
        paths.push(...sections[id].items.flatMap((_, index) => [at('items', index, 'situation'), at('items', index, 'advice')]));
        break;
      case 'job-ad-autopsy':
        paths.push(...sections[id].items.flatMap((_, index) => (['source', 'ad', 'translation'] as const).map((key) => at('items', index, key))));
        break;
      case 'day-in-the-life':
        paths.push(...sections[id].entries.flatMap((_, index) => (['start', 'end', 'title', 'description'] as const).map((key) => at('entries', index, key))));
        break;
      case 'burn-ward':
        paths.push(at('summary'), ...sections[id].quotes.flatMap((_, index) => [at('quotes', index, 'text'), at('quotes', index, 'source')]));
        break;
      case 'related-specimens':
        paths.push(
          ...sections[id].items.flatMap((item, index) => [
            ...(['match', 'title', 'description'] as const).map((key) => at('items', index, key)),
            ...(item.slug === undefined ? [] : [at('items', index, 'slug')]),
          ]),
        );
        break;
    }
  }
  return paths;
}

function chartPaths(node: OrgNode, at: Path): Path[] {
  return [
    [...at, 'label'],
    ...(node.note === undefined ? [] : [[...at, 'note']]),
    ...(node.reports ?? []).flatMap((child, index) => chartPaths(child, [...at, 'reports', index])),
  ];
}

/** Stand-ins by the key they sit under; any other text is a plain word. */
const STAND_INS: Record<string, string | number> = {
  slug: 'stand-in',
  currency: 'USD',
  start: '09:00',
  end: '10:00',
  topEarnersQualifier: 'nearly',
  marketAverage: 1,
  topEarners: 2,
  percent: 50,
  match: 50,
};

/** `record` with every value at `paths` replaced by a stand-in the page text holds. */
export function standInRecord(record: CaseFile, paths: readonly Path[]): CaseFile {
  const copy = structuredClone(record);
  for (const path of paths) {
    const key = path.findLast((segment) => typeof segment === 'string') ?? '';
    setAt(copy, path, STAND_INS[key] ?? (path[0] === 'aliases' ? `Alias ${String.fromCharCode(97 + (Number(path[1]) % 26))}` : 'Stand-in text'));
  }
  return copy;
}

export function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, segment) => (value as Record<PathSegment, unknown> | undefined)?.[segment], root);
}

export function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1)) as Record<PathSegment, unknown>;
  parent[path[path.length - 1]!] = value;
}
