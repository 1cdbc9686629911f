/**
 * The face printer's marks and tile labels are set in: the bundled IBM Plex Sans, subset and
 * embedded (so pdffonts shows nothing left to the printer) under a fixed name (so output is
 * reproducible: pdf-lib otherwise appends a random suffix to embedded font names).
 * Not Plex Mono: pdf-lib's fontkit fails reading its glyph outlines.
 */
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { BUNDLED_FONTS, FAMILIES, fontPath } from '../fonts/registry.js';

export async function embedMarksFont(doc: PDFDocument): Promise<PDFFont> {
  const font = BUNDLED_FONTS.find((candidate) => candidate.family === FAMILIES.sans && candidate.weight === 400 && candidate.style === 'normal')!;
  doc.registerFontkit(fontkit);
  return doc.embedFont(await readFile(fontPath(font)), { subset: true, customName: 'IBMPlexSans-Marks' });
}
