/**
 * Structure-element IDs that do not depend on timing. Chromium names the tagged PDF's
 * structure elements after Blink's DOM node ids (`node00000051`), which count every node the
 * page ever made; on a loaded machine a print can count one more and shift every ID, so the same
 * record gave different bytes. Renumbering the IDs in document order (depth first through the
 * structure tree) and rebuilding the IDTree from them makes the IDs a function of the structure alone.
 * IDs are referred to by the elements' own /ID, the IDTree, and table cells' /Headers attributes.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { elementsInOrder } from './structure-elements.js';

const ID = PDFName.of('ID');
const A = PDFName.of('A');
const HEADERS = PDFName.of('Headers');
const ID_TREE = PDFName.of('IDTree');
const KIDS = PDFName.of('Kids');

/** The n-th ID in document order, zero-padded so name-tree order (bytewise) is document order. */
export const structureId = (index: number): string => `node${String(index + 1).padStart(8, '0')}`;

const textOf = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

/** The /A attribute dictionaries of an element (a dict, or an array of dicts and revision numbers). */
function attributeDicts(doc: PDFDocument, element: PDFDict): PDFDict[] {
  const attributes = element.lookup(A);
  const items = attributes instanceof PDFArray ? attributes.asArray() : attributes ? [attributes] : [];
  return items.map((item) => doc.context.lookup(item)).filter((item): item is PDFDict => item instanceof PDFDict);
}

/** Deletes a name tree's nodes below its root (the root is reused for the rebuilt tree). */
function deleteKids(doc: PDFDocument, node: PDFDict): void {
  const kids = node.lookup(KIDS);
  if (!(kids instanceof PDFArray)) return;
  for (const kid of kids.asArray()) {
    const child = doc.context.lookup(kid);
    if (child instanceof PDFDict) deleteKids(doc, child);
    if (kid instanceof PDFRef) doc.context.delete(kid);
  }
}

/** Renumbers structure-element IDs in document order; returns how many elements carry an ID. */
export function renumberStructureIds(doc: PDFDocument): number {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return 0;
  const elements = elementsInOrder(doc, root).filter(({ dict }) => textOf(dict.lookup(ID)) !== undefined);
  const renamed = new Map<string, string>();
  elements.forEach(({ dict }, index) => renamed.set(textOf(dict.lookup(ID))!, structureId(index)));

  for (const { dict } of elementsInOrder(doc, root)) {
    const old = textOf(dict.lookup(ID));
    if (old !== undefined) dict.set(ID, PDFString.of(renamed.get(old)!));
    for (const attributes of attributeDicts(doc, dict)) {
      const headers = attributes.lookup(HEADERS);
      if (!(headers instanceof PDFArray)) continue;
      const renumbered = headers.asArray().map((header) => {
        const id = renamed.get(textOf(header) ?? '');
        return id === undefined ? header : PDFString.of(id);
      });
      attributes.set(HEADERS, doc.context.obj(renumbered));
    }
  }

  const oldTree = root.get(ID_TREE);
  if (elements.length === 0) {
    if (oldTree instanceof PDFRef) doc.context.delete(oldTree);
    root.delete(ID_TREE);
    return 0;
  }
  const names: PDFObject[] = elements.flatMap(({ dict, ref }, index) => [PDFString.of(structureId(index)), ref ?? dict]);
  const tree = doc.context.obj({ Names: doc.context.obj(names) }) as PDFDict;
  const existing = oldTree ? doc.context.lookup(oldTree) : undefined;
  if (existing instanceof PDFDict) deleteKids(doc, existing);
  if (oldTree instanceof PDFRef) doc.context.assign(oldTree, tree);
  else root.set(ID_TREE, doc.context.register(tree));
  return elements.length;
}
