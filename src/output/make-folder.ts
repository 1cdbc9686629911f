/**
 * `mkdir -p` that always ends. Node's recursive mkdir (sync or not) never settles when the kernel
 * answers ENOENT for a folder whose parent exists, as Linux does for a new folder under /proc:
 * it makes the parent, finds it there, and tries the child again, forever. Here each missing
 * folder is made once, from the top down, and the first refusal is the error.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

const missingFolder = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** The folders to make for `dir` to exist, the highest first; none when it is there. */
async function missingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let folder = path.resolve(dir); ; folder = path.dirname(folder)) {
    // A file in the way is found by mkdir below, which says so (EEXIST or ENOTDIR).
    const found = await stat(folder).then(
      () => true,
      (error: unknown) => {
        if (missingFolder(error)) return false;
        throw error;
      },
    );
    if (found) break;
    missing.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  return missing;
}

export async function makeFolder(dir: string): Promise<void> {
  for (const folder of await missingFolders(dir)) {
    await mkdir(folder).catch((error: unknown) => {
      // Made meanwhile by another writer: what was wanted.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    });
  }
}
