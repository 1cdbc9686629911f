/** Walking the tagged PDF's structure tree: its elements in document order, for the finishing steps that rewrite them. */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';

const K = PDFName.of('K');

export interface StructureElement {
  dict: PDFDict;
  /** The reference the element is stored under (Chromium stores every element as an object of its own). */
  ref: PDFRef | undefined;
}

export const structTreeRoot = (doc: PDFDocument): PDFDict | undefined => doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);

/** Every structure element under the root, depth first, each once, with the ref it is stored under. */
export function elementsInOrder(doc: PDFDocument, root: PDFDict): StructureElement[] {
  const seen = new Set<PDFDict>();
  const out: StructureElement[] = [];
  const visit = (node: PDFObject | undefined) => {
    if (node instanceof PDFArray) {
      for (let index = 0; index < node.size(); index += 1) visit(node.get(index));
      return;
    }
    const ref = node instanceof PDFRef ? node : undefined;
    const dict = ref ? doc.context.lookup(ref) : node;
    // Marked-content numbers and object references (/Type /MCR, /OBJR) are leaves, not elements.
    if (!(dict instanceof PDFDict) || seen.has(dict) || !dict.has(PDFName.of('S'))) return;
    seen.add(dict);
    out.push({ dict, ref });
    visit(dict.get(K));
  };
  visit(root.get(K));
  return out;
}
