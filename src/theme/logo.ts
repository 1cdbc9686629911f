/**
 * A theme's logo, read once in the main process and carried as a data URI, so card workers and
 * the dossier page need no file access for it. Its natural size is read from the file so the
 * cards can give it the right width for their header height.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CasefileError } from '../errors.js';

export const MAX_LOGO_BYTES = 512 * 1024;

export interface Logo {
  file: string;
  dataUri: string;
  /** Natural size in px (SVG: width/height attributes, else the viewBox). */
  width: number;
  height: number;
}

function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function svgSize(text: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return undefined;
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)(?:px)?\\s*["']`, 'i').exec(root)?.[1];
  const width = Number(attribute('width'));
  const height = Number(attribute('height'));
  if (width > 0 && height > 0) return { width, height };
  const viewBox = /\sviewBox\s*=\s*["']([^"']+)["']/i.exec(root)?.[1]?.trim().split(/[\s,]+/).map(Number);
  if (viewBox && viewBox.length === 4 && viewBox[2]! > 0 && viewBox[3]! > 0) return { width: viewBox[2]!, height: viewBox[3]! };
  return undefined;
}

/** Reads and checks the logo; `where` says which file and JSON path named it, for the error. */
export async function loadLogo(file: string, where: { file: string; path: string; line?: number; column?: number }): Promise<Logo> {
  const fail = (problem: string) => new CasefileError('E_SCHEMA', `${where.path}: ${problem}`, where);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw fail(`cannot read the logo ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.byteLength > MAX_LOGO_BYTES) throw fail(`expected a logo of at most ${MAX_LOGO_BYTES / 1024} KB, received ${Math.ceil(bytes.byteLength / 1024)} KB (${file})`);
  const isSvg = path.extname(file).toLowerCase() === '.svg';
  const size = isSvg ? svgSize(bytes.toString('utf8')) : pngSize(bytes);
  if (!size) throw fail(`expected ${isSvg ? 'an SVG with width and height or a viewBox' : 'a PNG image'}, received ${file} which is not one`);
  const mime = isSvg ? 'image/svg+xml' : 'image/png';
  return { file, dataUri: `data:${mime};base64,${bytes.toString('base64')}`, ...size };
}
