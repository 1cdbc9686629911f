import { CasefileError } from '../errors.js';

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new CasefileError('E_USAGE', `invalid --shard ${JSON.stringify(text)}: expected i/n with 1 ≤ i ≤ n, e.g. 2/4`);
  }
  return { index, count };
}

/**
 * The records of one shard: sorted by slug, then dealt round-robin, so every record lands in
 * exactly one shard, shards differ in size by at most one, and every machine agrees.
 */
export function selectShard<T extends { slug: string }>(items: readonly T[], shard: Shard): T[] {
  return [...items]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .filter((_item, position) => position % shard.count === shard.index - 1);
}
