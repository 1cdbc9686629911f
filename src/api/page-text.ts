/**
 * Export end to end: load a record (a slug or a file), write it as FILE RECORD page text that is
 * checked to read back, and, when an output folder is given, write `<out-dir>/<slug>.txt`
 * atomically. Nothing is written for a record the page text cannot hold.
 */
import { writeFileAtomic } from '../output/atomic.js';
import { resolveInside } from '../output/safe-path.js';
import { loadRecord } from '../record/load.js';
import { exportPageText } from '../record/page-text/export.js';

export interface MakePageTextOptions {
  dataDir: string;
  /** Write `<outDir>/<slug>.txt`; without it the text is only returned. */
  outDir?: string;
}

export interface MadePageText {
  slug: string;
  /** The record file it came from. */
  file: string;
  text: string;
  /** The file written, when an output folder was given. */
  output?: string;
}

export async function makePageText(reference: string, options: MakePageTextOptions): Promise<MadePageText> {
  const { record, file } = await loadRecord(reference, { dataDir: options.dataDir });
  const text = exportPageText(record, { file });
  if (options.outDir === undefined) return { slug: record.slug, file, text };
  const output = resolveInside(options.outDir, `${record.slug}.txt`, 'output');
  await writeFileAtomic(output, text);
  return { slug: record.slug, file, text, output };
}
