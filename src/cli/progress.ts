/**
 * Build progress: a bar on a terminal, one plain line per finished output otherwise (CI logs),
 * nothing with --quiet or --json.
 */
import cliProgress from 'cli-progress';
import type { BuildEvents } from '../site/events.js';
import type { Reporter } from './reporter.js';

export interface Progress extends BuildEvents {
  stop(): void;
}

export function createProgress(reporter: Reporter, stream: NodeJS.WriteStream = process.stderr): Progress {
  const silent = reporter.quiet || reporter.json;
  const warn = (message: string) => reporter.warn(message);
  const info = (message: string) => reporter.debug(message);

  if (silent || !stream.isTTY) {
    let done = 0;
    let total = 0;
    return {
      onPlanned: (count) => {
        total = count;
      },
      onOutput: (event) => {
        done += 1;
        if (event.status === 'failed' && event.error) reporter.error(event.error);
        if (event.status === 'made' || reporter.verbose) reporter.info(`[${done}/${total}] ${event.status} ${event.path ?? event.record}`);
      },
      onWarning: warn,
      onInfo: info,
      stop: () => undefined,
    };
  }

  const bar = new cliProgress.SingleBar(
    { stream, format: 'building [{bar}] {value}/{total} {percentage}% | {last}', hideCursor: true, clearOnComplete: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  const errors: Parameters<Reporter['error']>[0][] = [];
  const warnings: string[] = [];
  let stopped = false;
  const infos: string[] = [];
  return {
    onPlanned: (total) => bar.start(total, 0, { last: '' }),
    onOutput: (event) => {
      if (event.status === 'failed' && event.error) errors.push(event.error);
      bar.increment({ last: `${event.status} ${event.path ?? event.record}` });
    },
    // Printing under a live bar garbles it: hold messages until it stops.
    onWarning: (message) => warnings.push(message),
    onInfo: (message) => (reporter.verbose ? infos.push(message) : undefined),
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
      for (const error of errors) reporter.error(error);
      for (const message of infos.splice(0)) info(message);
      for (const message of warnings) warn(message);
    },
  };
}
