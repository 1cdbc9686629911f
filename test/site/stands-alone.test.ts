/**
 * The repository must stand alone on a clone anywhere: nothing in the code, tests, scripts, bench
 * or CI may read files from beside the clone (the project's shared folder is absent on a fresh clone).
 */
import { execFileSync } from 'node:child_process';
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

  // `npx casefile` runs the bin through its own link, which a fresh clone at a path npx has
  // seen before does not renew: the file itself must be executable after `npm run build`.
  it('builds a bin that runs as a program, without node in front of it', () => {
    const { bin, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const printed = execFileSync(path.join(ROOT, bin.casefile), ['--version'], { encoding: 'utf8' });
    expect(printed.trim()).toBe(version);
  });
});
