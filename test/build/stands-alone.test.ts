/**
 * The repository must stand alone on a clone anywhere: nothing in the code, tests, scripts, bench
 * or CI may read files from beside the clone (the project's shared folder is absent on a fresh clone).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const FOLDERS = ['src', 'test', 'scripts', 'bench', '.ci'];
// Built from parts so this file does not match itself.
const SHARED = 'sha' + 'red';
const NEEDLES = [`../${SHARED}`, `'..', '${SHARED}'`, `"..", "${SHARED}"`, `/work/${SHARED}`];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the repository', () => {
  it('reads nothing from outside its own folder', () => {
    const files = FOLDERS.flatMap((folder) => filesUnder(path.join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'latin1');
      return NEEDLES.filter((needle) => text.includes(needle)).map((needle) => `${path.relative(ROOT, file)}: ${needle}`);
    });
    expect(offenders).toEqual([]);
  });
});
