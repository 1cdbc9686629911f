/**
 * The numbered blocks of a case file, in the order the source record prints them.
 * Section ids are stable kebab-case names: they appear in JSON keys, card file names and URLs.
 */
export const SECTION_IDS = [
  'org-chart',
  'habitat',
  'salary',
  'flight-risk',
  'metrics',
  'weaponry',
  'survival-guide',
  'job-ad-autopsy',
  'day-in-the-life',
  'burn-ward',
  'related-specimens',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export interface SectionInfo {
  id: SectionId;
  /** The bracketed number the source prints, e.g. "01". */
  number: string;
  /** The heading a new record starts with; each record may carry its own wording. */
  defaultHeading: string;
  /** A short name for tables of contents, card captions and bookmarks. */
  shortName: string;
}

const DEFAULT_HEADINGS: Record<SectionId, [string, string]> = {
  'org-chart': ['THE ORG-CHART ARCHITECTURE', 'Org Chart'],
  habitat: ['THE HABITAT (NATURAL RANGE)', 'Habitat'],
  salary: ['SALARY DELUSION', 'Salary'],
  'flight-risk': ['THE FLIGHT RISK', 'Flight Risk'],
  metrics: ['THE BULLSHIT METRICS', 'Metrics'],
  weaponry: ['SIGNATURE WEAPONRY', 'Weaponry'],
  'survival-guide': ['SURVIVAL / ENCOUNTER GUIDE', 'Survival Guide'],
  'job-ad-autopsy': ['THE JD AUTOPSY: WHAT DO THEY ACTUALLY DO?', 'Job-Ad Autopsy'],
  'day-in-the-life': ['DAY-IN-THE-LIFE LOG', 'Day in the Life'],
  'burn-ward': ['THE BURN WARD (UNFILTERED COMPLAINTS)', 'Burn Ward'],
  'related-specimens': ['RELATED SPECIMENS', 'Related Specimens'],
};

export const SECTIONS: readonly SectionInfo[] = SECTION_IDS.map((id, index) => ({
  id,
  number: String(index + 1).padStart(2, '0'),
  defaultHeading: DEFAULT_HEADINGS[id][0],
  shortName: DEFAULT_HEADINGS[id][1],
}));

export function sectionInfo(id: SectionId): SectionInfo {
  return SECTIONS[SECTION_IDS.indexOf(id)]!;
}

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}
