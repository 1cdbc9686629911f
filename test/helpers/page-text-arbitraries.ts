/**
 * fast-check arbitraries for records the FILE RECORD page text can hold (docs/page-text.md): every
 * text is one trimmed line made of words, so a record written as page text must read back as itself.
 * The words are the hard ones for the reader: camel-case words (DevOps, iOS, GitHub), acronyms,
 * accented and CJK words, apostrophes and double quotes, "…", digits. Money runs from 0 and 1e-7 to
 * doubles such as 0.1 + 0.2, in currencies with and without a symbol of their own.
 */
import fc from 'fast-check';
import type { CaseFile, OrgNode } from '../../src/record/schema.js';
import { writeFigure } from '../../src/record/page-text/money.js';

const WORDS = [
  'Lead', 'Senior', 'Engineer', 'platform', 'of', 'the', 'and', 'Cloud', 'synergy', 'roadmap',
  'DevOps', 'iOS', 'GitHub', 'LinkedIn', 'PowerPoint', 'SaaS', 'eBay', 'IaC',
  'SRE', 'AI', 'QA', 'VP', 'CTO', 'AWS',
  'café', 'Zürich', 'naïve', 'Ærø', 'Ωmega', '日本語', '数据', '평가',
  "don't", "'strategic'", '"quoted"', '“curly”', 'it’s', '…', 'wait…', '(sometimes)', 'e.g.,', '&', '/', 'x–y',
  '42', '5+', '3.5', '10x', '2024', '24/7', '9:00',
];
/** Words an alias may start with, including ones the run-together line cannot carry. */
const ALIAS_FIRST_WORDS = ['Principal', 'Chief', 'Head', 'Cloud', 'DevOps', 'iOS', 'eBay', 'platform', 'junior', '10x', '2nd', 'Zürich', 'Ωmega', '日本語'];

const word = fc.constantFrom(...WORDS);

/** One line of 1..`max` words, single-spaced, nothing at either end. */
function words(max = 8): fc.Arbitrary<string> {
  return fc.array(word, { minLength: 1, maxLength: max }).map((list) => list.join(' '));
}

const alias = fc.tuple(fc.constantFrom(...ALIAS_FIRST_WORDS), fc.array(word, { maxLength: 3 })).map(([first, rest]) => [first, ...rest].join(' '));

const heading = fc.option(words(5).map((text) => text.toUpperCase()), { nil: undefined });

const percent = fc.oneof(fc.constantFrom(0, 100, 0.5, 12.25, 99.9, 1e-7), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
const money = fc.oneof(
  fc.constantFrom(0, 0.1 + 0.2, 1e-7, 188924, 52500.5, 1.123, 1e21),
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100),
  fc.double({ min: 0, max: 1e12, noNaN: true }),
);
/** With a symbol of their own ($ € £ ¥ ₹ ₩) and without (written as "SEK 540,000"). */
const currency = fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'INR', 'KRW', 'SEK', 'CHF', 'NOK', 'PLN', 'AUD', 'BRL');
const qualifier = fc.option(fc.constantFrom('nearly', 'about', 'upwards of', 'around', 'well over', 'up to', 'an eye-watering', 'Q3'), { nil: undefined });
const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/);

function list<T>(item: fc.Arbitrary<T>, max = 6): fc.Arbitrary<T[]> {
  return fc.array(item, { maxLength: max });
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** A chart `depth` levels deep at most (1..5), with exactly one "self". */
function orgChart(): fc.Arbitrary<OrgNode> {
  const node = (depth: number): fc.Arbitrary<OrgNode> =>
    fc
      .record({
        label: words(5),
        note: fc.option(words(6), { nil: undefined }),
        reports: depth <= 1 ? fc.constant(undefined) : fc.option(fc.array(node(depth - 1), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      })
      .map((value) => compact(value as OrgNode));
  return fc.tuple(fc.integer({ min: 1, max: 5 }).chain(node), fc.nat()).map(([tree, pick]) => {
    const nodes: OrgNode[] = [];
    const walk = (current: OrgNode) => {
      nodes.push(current);
      current.reports?.forEach(walk);
    };
    walk(tree);
    nodes[pick % nodes.length]!.self = true;
    return tree;
  });
}

/** The salary, with a note that sometimes gives the top earners itself ("reaching nearly $260,000"). */
const salary = fc
  .record({ heading, currency, marketAverage: money, topEarners: money, topEarnersQualifier: qualifier, before: words(6), after: words(6), quote: words(10), noteGivesIt: fc.boolean() })
  .map(({ before, after, noteGivesIt, ...rest }) => {
    const hedge = rest.topEarnersQualifier === undefined ? '' : `${rest.topEarnersQualifier} `;
    const note = noteGivesIt ? `${before} reaching ${hedge}${writeFigure(rest.topEarners, rest.currency)}, ${after}` : `${before} ${after}`;
    return compact({ ...rest, note });
  });

export function pageTextRecordArbitrary(): fc.Arbitrary<CaseFile> {
  const named = fc.record({ name: words(), description: words(12) });
  return fc.record({
    slug,
    title: words(5),
    question: words(8).map((text) => `${text.toUpperCase()}?`),
    aliases: list(alias, 5),
    sections: fc.record({
      'org-chart': fc.record({ heading, summary: words(12), chart: orgChart() }).map(compact),
      habitat: fc.record({ heading, places: list(words()) }).map(compact),
      salary,
      'flight-risk': fc.record({ heading, percent, level: words(3).map((text) => text.toUpperCase()), diagnosis: words(12) }).map(compact),
      metrics: fc.record({ heading, items: list(named) }).map(compact),
      weaponry: fc.record({ heading, items: list(named) }).map(compact),
      'survival-guide': fc.record({ heading, items: list(fc.record({ situation: words(3).map((text) => text.toUpperCase()), advice: words(12) })) }).map(compact),
      // A source of one or two digits alone, "[42]", is a section's number to the reader: the page cannot hold it.
      'job-ad-autopsy': fc.record({ heading, items: list(fc.record({ source: words(3).map((text) => text.toUpperCase()).filter((text) => !/^\d{1,2}$/.test(text)), ad: words(12), translation: words(12) })) }).map(compact),
      'day-in-the-life': fc.record({ heading, entries: list(fc.record({ start: clock, end: clock, title: words(6), description: words(12) })) }).map(compact),
      'burn-ward': fc.record({ heading, summary: words(10), quotes: list(fc.record({ text: words(12), source: words(2) })) }).map(compact),
      'related-specimens': fc
        .record({ heading, items: list(fc.record({ match: percent, title: words(5), description: words(12), slug: fc.option(slug, { nil: undefined }) }).map(compact)) })
        .map(compact),
    }),
  }) as fc.Arbitrary<CaseFile>;
}
