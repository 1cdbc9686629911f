/** `--shard auto`: each CI system's variables and numbering turned into casefile's 1-based i/n. */
import { describe, expect, it } from 'vitest';
import { shardFromEnvironment } from '../../src/site/shard-env.js';

describe('shard from the CI environment', () => {
  // Each system's first and last parallel job of four: GitLab counts from 1, the others from 0.
  it.each([
    ['GitLab', { CI_NODE_INDEX: '1', CI_NODE_TOTAL: '4' }, { index: 1, count: 4 }, /^GitLab CI \(CI_NODE_INDEX=1, CI_NODE_TOTAL=4\)$/],
    ['GitLab', { CI_NODE_INDEX: '4', CI_NODE_TOTAL: '4' }, { index: 4, count: 4 }, /GitLab/],
    ['CircleCI', { CIRCLE_NODE_INDEX: '0', CIRCLE_NODE_TOTAL: '4' }, { index: 1, count: 4 }, /^CircleCI \(CIRCLE_NODE_INDEX=0, CIRCLE_NODE_TOTAL=4\)$/],
    ['CircleCI', { CIRCLE_NODE_INDEX: '3', CIRCLE_NODE_TOTAL: '4' }, { index: 4, count: 4 }, /CircleCI/],
    ['Buildkite', { BUILDKITE_PARALLEL_JOB: '0', BUILDKITE_PARALLEL_JOB_COUNT: '4' }, { index: 1, count: 4 }, /^Buildkite \(BUILDKITE_PARALLEL_JOB=0/],
    ['Buildkite', { BUILDKITE_PARALLEL_JOB: '3', BUILDKITE_PARALLEL_JOB_COUNT: '4' }, { index: 4, count: 4 }, /Buildkite/],
    ['CASEFILE_SHARD', { CASEFILE_SHARD: '2/4' }, { index: 2, count: 4 }, /^CASEFILE_SHARD=2\/4$/],
  ])('%s %j → %j', (_system, env, shard, from) => {
    const resolved = shardFromEnvironment(env);
    expect(resolved.shard).toEqual(shard);
    expect(resolved.from).toMatch(from);
  });

  it('takes a Kubernetes Indexed Job total from --shard-total, and asks for it when missing', () => {
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '0' }, 3).shard).toEqual({ index: 1, count: 3 });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '2' }, 3)).toEqual({
      shard: { index: 3, count: 3 },
      from: 'a Kubernetes Indexed Job (JOB_COMPLETION_INDEX=2, total 3 from --shard-total)',
    });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '1' }, 2, 'shardTotal in the config').from).toBe(
      'a Kubernetes Indexed Job (JOB_COMPLETION_INDEX=1, total 2 from shardTotal in the config)',
    );
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '0' })).toThrow(/JOB_COMPLETION_INDEX is set but the number of shards is not; set --shard-total N/);
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '3' }, 3)).toThrow(/past the last of 3 shards \(a Kubernetes Indexed Job counts from 0\)/);
  });

  it('prefers CASEFILE_SHARD over a CI system, and treats empty variables as unset', () => {
    expect(shardFromEnvironment({ CASEFILE_SHARD: '1/2', CI_NODE_INDEX: '2', CI_NODE_TOTAL: '2' }).shard).toEqual({ index: 1, count: 2 });
    expect(shardFromEnvironment({ CASEFILE_SHARD: '', CIRCLE_NODE_INDEX: '1', CIRCLE_NODE_TOTAL: '2' }).shard).toEqual({ index: 2, count: 2 });
  });

  it.each([
    [{ CI_NODE_INDEX: '0', CI_NODE_TOTAL: '4' }, /CI_NODE_INDEX="0" is not a whole number of at least 1/],
    [{ CIRCLE_NODE_INDEX: '4', CIRCLE_NODE_TOTAL: '4' }, /CIRCLE_NODE_INDEX=4 is past the last of 4 shards \(CircleCI counts from 0\)/],
    [{ BUILDKITE_PARALLEL_JOB: 'x', BUILDKITE_PARALLEL_JOB_COUNT: '2' }, /BUILDKITE_PARALLEL_JOB="x"/],
    [{ CASEFILE_SHARD: '5/4' }, /CASEFILE_SHARD="5\/4" is not i\/n/],
    [{ CI_NODE_INDEX: '1' }, /CI_NODE_INDEX is set but the number of shards is not; set CI_NODE_TOTAL/],
  ])('refuses %j', (env, message) => {
    expect(() => shardFromEnvironment(env)).toThrow(message);
  });

  it('names every variable it looked for when none is set', () => {
    expect(() => shardFromEnvironment({ HOME: '/root' })).toThrow(
      '--shard auto: no shard found in the environment; looked for CASEFILE_SHARD, CI_NODE_INDEX, CI_NODE_TOTAL, CIRCLE_NODE_INDEX, CIRCLE_NODE_TOTAL, BUILDKITE_PARALLEL_JOB, BUILDKITE_PARALLEL_JOB_COUNT, JOB_COMPLETION_INDEX',
    );
  });
});
