/**
 * FILE RECORD page text to a validated record (docs/page-text.md). The outline splits the
 * text into its header and sections, one reader per section takes its lines apart, and the
 * result passes the same schema as a JSON record, with errors pointing back at the text's lines.
 */
import { CasefileError, isCasefileError } from '../../errors.js';
import { MAX_SLUG_LENGTH, SLUG_PATTERN, type CaseFile, type Sections } from '../schema.js';
import type { SectionId } from '../sections.js';
import { validateRecord } from '../validate.js';
import { textLines } from './lines.js';
import { outline, type SectionBlock } from './outline.js';
import { Reading, SectionText, type ReadingNote } from './reading.js';
import { readBurnWard } from './sections/burn-ward.js';
import { readDayInTheLife } from './sections/day-in-the-life.js';
import { readFlightRisk } from './sections/flight-risk.js';
import { readHabitat } from './sections/habitat.js';
import { readJobAdAutopsy } from './sections/job-ad-autopsy.js';
import { readNamedItems } from './sections/named-items.js';
import { readOrgChart } from './sections/org-chart.js';
import { readRelatedSpecimens } from './sections/related-specimens.js';
import { readSalary } from './sections/salary.js';
import { readSurvivalGuide } from './sections/survival-guide.js';

export type { ReadingNote, ReadingNoteKind } from './reading.js';

export interface PageTextOptions {
  /** The file the text came from, for messages. */
  file: string;
  /** Slugs of the records in the data folder: a bare "→" in [11] links a title whose slug is here. */
  knownSlugs?: ReadonlySet<string>;
}

export interface PageTextResult {
  record: CaseFile;
  /** What the reader decided on its own: alias splits, words kept whole, a chart it made. */
  notes: ReadingNote[];
}

type SectionReaders = { [Id in Exclude<SectionId, 'org-chart'>]: (section: SectionText) => Omit<Sections[Id], 'heading'> };

const READERS: SectionReaders = {
  habitat: readHabitat,
  salary: readSalary,
  'flight-risk': readFlightRisk,
  metrics: (section) => readNamedItems(section, 'metric'),
  weaponry: (section) => readNamedItems(section, 'weapon'),
  'survival-guide': readSurvivalGuide,
  'job-ad-autopsy': readJobAdAutopsy,
  'day-in-the-life': readDayInTheLife,
  'burn-ward': readBurnWard,
  'related-specimens': readRelatedSpecimens,
};

export function parsePageText(text: string, options: PageTextOptions): PageTextResult {
  const reading = new Reading(options.file, options.knownSlugs ?? new Set());
  const lines = textLines(text);
  const shape = outline(lines, reading);
  const slug = reading.from(['slug'], shape.slugLine, shape.slug);
  if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) {
    reading.fail(shape.slugLine.number, '', `expected "FILE RECORD: <SLUG>" with a slug of letters, digits and hyphens, not starting with a hyphen; found ${JSON.stringify(shape.slug)}`, ['slug']);
  }
  const title = reading.from(['title'], shape.titleLine, shape.titleLine.text);
  const [first, ...rest] = shape.sections.map((block) => sectionText(reading, block));
  const orgChart = readOrgChart(first!, title, lines);
  first!.expectEnd('the aliases');

  const sections: Record<string, unknown> = { 'org-chart': withHeading(first!, orgChart.section) };
  for (const section of rest) {
    const read = READERS[section.info.id as keyof SectionReaders](section);
    section.expectEnd('nothing more in this section');
    sections[section.info.id] = withHeading(section, read);
  }
  const value = {
    slug,
    title,
    question: reading.from(['question'], shape.questionLine, shape.questionLine.text),
    aliases: orgChart.aliases,
    sections,
  };
  const record = withSectionNamed(shape.sections, () =>
    validateRecord(value, options.file, {
      value,
      locate: (path) => ({ line: reading.lineOf(path) ?? 1, column: 1 }),
    }),
  );
  return { record, notes: reading.notes };
}

/** A schema error inside a section names the section as the text prints it, as the readers' own errors do. */
function withSectionNamed<T>(blocks: readonly SectionBlock[], validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    if (!isCasefileError(error)) throw error;
    const id = /^\$\.sections(?:\.([\w-]+)|\["([^"]+)"\])/.exec(error.path ?? '');
    const block = blocks.find((candidate) => candidate.info.id === (id?.[1] ?? id?.[2]));
    if (block === undefined) throw error;
    throw new CasefileError(error.code, `${block.headingLine.text}: ${error.message}`, { ...error, issues: error.issues, cause: error });
  }
}

function sectionText(reading: Reading, block: SectionBlock): SectionText {
  return new SectionText(reading, block.info, block.headingLine, block.heading, block.lines);
}

/** The section's own heading first, as JSON records keep it; a bare "[03]" leaves it out. */
function withHeading<T extends object>(section: SectionText, body: T): T & { heading?: string } {
  const heading = section.heading;
  if (heading === undefined) return body;
  section.from([...section.path, 'heading'], section.headingLine, heading);
  return { heading, ...body };
}
