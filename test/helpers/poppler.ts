/** Real PDF checkers from poppler-utils and qpdf, run as subprocesses on the artifact. */
import { execFileSync, spawnSync } from 'node:child_process';

/**
 * `raw` keeps the order the page draws its text in (the tagged reading order), instead of
 * pdftotext's column guessing, which interleaves side-by-side blocks of unequal length.
 */
export function pdftotext(file: string, options: { layout?: boolean; raw?: boolean; first?: number; last?: number; bbox?: boolean } = {}): string {
  const args = [
    ...(options.layout ? ['-layout'] : []),
    ...(options.raw ? ['-raw'] : []),
    ...(options.bbox ? ['-bbox'] : []),
    ...(options.first ? ['-f', String(options.first)] : []),
    ...(options.last ? ['-l', String(options.last)] : []),
    file,
    '-',
  ];
  return execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Text of each page, split on the form feeds pdftotext puts between pages. */
export function pdfPages(file: string, options: { raw?: boolean } = {}): string[] {
  return pdftotext(file, options).split('\f').slice(0, -1);
}

export function pdfinfo(file: string, extra: string[] = []): Record<string, string> {
  const out = execFileSync('pdfinfo', [...extra, file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!.trim(), match[2]!.trim()]),
  );
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdffonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name, type (1-2 words), encoding, emb, sub, uni, object, id: read from the right.
    const embedded = columns[columns.length - 5] === 'yes';
    return { name: columns[0]!, type: columns.slice(1, -6).join(' '), embedded };
  });
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** Renders one page to PNG bytes (for looking at, and for pixel checks). */
export function pdftoppm(file: string, page: number, dpi = 50): Buffer {
  return execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', file], {
    maxBuffer: 256 * 1024 * 1024,
  });
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of every page with its box in points from the top left (`pdftotext -bbox`), page by page. */
export function pdfWords(file: string): PdfWord[][] {
  const unescape = (text: string) =>
    text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return pdftotext(file, { bbox: true })
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
        text: unescape(match[5]!),
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
      })),
    );
}
