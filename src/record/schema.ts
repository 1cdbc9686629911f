/**
 * The one source of truth for a case-file record: the TypeScript types are inferred from it
 * and docs/record.schema.json is generated from it (`npm run schema`).
 */
import { z } from 'zod';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from './slug.js';

export { MAX_SLUG_LENGTH, SLUG_PATTERN };
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** Generous for any real field, small enough that a hostile record cannot balloon a render. */
export const MAX_TEXT_LENGTH = 4000;
export const MAX_LIST_LENGTH = 200;
export const MAX_ORG_DEPTH = 8;

const text = (description: string) =>
  z.string().min(1).max(MAX_TEXT_LENGTH).describe(description);

const list = <T extends z.ZodType>(item: T, description: string) =>
  z.array(item).max(MAX_LIST_LENGTH).describe(description);

export const Slug = z
  .string()
  .min(1)
  .max(MAX_SLUG_LENGTH)
  .regex(SLUG_PATTERN)
  .describe('File-safe identifier: lower-case letters, digits and hyphens');

export const Percent = z.number().min(0).max(100).describe('A percentage from 0 to 100');

const Heading = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('The section heading as the record prints it; defaults to the standard heading');

const ClockTime = z
  .string()
  .regex(CLOCK_TIME_PATTERN)
  .describe('24-hour clock time, HH:MM');

export interface OrgNode {
  label: string;
  note?: string | undefined;
  self?: boolean | undefined;
  reports?: OrgNode[] | undefined;
}

export const OrgNodeSchema: z.ZodType<OrgNode> = z.lazy(() =>
  z.strictObject({
    label: text('The position, e.g. "VP of Engineering"'),
    note: text('A one-line aside about the position').optional(),
    self: z.boolean().optional().describe('True for the role this record is about'),
    reports: list(OrgNodeSchema, 'Positions that report to this one').optional(),
  }),
);

const NamedItem = z.strictObject({
  name: text('The item as the record names it'),
  description: text('What it really means'),
});

export const OrgChartSection = z.strictObject({
  heading: Heading,
  summary: text('One line on what the chart shows'),
  chart: OrgNodeSchema.describe('The top of the tree; exactly one node has "self": true'),
});

export const HabitatSection = z.strictObject({
  heading: Heading,
  places: list(text('A place the role is found'), 'Where the role lives'),
});

export const SalarySection = z.strictObject({
  heading: Heading,
  currency: z
    .string()
    .regex(CURRENCY_PATTERN)
    .describe('ISO 4217 currency code, e.g. USD'),
  marketAverage: z.number().nonnegative().describe('Average yearly salary, in whole currency units'),
  topEarners: z.number().nonnegative().describe('What the top earners reach'),
  topEarnersQualifier: z
    .string()
    .max(40)
    .optional()
    .describe('How the top figure is hedged, e.g. "nearly"'),
  note: text('The fine print under the figure'),
  quote: text('The compensation package, in its own words'),
});

export const FlightRiskSection = z.strictObject({
  heading: Heading,
  percent: Percent,
  level: text('The risk level as printed, e.g. "HIGH RISK"'),
  diagnosis: text('Why the role is at risk'),
});

export const MetricsSection = z.strictObject({
  heading: Heading,
  items: list(NamedItem, 'Metrics the role is judged by'),
});

export const WeaponrySection = z.strictObject({
  heading: Heading,
  items: list(NamedItem, 'The tools and artefacts the role wields'),
});

export const SurvivalGuideSection = z.strictObject({
  heading: Heading,
  items: list(
    z.strictObject({
      situation: text('The encounter, e.g. "IF ENGAGED"'),
      advice: text('What to do'),
    }),
    'Encounter instructions',
  ),
});

export const JobAdAutopsySection = z.strictObject({
  heading: Heading,
  items: list(
    z.strictObject({
      source: text('Where the advert came from, e.g. "SOURCE REDACTED"'),
      ad: text('The job advert text, quoted'),
      translation: text('What the advert means'),
    }),
    'Job-ad lines and their translations',
  ),
});

export const DayInTheLifeSection = z.strictObject({
  heading: Heading,
  entries: list(
    z.strictObject({
      start: ClockTime,
      end: ClockTime,
      title: text('What the slot is called'),
      description: text('What actually happens'),
    }),
    'The working day, in time order',
  ),
});

export const BurnWardSection = z.strictObject({
  heading: Heading,
  summary: text('Where the complaints come from'),
  quotes: list(
    z.strictObject({
      text: text('The complaint, verbatim'),
      source: text('Where it was said, e.g. "r/cscareerquestions"'),
    }),
    'Unfiltered complaints',
  ),
});

export const RelatedSpecimensSection = z.strictObject({
  heading: Heading,
  items: list(
    z.strictObject({
      match: Percent.describe('How closely it matches, 0 to 100'),
      title: text('The related role'),
      description: text('One line on the related role'),
      slug: Slug.optional().describe('The slug of its own record, where one exists'),
    }),
    'Roles like this one',
  ),
});

export const SectionsSchema = z.strictObject({
  'org-chart': OrgChartSection,
  habitat: HabitatSection,
  salary: SalarySection,
  'flight-risk': FlightRiskSection,
  metrics: MetricsSection,
  weaponry: WeaponrySection,
  'survival-guide': SurvivalGuideSection,
  'job-ad-autopsy': JobAdAutopsySection,
  'day-in-the-life': DayInTheLifeSection,
  'burn-ward': BurnWardSection,
  'related-specimens': RelatedSpecimensSection,
});

export const CaseFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors'),
    slug: Slug,
    title: text('The role, e.g. "Lead Infrastructure Engineer"'),
    question: text('The headline question the file answers'),
    aliases: list(text('Another title the role hides behind'), 'Known aliases and disguises'),
    sections: SectionsSchema,
  })
  .describe('A casefile record: one satirical dossier about a job');

export type CaseFile = z.infer<typeof CaseFileSchema>;
export type Sections = CaseFile['sections'];
