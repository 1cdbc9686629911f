/**
 * `--shard auto`: the shard index and total from the variables CI systems already set for their
 * parallel jobs, so a pipeline needs no arithmetic of its own. Each system counts its own way
 * (GitLab from 1, the others from 0); everything here turns that into casefile's 1-based i/n.
 */
import { CasefileError } from '../errors.js';
import { parseShard, type Shard } from './shard.js';

export interface ShardSource {
  /** The CI system, as the user would name it. */
  system: string;
  /** The variables it reads: index first, then the total (absent for Kubernetes). */
  index: string;
  total?: string;
  /** What the index variable's first job is numbered. */
  firstIndex: 0 | 1;
}

/** In the order they are tried: the explicit casefile variable first, then the CI systems. */
export const SHARD_SOURCES: readonly ShardSource[] = [
  { system: 'GitLab CI', index: 'CI_NODE_INDEX', total: 'CI_NODE_TOTAL', firstIndex: 1 },
  { system: 'CircleCI', index: 'CIRCLE_NODE_INDEX', total: 'CIRCLE_NODE_TOTAL', firstIndex: 0 },
  { system: 'Buildkite', index: 'BUILDKITE_PARALLEL_JOB', total: 'BUILDKITE_PARALLEL_JOB_COUNT', firstIndex: 0 },
  { system: 'a Kubernetes Indexed Job', index: 'JOB_COMPLETION_INDEX', firstIndex: 0 },
];

export const CASEFILE_SHARD_VARIABLE = 'CASEFILE_SHARD';

export interface ResolvedShard {
  shard: Shard;
  /** Which system and variables it came from, for the user to see, e.g. `CircleCI (CIRCLE_NODE_INDEX=2, CIRCLE_NODE_TOTAL=4)`. */
  from: string;
}

type Environment = Readonly<Record<string, string | undefined>>;

const present = (env: Environment, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

function wholeNumber(value: string, name: string, least: number): number {
  if (!/^\d+$/.test(value) || Number(value) < least) {
    throw new CasefileError('E_USAGE', `--shard auto: ${name}=${JSON.stringify(value)} is not a whole number of at least ${least}`);
  }
  return Number(value);
}

function fromSource(env: Environment, source: ShardSource, indexText: string, totalFallback: number | undefined, totalFallbackFrom: string): ResolvedShard {
  const rawIndex = wholeNumber(indexText, source.index, source.firstIndex);
  const totalText = source.total === undefined ? undefined : present(env, source.total);
  let count: number;
  let totalFrom: string;
  if (totalText !== undefined) {
    count = wholeNumber(totalText, source.total!, 1);
    totalFrom = `${source.total}=${totalText}`;
  } else if (totalFallback !== undefined) {
    count = totalFallback;
    totalFrom = `total ${totalFallback} from ${totalFallbackFrom}`;
  } else {
    const needs = source.total === undefined ? '--shard-total N (or "shardTotal" in the config)' : `${source.total} (or --shard-total N)`;
    throw new CasefileError('E_USAGE', `--shard auto: ${source.index} is set but the number of shards is not; set ${needs}`);
  }
  const index = rawIndex - source.firstIndex + 1;
  if (index > count) {
    throw new CasefileError('E_USAGE', `--shard auto: ${source.index}=${indexText} is past the last of ${count} shards (${source.system} counts from ${source.firstIndex})`);
  }
  return { shard: { index, count }, from: `${source.system} (${source.index}=${indexText}, ${totalFrom})` };
}

/**
 * The shard this job builds, from CASEFILE_SHARD=i/n or the first CI system whose index variable
 * is set. `shardTotal` supplies the total where the system sets none (a Kubernetes Indexed Job
 * knows its index only). With none set it fails naming every variable it looked for.
 */
export function shardFromEnvironment(env: Environment, shardTotal?: number, shardTotalFrom = '--shard-total'): ResolvedShard {
  const explicit = present(env, CASEFILE_SHARD_VARIABLE);
  if (explicit !== undefined) {
    try {
      return { shard: parseShard(explicit), from: `${CASEFILE_SHARD_VARIABLE}=${explicit}` };
    } catch {
      throw new CasefileError('E_USAGE', `--shard auto: ${CASEFILE_SHARD_VARIABLE}=${JSON.stringify(explicit)} is not i/n with 1 ≤ i ≤ n, e.g. 2/4`);
    }
  }
  for (const source of SHARD_SOURCES) {
    const index = present(env, source.index);
    if (index !== undefined) return fromSource(env, source, index, shardTotal, shardTotalFrom);
  }
  const looked = [CASEFILE_SHARD_VARIABLE, ...SHARD_SOURCES.flatMap((source) => [source.index, ...(source.total ? [source.total] : [])])];
  throw new CasefileError('E_USAGE', `--shard auto: no shard found in the environment; looked for ${looked.join(', ')}`);
}
