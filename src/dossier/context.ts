/**
 * The record as the templates see it: sections in print order with their numbers, headings,
 * named pages and anchors resolved, related specimens with links where their dossiers exist,
 * plus the page geometry and the asset URLs. Pure: no I/O (the caller says which records exist).
 */
import { fileNumber } from '../record/file-number.js';
import type { CaseFile } from '../record/schema.js';
import { SECTIONS, type SectionId } from '../record/sections.js';
import type { DossierFlow } from './flow.js';
import type { PageGeometry } from './paper.js';
import type { DossierPalette, DossierTheme } from '../theme/dossier.js';
import type { QrCode } from './qr-code.js';
import type { ContentsPages } from './contents-pages.js';

export interface SectionView {
  id: SectionId;
  number: string;
  heading: string;
  shortName: string;
  /** The CSS named page the section prints on, so the running header can name it. */
  pageName: string;
  /** In-document link target, e.g. "#org-chart". */
  href: string;
  /** On the poster: long enough to continue in the next column between its items (a short section stays whole). */
  runsOn: boolean;
  /** In a printed dossier: the page the section begins on, for the contents page (src/dossier/contents-pages.ts). */
  page?: number;
  data: CaseFile['sections'][SectionId];
}

export type RelatedItem = CaseFile['sections']['related-specimens']['items'][number];

export interface RelatedView extends RelatedItem {
  /** `<slug>.pdf`, relative, when that record exists: dossiers in one folder link to each other. */
  href?: string;
}

export interface SalaryScale {
  /** The right end of the ruler: a round figure a little beyond the top earners. */
  max: number;
  ticks: { value: number; at: number }[];
  averagePercent: number;
  topPercent: number;
}

export interface DossierContext {
  record: CaseFile;
  /** e.g. "CF-2291-LIE": stable for a slug, so reprints carry the same number. */
  fileNumber: string;
  sections: SectionView[];
  related: RelatedView[];
  flightRisk: CaseFile['sections']['flight-risk'];
  salaryScale: SalaryScale;
  page: PageGeometry;
  /** Below 1 when a poster is shrunk to fit its sheet; 1 for the dossier. */
  fit: number;
  fontFaces: string;
  stylesheets: string[];
  generator: string;
  /** The site's theme, when one is set: brand lines, logo and the CSS that restyles the dossier. */
  theme?: DossierTheme;
  /** Colours the @page rules print (the theme's, else the built-in ones). */
  palette: DossierPalette;
  /** With a base URL: the QR code to the record's web page (`url`, `svg`, `dataUri`, `sizeMm`). */
  qr?: QrCode;
  /** Sections run on from one to the next (the compact flow) instead of each opening a sheet. */
  compact: boolean;
}

export function sectionViews(record: CaseFile, runOn: ReadonlySet<SectionId> = new Set(), pages: ContentsPages = {}): SectionView[] {
  return SECTIONS.map((info) => {
    const data = record.sections[info.id];
    const page = pages[info.id];
    return {
      id: info.id,
      number: info.number,
      heading: data.heading ?? info.defaultHeading,
      shortName: info.shortName,
      pageName: `section-${info.number}`,
      href: `#${info.id}`,
      runsOn: runOn.has(info.id),
      ...(page === undefined ? {} : { page }),
      data,
    };
  });
}

/** A ruler from 0 to a round number past the top earners, with four to six evenly spaced ticks. */
export function salaryScale(section: CaseFile['sections']['salary']): SalaryScale {
  const top = Math.max(section.topEarners, section.marketAverage, 1);
  const rough = (top * 1.12) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough)!;
  const max = Math.ceil((top * 1.05) / step) * step;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => ({ value: i * step, at: (i * step * 100) / max }));
  const percent = (value: number) => Math.round((value / max) * 1000) / 10;
  return { max, ticks, averagePercent: percent(section.marketAverage), topPercent: percent(section.topEarners) };
}

export function relatedViews(record: CaseFile, existingSlugs: ReadonlySet<string>): RelatedView[] {
  return record.sections['related-specimens'].items.map((item) =>
    item.slug && existingSlugs.has(item.slug) ? { ...item, href: `${item.slug}.pdf` } : { ...item },
  );
}

export function dossierContext(
  record: CaseFile,
  options: { page: PageGeometry; fontFaces: string; stylesheets: string[]; generator: string; palette: DossierPalette; theme?: DossierTheme; existingSlugs?: ReadonlySet<string>; fit?: number; runOn?: ReadonlySet<SectionId>; qr?: QrCode; flow?: DossierFlow; contentsPages?: ContentsPages },
): DossierContext {
  const { existingSlugs, fit, runOn, flow, contentsPages, ...rest } = options;
  return {
    record,
    fileNumber: fileNumber(record.slug),
    sections: sectionViews(record, runOn, contentsPages),
    related: relatedViews(record, existingSlugs ?? new Set()),
    flightRisk: record.sections['flight-risk'],
    salaryScale: salaryScale(record.sections.salary),
    fit: fit ?? 1,
    compact: flow === 'compact',
    ...rest,
  };
}
