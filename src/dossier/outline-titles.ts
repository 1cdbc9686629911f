/**
 * Bookmark titles as the record writes them. Chromium builds the outline from the headings'
 * laid-out text, so a heading that wraps loses the space at the break ("ACTUALLYDO?") and
 * shows text-transform capitals. Each bookmark whose letters match a known title gets that title.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { sameLetters } from './running-headers.js';

const letters = (text: string) => text.replace(/\s+/g, '').toUpperCase();

/** Replaces matching bookmark titles in place; returns how many were replaced. */
export function repairOutlineTitles(doc: PDFDocument, titles: readonly string[]): number {
  const byLetters = new Map(titles.map((title) => [letters(title), title]));
  let repaired = 0;
  const walk = (parent: PDFDict) => {
    let item = parent.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item) {
      const current = item.lookup(PDFName.of('Title'));
      const text = current instanceof PDFString || current instanceof PDFHexString ? current.decodeText() : undefined;
      // Chromium sometimes titles a bookmark with its heading twice over ("…METRICSTHE BULLSHIT METRICS").
      const wanted = text === undefined ? undefined : (byLetters.get(letters(text)) ?? titles.find((title) => sameLetters(text, title)));
      if (wanted !== undefined && wanted !== text) {
        item.set(PDFName.of('Title'), PDFHexString.fromText(wanted));
        repaired += 1;
      }
      walk(item);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (root) walk(root);
  return repaired;
}
