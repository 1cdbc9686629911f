/**
 * Links to related dossiers. The page lives at a made-up origin, so Chromium writes a relative
 * `<slug>.pdf` href as a URI under that origin. Here each such link becomes a GoToR action on the
 * relative file, so dossiers printed into one folder open each other, wherever that folder is.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFString, type PDFDocument } from 'pdf-lib';
import { PAGE_ORIGIN } from '../browser/serve.js';

const RELATED_PDF = new RegExp(`^${PAGE_ORIGIN.replace(/[.]/g, '\\.')}/([a-z0-9][a-z0-9-]*\\.pdf)$`);

/** Rewrites related-dossier links in place; returns the relative files linked to. */
export function relativizeRelatedLinks(doc: PDFDocument): string[] {
  const linked: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i += 1) {
      const annot = annots.lookupMaybe(i, PDFDict);
      const action = annot?.lookupMaybe(PDFName.of('A'), PDFDict);
      if (!annot || !action || action.get(PDFName.of('S')) !== PDFName.of('URI')) continue;
      const uri = action.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText();
      const file = uri === undefined ? undefined : RELATED_PDF.exec(uri)?.[1];
      if (!file) continue;
      const remote = doc.context.obj({
        Type: 'Action',
        S: 'GoToR',
        F: PDFString.of(file),
        D: doc.context.obj([PDFNumber.of(0), PDFName.of('Fit')]) as PDFArray,
        NewWindow: false,
      });
      annot.set(PDFName.of('A'), remote);
      linked.push(file);
    }
  }
  return linked;
}
