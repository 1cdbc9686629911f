/**
 * The record as the templates see it: sections in print order with their numbers and
 * headings resolved, plus the page geometry and the asset URLs. Pure: no I/O.
 */
import type { CaseFile } from '../record/schema.js';
import { SECTIONS, type SectionId } from '../record/sections.js';
import type { PageGeometry } from './paper.js';

export interface SectionView {
  id: SectionId;
  number: string;
  heading: string;
  shortName: string;
  data: CaseFile['sections'][SectionId];
}

export interface DossierContext {
  record: CaseFile;
  fileNumber: string;
  sections: SectionView[];
  page: PageGeometry;
  fontFaces: string;
  stylesheets: string[];
  generator: string;
}

export function sectionViews(record: CaseFile): SectionView[] {
  return SECTIONS.map((info) => {
    const data = record.sections[info.id];
    return {
      id: info.id,
      number: info.number,
      heading: data.heading ?? info.defaultHeading,
      shortName: info.shortName,
      data,
    };
  });
}

export function dossierContext(
  record: CaseFile,
  options: { page: PageGeometry; fontFaces: string; stylesheets: string[]; generator: string },
): DossierContext {
  return {
    record,
    fileNumber: record.slug.toUpperCase(),
    sections: sectionViews(record),
    ...options,
  };
}
