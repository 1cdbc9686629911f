/**
 * fast-check arbitraries for the whole record schema (src/record/schema.ts): lists from empty
 * to long, strings from one character to the 4000-character limit, any Unicode (astral,
 * right-to-left, combining, control), percents at 0 and 100, clock times, a tree with exactly
 * one "self".
 */
import fc from 'fast-check';
import type { CaseFile, OrgNode } from '../../src/record/schema.js';
import { MAX_SLUG_LENGTH, MAX_TEXT_LENGTH, SLUG_PATTERN } from '../../src/record/schema.js';

export interface Bounds {
  /** Most items in a list. */
  maxItems: number;
  /** How often (out of 100) a string is the longest allowed. */
  longestPercent: number;
}

/** Words from scripts the fonts cover and several they do not, RTL included. */
const SAMPLES = ['Ünïcödé', 'Ελληνικά', 'Кириллица', 'مرحبا بالعالم', 'שלום', '日本語のテキスト', '한국어', '\u{1F4A3}\u{1F525}\u{1F469}\u200D\u{1F4BB}', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'e\u0301\u0302\u0303', '\u202Eevil\u202C', 'tab\tand\nnewline', '\u0000\u0007'];

function text(max: number, bounds: Bounds): fc.Arbitrary<string> {
  const short = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...SAMPLES), { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')) },
    { weight: 2, arbitrary: fc.lorem({ maxCount: 12 }).filter((words) => words.length > 0) },
  );
  // The longest allowed: a long unbroken word, or long prose, exactly at the limit.
  const longest = fc.oneof(fc.constant('W'.repeat(max)), fc.lorem({ mode: 'sentences', maxCount: 200 }).map((words) => `${words} `.repeat(Math.ceil(max / Math.max(1, words.length + 1))).slice(0, max).padEnd(max, '.')));
  return fc
    .oneof({ weight: 100 - bounds.longestPercent, arbitrary: short }, { weight: bounds.longestPercent, arbitrary: longest })
    .map((value) => (value.length > max ? value.slice(0, max) : value))
    .filter((value) => value.length >= 1 && [...value].length >= 1);
}

const percent = fc.oneof(fc.constant(0), fc.constant(100), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }));
const money = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }));
const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const slug = fc.stringMatching(SLUG_PATTERN).filter((value) => value.length <= MAX_SLUG_LENGTH);
const currency = fc.stringMatching(/^[A-Z]{3}$/);

function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined });
}

/** Drops keys whose value is undefined: the schema's optional fields are absent, not null. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

function orgTree(bounds: Bounds): fc.Arbitrary<OrgNode> {
  const { node } = fc.letrec<{ node: OrgNode }>((tie) => ({
    node: fc
      .record({
        label: text(MAX_TEXT_LENGTH, bounds),
        note: optional(text(MAX_TEXT_LENGTH, bounds)),
        reports: optional(fc.array(tie('node'), { maxLength: Math.min(3, bounds.maxItems) })),
      }, { requiredKeys: ['label'] })
      .map((value) => compact(value as OrgNode)),
  }));
  // Exactly one node is "self": pick one by its position in a walk of the tree.
  return fc.tuple(node, fc.nat()).map(([tree, pick]) => {
    const nodes: OrgNode[] = [];
    const walk = (current: OrgNode, depth: number) => {
      nodes.push(current);
      if (depth >= 7) delete current.reports; // the schema allows 8 levels
      for (const child of current.reports ?? []) walk(child, depth + 1);
    };
    const copy = structuredClone(tree);
    walk(copy, 0);
    nodes[pick % nodes.length]!.self = true;
    return copy;
  });
}

export function recordArbitrary(bounds: Bounds): fc.Arbitrary<CaseFile> {
  const t = text(MAX_TEXT_LENGTH, bounds);
  const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: bounds.maxItems });
  const heading = optional(text(200, bounds));
  const named = fc.record({ name: t, description: t });
  return fc
    .record({
      slug,
      title: t,
      question: t,
      aliases: list(t),
      sections: fc.record({
        'org-chart': fc.record({ heading, summary: t, chart: orgTree(bounds) }),
        habitat: fc.record({ heading, places: list(t) }),
        salary: fc.record({
          heading,
          currency,
          marketAverage: money,
          topEarners: money,
          topEarnersQualifier: optional(fc.string({ maxLength: 40 })),
          note: t,
          quote: t,
        }),
        'flight-risk': fc.record({ heading, percent, level: t, diagnosis: t }),
        metrics: fc.record({ heading, items: list(named) }),
        weaponry: fc.record({ heading, items: list(named) }),
        'survival-guide': fc.record({ heading, items: list(fc.record({ situation: t, advice: t })) }),
        'job-ad-autopsy': fc.record({ heading, items: list(fc.record({ source: t, ad: t, translation: t })) }),
        'day-in-the-life': fc.record({ heading, entries: list(fc.record({ start: clock, end: clock, title: t, description: t })) }),
        'burn-ward': fc.record({ heading, summary: t, quotes: list(fc.record({ text: t, source: t })) }),
        'related-specimens': fc.record({
          heading,
          items: list(fc.record({ match: percent, title: t, description: t, slug: optional(slug) }).map(compact)),
        }),
      }),
    })
    .map((record) => JSON.parse(JSON.stringify(record)) as CaseFile);
}
