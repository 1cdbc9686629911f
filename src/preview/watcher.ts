/**
 * Watches what the preview's pages are made of: the data folder, the templates and card layouts,
 * and the settings files. A burst of writes (an editor's save) is one change. A record file
 * (`<slug>.json` or `<slug>.txt` in the data folder) changes its own pages; anything else
 * changes them all.
 */
import path from 'node:path';
import chokidar from 'chokidar';
import { isRecordFileName, slugOfFileName } from '../record/file-kinds.js';

export interface SourceWatcherOptions {
  /** The data folder, resolved. */
  dataDir: string;
  /** The files and folders to watch now (asked again after every settings change). */
  sources: () => (string | undefined)[];
  /** Told about each change seen, for --verbose. */
  onChange?: (file: string) => void;
  /** These records' files changed. */
  onRecords: (slugs: string[]) => void;
  /** Something else changed (a template, a layout, the settings): after this, `sources` is watched again. */
  onEverything: () => Promise<void>;
}

export interface SourceWatcher {
  close(): Promise<void>;
}

const SETTLE_MS = 50;

/** Resolves once the watcher has read what it watches, so a change right after is seen. */
export async function watchSources(options: SourceWatcherOptions): Promise<SourceWatcher> {
  const watched = () => options.sources().filter((entry): entry is string => Boolean(entry)).map((entry) => path.resolve(entry));
  const watcher = chokidar.watch(watched(), { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 } });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const flush = async () => {
    timer = undefined;
    const files = [...pending];
    pending.clear();
    const everything = files.some((file) => path.dirname(file) !== options.dataDir || !isRecordFileName(path.basename(file)));
    if (everything) {
      await options.onEverything();
      watcher.add(watched());
    } else {
      options.onRecords([...new Set(files.map((file) => slugOfFileName(file)))]);
    }
  };
  watcher.on('all', (_event, file) => {
    options.onChange?.(file);
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), SETTLE_MS);
  });
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
