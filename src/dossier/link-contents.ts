/**
 * Links that say where they go. A screen reader announces a link annotation by its /Contents
 * (PDF/UA-1 7.18.5), and Chromium writes none: every link read as "link". Each one gets a
 * sentence from the record: "Go to [05] THE BULLSHIT METRICS" for a contents entry (a named
 * destination, the section's anchor), "Open the Enterprise Architect dossier" for a related
 * record's PDF (after related-links.ts made it a GoToR), "Open <url>" for a web address.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import type { CaseFile } from '../record/schema.js';
import { sectionViews } from './context.js';

const textOf = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

/** A named destination (Chromium names a section's by its anchor, as a name or a string). */
const destinationName = (dest: PDFObject | undefined): string | undefined => (dest instanceof PDFName ? dest.decodeText() : textOf(dest));

/** What a link annotation leads to, in the reader's words; undefined when casefile cannot tell. */
export function linkDescription(annot: PDFDict, record: CaseFile): string | undefined {
  const sections = sectionViews(record);
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  const named = destinationName(annot.lookup(PDFName.of('Dest')) ?? action?.lookup(PDFName.of('D')));
  const section = named === undefined ? undefined : sections.find((view) => view.id === named);
  if (section) return `Go to [${section.number}] ${section.heading}`;
  const kind = action?.lookup(PDFName.of('S'));
  if (kind === PDFName.of('GoToR')) {
    const file = textOf(action!.lookup(PDFName.of('F')));
    const related = record.sections['related-specimens'].items.find((item) => item.slug !== undefined && `${item.slug}.pdf` === file);
    if (related) return `Open the ${related.title} dossier`;
    return file === undefined ? undefined : `Open ${file}`;
  }
  if (kind === PDFName.of('URI')) {
    const uri = textOf(action!.lookup(PDFName.of('URI')));
    return uri === undefined ? undefined : `Open ${uri}`;
  }
  return undefined;
}

/** Gives every link annotation that has none a /Contents; returns how many were given one. */
export function describeLinks(doc: PDFDocument, record: CaseFile): number {
  let described = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let index = 0; index < (annots?.size() ?? 0); index += 1) {
      const annot = annots!.lookupMaybe(index, PDFDict);
      if (!annot || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link') || annot.has(PDFName.of('Contents'))) continue;
      const description = linkDescription(annot, record);
      if (description === undefined) continue;
      annot.set(PDFName.of('Contents'), PDFHexString.fromText(description));
      described += 1;
    }
  }
  return described;
}
