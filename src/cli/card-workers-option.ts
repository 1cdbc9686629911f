/**
 * --workers, for the commands that draw cards (cards, build): card worker processes. Not given,
 * it is the config's `workers`, else the engine's default (DEFAULTS.cardWorkers, applied by
 * src/cards/workers.ts), which --help shows as the table has it on this machine.
 */
import type { Argv } from 'yargs';
import { ENGINE_NAMES } from '../cards/engines/engine.js';
import { BOUNDS, DEFAULTS, defaultParallelism } from '../settings/defaults.js';

/** `satori one per core (2), takumi none: it draws in this process`, from the defaults' table. */
export function cardWorkersByEngine(): string {
  const each = ENGINE_NAMES.map((engine) => {
    const workers = DEFAULTS.cardWorkers[engine];
    if (workers === 0) return `${engine} none (in this process)`;
    return workers === defaultParallelism() ? `${engine} one per core (${workers})` : `${engine} ${workers}`;
  });
  return `the config's, else by engine: ${each.join(', ')}; none for a single card`;
}

export function cardWorkersOption<T>(yargs: Argv<T>) {
  return yargs.option('workers', {
    type: 'number',
    defaultDescription: cardWorkersByEngine(),
    describe: `Card worker processes, ${BOUNDS.workers.min} to ${BOUNDS.workers.max} (0 draws in this process)`,
  });
}
