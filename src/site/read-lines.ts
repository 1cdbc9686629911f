/**
 * A text file's lines, handed over one at a time as the file streams in: the build cache of a
 * 100,000-card site is 100 MB, too large to read as one string, and node:readline took most of
 * the time of reading it (its events, and a string per chunk split again).
 */
import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;
const CHUNK = 1 << 20;

/** Calls `onLine` for each line (without its `\n`; a last line without one too). Rejects when the file cannot be read or `onLine` throws. */
export async function forEachLine(file: string, onLine: (line: string) => void): Promise<void> {
  // The end of the last chunk, a line begun but not finished; only it is ever copied.
  let rest: Buffer | undefined;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    let start = 0;
    let end = chunk.indexOf(NEWLINE);
    if (rest !== undefined) {
      if (end === -1) {
        rest = Buffer.concat([rest, chunk]);
        continue;
      }
      onLine(Buffer.concat([rest, chunk.subarray(0, end)]).toString('utf8'));
      rest = undefined;
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    for (; end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      onLine(chunk.toString('utf8', start, end));
      start = end + 1;
    }
    if (start < chunk.length) rest = chunk.subarray(start);
  }
  if (rest !== undefined) onLine(rest.toString('utf8'));
}
