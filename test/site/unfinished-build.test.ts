import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MARK, markBuildRunning } from '../../src/site/unfinished-build.js';
import { tempDir } from '../helpers/tmp.js';

/** What a writer killed mid-write leaves: a temporary file named for a process that is gone. */
function leaveTemporary(out: string): string {
  const file = path.join(out, 'sdet', 'cards', '.cover.png.tmp-999999999-0badf00d');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'half a png');
  return file;
}

describe('the mark of a running build', () => {
  it('is there while the build runs and gone once it ends', async () => {
    const out = path.join(tempDir(), 'out');
    const mark = await markBuildRunning(out);
    expect(readFileSync(path.join(out, BUILD_MARK), 'utf8')).toBe(`${process.pid}\n`);
    expect(mark.removed).toEqual([]);
    await mark.clear();
    expect(existsSync(path.join(out, BUILD_MARK))).toBe(false);
  });

  it("makes the next build remove a killed build's temporary files", async () => {
    const out = tempDir();
    const left = leaveTemporary(out);
    writeFileSync(path.join(out, BUILD_MARK), '999999999\n');
    const mark = await markBuildRunning(out);
    expect(mark.removed).toEqual([left]);
    expect(existsSync(left)).toBe(false);
    await mark.clear();
  });

  it('lets a build that finds no mark skip the search: the last build ended', async () => {
    const out = tempDir();
    const left = leaveTemporary(out);
    const mark = await markBuildRunning(out);
    expect(mark.removed).toEqual([]);
    expect(existsSync(left)).toBe(true);
    await mark.clear();
  });
});
