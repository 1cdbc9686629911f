import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachLine } from '../../src/site/read-lines.js';
import { tempDir } from '../helpers/tmp.js';

async function linesOf(text: string): Promise<string[]> {
  const file = path.join(tempDir(), 'lines.txt');
  writeFileSync(file, text);
  const lines: string[] = [];
  await forEachLine(file, (line) => lines.push(line));
  return lines;
}

describe('forEachLine', () => {
  it('hands over every line as split on newlines, the last one even without its newline', async () => {
    expect(await linesOf('a\n\nbé\nlast')).toEqual(['a', '', 'bé', 'last']);
    expect(await linesOf('one\n')).toEqual(['one']);
    expect(await linesOf('')).toEqual([]);
  });

  it('joins lines that the 1 MB chunks cut, multi-byte characters and lines longer than a chunk included', async () => {
    // Lines of every length, some of them megabytes, with a four-byte character at every offset.
    const lines = Array.from({ length: 40 }, (_unused, index) => `${index}:${'x'.repeat((index * 7919) % 13)}😀${'é✓'.repeat(index % 5 === 0 ? 400_000 + index : (index * 104_729) % 60_000)}`);
    expect(await linesOf(`${lines.join('\n')}\n`)).toEqual(lines);
  });

  it('rejects when the file cannot be read, and when the line handler throws', async () => {
    await expect(forEachLine(path.join(tempDir(), 'missing.txt'), () => undefined)).rejects.toThrow(/ENOENT/);
    const file = path.join(tempDir(), 'x.txt');
    writeFileSync(file, 'a\nb\n');
    await expect(forEachLine(file, () => { throw new Error('stop'); })).rejects.toThrow('stop');
  });
});
