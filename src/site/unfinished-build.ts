/**
 * A build keeps a mark in its out folder while it runs and removes it when it ends, however it
 * ends short of being killed. The next build looks through the out folder for the temporary files
 * a killed writer leaves only when it finds a mark: listing every folder of a 10,000-card site on
 * every build was a tenth of a build that changed nothing.
 *
 * A mark is also left by a build still running beside this one; looking then costs a listing and
 * removes nothing of a live process (removeStaleTemporaries).
 */
import { rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeWriteError, removeStaleTemporaries } from '../output/atomic.js';
import { makeFolder } from '../output/make-folder.js';

export const BUILD_MARK = '.casefile-building';

export interface BuildMark {
  /** Temporary files of a killed build, removed (absolute paths). */
  removed: string[];
  /** Removes the mark: the build ended, and left no temporary file of its own. */
  clear: () => Promise<void>;
}

/** Looks for an unfinished build's leftovers, then marks this build as running. */
export async function markBuildRunning(outDir: string): Promise<BuildMark> {
  const mark = path.join(outDir, BUILD_MARK);
  const unfinished = await stat(mark).then(
    () => true,
    () => false,
  );
  const removed = unfinished ? await removeStaleTemporaries(outDir) : [];
  try {
    await makeFolder(outDir);
    await writeFile(mark, `${process.pid}\n`);
  } catch (error) {
    throw describeWriteError(error, mark);
  }
  return { removed, clear: () => rm(mark, { force: true }) };
}
