/**
 * Property-based tests: every valid record across the schema's range validates and renders
 * (dossier HTML and PDF in one shared browser, a few cards in this process); every invalid
 * document ends in a CasefileError naming where it went wrong, never another exception.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDossier } from '../../src/api/dossier.js';
import { planCards } from '../../src/cards/plan.js';
import { renderCard } from '../../src/cards/render.js';
import { isCasefileError } from '../../src/errors.js';
import { parseRecord } from '../../src/record/load.js';
import { parseJson } from '../../src/record/parse.js';
import { CaseFileSchema, type CaseFile } from '../../src/record/schema.js';
import { useBrowser } from '../helpers/browser.js';
import { FIXTURES } from '../helpers/cli.js';
import { inheritedProblems } from '../helpers/plain-values.js';
import { pdfinfo } from '../helpers/poppler.js';
import { decodePng } from '../helpers/png.js';
import { tempDir } from '../helpers/tmp.js';
import { recordArbitrary } from './arbitraries.js';

const dir = tempDir('casefile-fuzz-');
const dataDir = tempDir('casefile-fuzz-data-');
/** Counted for the record: how many records were generated, rendered and checked. */
const counts = { validated: 0, rendered: 0, cards: 0, invalid: 0 };
afterAll(() => console.info(`fuzz: ${counts.validated} records validated, ${counts.rendered} rendered to PDF, ${counts.cards} cards, ${counts.invalid} invalid documents`));

/** Parses `text` as a record file; returns the record, or the CasefileError, and fails on anything else. */
function parseOrReject(text: string, file = 'fuzz.json'): CaseFile | Error {
  try {
    return parseRecord(text, path.join(dataDir, file));
  } catch (error) {
    expect(isCasefileError(error), `not a CasefileError: ${String(error)}`).toBe(true);
    const failure = error as Error & { code: string; path?: string; line?: number };
    expect(['E_JSON', 'E_SCHEMA']).toContain(failure.code);
    if (failure.code === 'E_SCHEMA') {
      // A JSON path in the message and on the error.
      expect(failure.path).toMatch(/^\$/);
      expect(failure.message.startsWith(failure.path!)).toBe(true);
    } else {
      expect(failure.line).toBeGreaterThanOrEqual(1);
    }
    return failure;
  }
}

describe('valid records across the whole schema', () => {
  it('all validate, and the record that comes back is the one that went in', () => {
    fc.assert(
      fc.property(recordArbitrary({ maxItems: 30, longestPercent: 5 }), (record) => {
        counts.validated += 1;
        const file = `${record.slug}.json`;
        const parsed = parseOrReject(JSON.stringify(record), file);
        expect(parsed).toEqual(record);
      }),
      { numRuns: 60 },
    );
  });

  describe('render', () => {
    const browser = useBrowser();

    const edges: [string, (record: CaseFile) => void][] = [
      ['empty lists and 0%', (record) => {
        record.aliases = [];
        const s = record.sections;
        s.habitat.places = [];
        s.metrics.items = [];
        s.weaponry.items = [];
        s['survival-guide'].items = [];
        s['job-ad-autopsy'].items = [];
        s['day-in-the-life'].entries = [];
        s['burn-ward'].quotes = [];
        s['related-specimens'].items = [];
        s['flight-risk'].percent = 0;
        s.salary.marketAverage = 0;
        s.salary.topEarners = 0;
      }],
      ['100% and the longest strings', (record) => {
        const longest = 'W'.repeat(4000);
        record.title = longest;
        record.question = longest;
        record.sections['flight-risk'].percent = 100;
        record.sections['flight-risk'].diagnosis = longest;
        record.sections['org-chart'].chart.label = longest;
        record.sections.metrics.items = [{ name: longest, description: longest }];
        for (const item of record.sections['related-specimens'].items) item.match = 100;
      }],
    ];

    it.each(edges)('renders the edge record: %s', async (_name, edit) => {
      const file = path.join(FIXTURES, 'records', 'valid-record.json');
      const record = JSON.parse(readFileSync(file, 'utf8')) as CaseFile;
      edit(record);
      const checked = CaseFileSchema.parse(record);
      const { pdf } = await renderDossier(browser(), checked, { dataDir });
      counts.rendered += 1;
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      for (const job of planCards(checked, { sections: ['cover', 'flight-risk', 'metrics'], sizes: ['og'] })) {
        const card = await renderCard(checked, job);
        counts.cards += 1;
        expect(decodePng(card.png!).width).toBe(1200);
      }
    });

    it('renders every generated record to a PDF and its cards', async () => {
      await fc.assert(
        fc.asyncProperty(recordArbitrary({ maxItems: 3, longestPercent: 1 }), async (record) => {
          const { pdf } = await renderDossier(browser(), record, { dataDir });
          counts.rendered += 1;
          const out = path.join(dir, `fuzz-${counts.rendered}.pdf`);
          writeFileSync(out, pdf);
          expect(Number(pdfinfo(out)['Pages'])).toBeGreaterThanOrEqual(1);
          for (const job of planCards(record, { sections: ['cover'], sizes: ['og'] })) {
            const card = await renderCard(record, job);
            counts.cards += 1;
            expect(decodePng(card.png!).height).toBe(630);
          }
        }),
        { numRuns: 8 },
      );
    }, 300_000);
  });
});

describe('invalid documents', () => {
  const validText = readFileSync(path.join(FIXTURES, 'records', 'valid-record.json'), 'utf8');
  const valid = JSON.parse(validText) as Record<string, unknown>;

  it('any JSON value that is not a record ends in a located schema error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        counts.invalid += 1;
        expect(parseOrReject(JSON.stringify(value))).toBeInstanceOf(Error);
      }),
      { numRuns: 200 },
    );
  });

  it('any text ends in a record or a CasefileError with a position', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.anything().map((value) => String(JSON.stringify(value)))), (text) => {
        counts.invalid += 1;
        parseOrReject(text);
      }),
      { numRuns: 200 },
    );
  });

  /** All paths to values in the valid record, to mutate one. */
  const paths: (string | number)[][] = [];
  const collect = (value: unknown, at: (string | number)[]) => {
    paths.push(at);
    if (Array.isArray(value)) value.forEach((item, index) => collect(item, [...at, index]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) collect(item, [...at, key]);
  };
  collect(valid, []);

  const mutation = fc.record({
    at: fc.constantFrom(...paths.filter((at) => at.length > 0)),
    kind: fc.constantFrom('replace', 'delete', 'add-key', 'proto'),
    value: fc.oneof(fc.anything(), fc.constantFrom(-1, 101, 1e309, '', 'x'.repeat(4001), null, [], {}, '25:00', 'usd', 'Bad Slug')),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'self', 'toString'),
  });

  it('a valid record with one thing changed validates or fails with a located error, and pollutes nothing', () => {
    fc.assert(
      fc.property(mutation, ({ at, kind, value, key }) => {
        counts.invalid += 1;
        const copy = JSON.parse(validText) as Record<string, unknown>;
        const parent = at.slice(0, -1).reduce<any>((node, step) => node[step], copy);
        const last = at[at.length - 1]!;
        if (kind === 'replace') parent[last] = value;
        else if (kind === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
        else if (kind === 'add-key' && parent[last] !== null && typeof parent[last] === 'object') parent[last][key] = value;
        let text = JSON.stringify(copy);
        // A "__proto__" key written into the JSON text itself, as a hostile file would.
        if (kind === 'proto') text = text.replace(/^\{/, `{"${key}": {"polluted": true}, `);
        // The parsed value keeps any "__proto__" key as data and the record that comes back inherits nothing.
        expect(inheritedProblems(parseJson(text, 'valid-record.json').value)).toEqual([]);
        const result = parseOrReject(text, 'valid-record.json');
        if (!(result instanceof Error)) {
          expect(CaseFileSchema.safeParse(result).success).toBe(true);
          expect(inheritedProblems(result)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
