import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../../src/site/shard.js';

const records = ['sdet', 'enterprise-architect', 'lead-infrastructure-engineer', 'lead-backend-data-procurement-analyst', 'cto', 'scrum-master', 'devrel']
  .map((slug) => ({ slug }));

describe('sharding', () => {
  it.each([1, 2, 3, 4, 5])('covers every record exactly once with n = %i', (count) => {
    const shards = Array.from({ length: count }, (_unused, index) => selectShard(records, { index: index + 1, count }).map((record) => record.slug));
    const all = shards.flat();
    expect(all.sort()).toEqual(records.map((record) => record.slug).sort());
    expect(new Set(all).size).toBe(records.length);
    const sizes = shards.map((shard) => shard.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('does not depend on the order records were listed in', () => {
    const shuffled = [...records].reverse();
    expect(selectShard(shuffled, { index: 2, count: 3 })).toEqual(selectShard(records, { index: 2, count: 3 }));
  });

  it('parses i/n and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0', '-1/2']) expect(() => parseShard(bad)).toThrow(/invalid --shard/);
  });
});
