/** A new, valid record to start writing from (`casefile new <slug>`). Pure. */
import { SECTIONS } from './sections.js';
import type { CaseFile } from './schema.js';

const TODO = 'TODO';

export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

export function scaffoldRecord(slug: string, options: { title?: string; schemaPath: string }): CaseFile {
  const title = options.title ?? titleFromSlug(slug);
  const heading = (id: (typeof SECTIONS)[number]['id']) => SECTIONS.find((section) => section.id === id)!.defaultHeading;
  return {
    $schema: options.schemaPath,
    slug,
    title,
    question: `WHAT DOES A ${title.toUpperCase()} ACTUALLY DO?`,
    aliases: [`${TODO}: another title it hides behind`],
    sections: {
      'org-chart': {
        heading: heading('org-chart'),
        summary: `${TODO}: one line on what the chart shows`,
        chart: {
          label: 'Head of Department',
          reports: [{ label: title, self: true, note: `${TODO}: what it really does`, reports: [{ label: 'The person who does the work' }] }],
        },
      },
      habitat: { heading: heading('habitat'), places: [`${TODO}: where it is found`] },
      salary: {
        heading: heading('salary'),
        currency: 'USD',
        marketAverage: 0,
        topEarners: 0,
        note: `${TODO}: the fine print`,
        quote: `${TODO}: what the package ensures`,
      },
      'flight-risk': { heading: heading('flight-risk'), percent: 50, level: 'MODERATE RISK', diagnosis: `${TODO}: why it might vanish` },
      metrics: { heading: heading('metrics'), items: [{ name: `${TODO}: a metric`, description: `${TODO}: what it measures` }] },
      weaponry: { heading: heading('weaponry'), items: [{ name: `${TODO}: a tool`, description: `${TODO}: how it is wielded` }] },
      'survival-guide': { heading: heading('survival-guide'), items: [{ situation: 'IF ENGAGED', advice: `${TODO}: what to do` }] },
      'job-ad-autopsy': {
        heading: heading('job-ad-autopsy'),
        items: [{ source: 'SOURCE REDACTED', ad: `${TODO}: a line from a job advert`, translation: `${TODO}: what it means` }],
      },
      'day-in-the-life': {
        heading: heading('day-in-the-life'),
        entries: [{ start: '10:00', end: '11:00', title: `${TODO}: a ritual`, description: `${TODO}: what happens` }],
      },
      'burn-ward': {
        heading: heading('burn-ward'),
        summary: `${TODO}: where the complaints come from`,
        quotes: [{ text: `${TODO}: a complaint`, source: `${TODO}: where it was said` }],
      },
      'related-specimens': {
        heading: heading('related-specimens'),
        items: [{ match: 90, title: `${TODO}: a related role`, description: `${TODO}: one line on it` }],
      },
    },
  };
}
