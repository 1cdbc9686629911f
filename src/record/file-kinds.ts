/**
 * The two kinds of record file: a JSON record (`<slug>.json`) and a FILE RECORD page text
 * (`<slug>.txt`, docs/page-text.md). What kind a file is follows from its extension alone.
 */
import path from 'node:path';

export type RecordFileKind = 'json' | 'page-text';

/** Each kind's extension, JSON first: listings and error messages name them in this order. */
export const RECORD_EXTENSIONS: Readonly<Record<RecordFileKind, string>> = { json: '.json', 'page-text': '.txt' };

/** The kind of record a file holds, or undefined for a name that is neither. */
export function recordFileKind(file: string): RecordFileKind | undefined {
  const extension = path.extname(file);
  if (extension === RECORD_EXTENSIONS.json) return 'json';
  if (extension === RECORD_EXTENSIONS['page-text']) return 'page-text';
  return undefined;
}

/** A record file's name, e.g. `sdet.json` or `sdet.txt`; dot-files (editors' and casefile's temporaries) are not. */
export function isRecordFileName(name: string): boolean {
  return !name.startsWith('.') && recordFileKind(name) !== undefined;
}

/** The slug a record file's name gives: `data/sdet.txt` → `sdet`. */
export function slugOfFileName(file: string): string {
  return path.basename(file, path.extname(file));
}

/** The files a slug may live in, in a folder: `<slug>.json` and `<slug>.txt`. */
export function recordFileNames(slug: string): string[] {
  return Object.values(RECORD_EXTENSIONS).map((extension) => `${slug}${extension}`);
}
