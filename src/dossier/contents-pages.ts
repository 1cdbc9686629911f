/**
 * The page each exhibit begins on, as the contents page prints it. Chromium has no
 * target-counter(), so CSS cannot number the entries: the dossier is printed, where each section's
 * heading landed is read from Chromium's outline (as the compact flow's running headers are), and
 * the dossier is printed again with those numbers. The numbers are set in monospaced figures, so
 * only their count of digits can move anything; the first print guesses them, and printing stops
 * once the numbers printed are where the sections landed.
 */
import type { PDFDocument } from 'pdf-lib';
import type { SectionId } from '../record/sections.js';
import type { SectionView } from './context.js';
import type { DossierFlow } from './flow.js';
import { sectionStarts } from './running-headers.js';

/** Section → the page (1-based, the cover is page 1) its heading printed on. */
export type ContentsPages = Partial<Record<SectionId, number>>;

/** At most this many prints of one dossier: the first, and the reprints with its page numbers. */
export const MAX_CONTENTS_PRINTS = 3;

/** A first guess with the digits the numbers will likely have: each sheet-flow exhibit after the cover and contents, every compact one on page 2. */
export function guessContentsPages(sections: readonly SectionView[], flow: DossierFlow): ContentsPages {
  return Object.fromEntries(sections.map((section, index) => [section.id, flow === 'compact' ? 2 : index + 3]));
}

/** Where each section's heading landed in Chromium's PDF. */
export function contentsPagesOf(printed: PDFDocument, sections: readonly SectionView[]): ContentsPages {
  return Object.fromEntries(sectionStarts(printed, sections).map((start) => [start.section.id, start.page + 1]));
}

export function sameContentsPages(a: ContentsPages, b: ContentsPages): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<SectionId>;
  return [...keys].every((key) => a[key] === b[key]);
}
