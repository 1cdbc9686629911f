/**
 * The reader against the project's own source text and against that text changed the ways real
 * files differ: every field read exactly, and every break of the format refused at its line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCasefileError, type CasefileError } from '../../../src/errors.js';
import { parsePageText } from '../../../src/record/page-text/parse.js';
import type { CaseFile } from '../../../src/record/schema.js';
import { FIXTURES, ROOT } from '../../helpers/cli.js';

const SOURCE_FILE = path.join(FIXTURES, 'source', 'lead-infrastructure-engineer.txt');
const SOURCE = readFileSync(SOURCE_FILE, 'utf8');
const DATA = JSON.parse(readFileSync(path.join(ROOT, 'data', 'lead-infrastructure-engineer.json'), 'utf8')) as CaseFile;
const KNOWN = new Set(['lead-backend-data-procurement-analyst', 'enterprise-architect', 'sdet']);

const parse = (text: string, knownSlugs: ReadonlySet<string> = KNOWN) => parsePageText(text, { file: 'role.txt', knownSlugs });

function refusal(text: string): CasefileError {
  try {
    parse(text);
  } catch (error) {
    if (isCasefileError(error)) return error;
    throw error;
  }
  throw new Error('expected the text to be refused');
}

/** The source with `from` replaced by `to` (a string, exactly once). */
function edited(from: string, to: string, text = SOURCE): string {
  expect(text.split(from).length, `"${from}" occurs once`).toBe(2);
  return text.replace(from, to);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('parsePageText on the source text', () => {
  it('gives data/lead-infrastructure-engineer.json field for field, but for the chart the text does not carry', () => {
    const { record, notes } = parse(SOURCE);
    const { $schema: _schema, ...expected } = DATA;
    expect({ ...record, sections: { ...record.sections, 'org-chart': { ...record.sections['org-chart'], chart: expected.sections['org-chart'].chart } } }).toEqual(expected);
    expect(record.sections['org-chart'].chart).toEqual({ label: 'Lead Infrastructure Engineer', self: true });
    expect(notes.filter((note) => note.kind === 'notice').map((note) => note.message).join('\n')).toMatch(/ORG CHART/);
    expect(notes.filter((note) => note.kind === 'split')).toHaveLength(3);
  });

  it('links a bare arrow only to a record that is in the data folder', () => {
    const { record } = parse(SOURCE, new Set(['sdet']));
    expect(record.sections['related-specimens'].items.map((item) => item.slug)).toEqual([undefined, undefined, 'sdet']);
  });

  it('reads CRLF, CR, a byte-order mark, trailing spaces, blank lines and curly quotes as the same record', () => {
    const messy = `\uFEFF\r\n${edited('"This compensation', '“This compensation')
      .replace('resolve them."', 'resolve them.”')
      .split('\n')
      .map((line) => `${line}  \t`)
      .join('\r\n\r\n')}`;
    expect(parse(messy).record).toEqual(parse(SOURCE).record);
    expect(parse(SOURCE.replace(/\n/g, '\r')).record).toEqual(parse(SOURCE).record);
  });

  it('keeps every character of a value, line separators inside a line included', () => {
    const text = edited('* The organizational hierarchy', '* The organizational\u2028hierarchy').replace('[DIAGNOSIS]As companies', '[DIAGNOSIS]As\u2029companies');
    const { record } = parse(text);
    expect(record.sections['org-chart'].summary).toContain('organizational\u2028hierarchy');
    expect(record.sections['flight-risk'].diagnosis).toMatch(/^As\u2029companies/);
  });

  it('keeps the text\'s own heading wording, and leaves a bare number to the standard heading', () => {
    const { record } = parse(edited('[05] THE BULLSHIT METRICS', '[05]').replace('[02] THE HABITAT (NATURAL RANGE)', '[02] WHERE THEY LURK'));
    expect(record.sections.metrics.heading).toBeUndefined();
    expect('heading' in record.sections.metrics).toBe(false);
    expect(record.sections.habitat.heading).toBe('WHERE THEY LURK');
  });
});

describe('the format\'s fields', () => {
  it('reads any number of survival lines, and the advice on the next line', () => {
    const text = edited('[IF ENGAGED:]Acknowledge', '[IF ON CALL:]Mute the pager.\n[IF CORNERED:]\nAgree to a follow-up.\n[IF ENGAGED:]Acknowledge');
    expect(parse(text).record.sections['survival-guide'].items.map((item) => [item.situation, item.advice.slice(0, 12)])).toEqual([
      ['IF ON CALL', 'Mute the pag'],
      ['IF CORNERED', 'Agree to a f'],
      ['IF ENGAGED', 'Acknowledge '],
    ]);
  });

  it('reads four day-log entries, a one-digit hour and an en dash', () => {
    const text = edited('[15:00 - 16:00]', '[9:00 – 9:30]\nStand-up\nStands.\n[15:00 - 16:00]');
    const entries = parse(text).record.sections['day-in-the-life'].entries;
    expect(entries).toHaveLength(4);
    expect(entries[2]).toMatchObject({ start: '09:00', end: '09:30', title: 'Stand-up', description: 'Stands.' });
    expect(parse(text).notes.some((note) => note.message.includes('09:00'))).toBe(true);
  });

  it('reads the top earners from the note, its hedge or none, and from a TOP EARNERS line', () => {
    const salary = (note: string, extra = '') => parse(edited('* This figure is an average, with top earners reaching nearly $260,000, often reflecting tenure or specialized cloud expertise rather than direct output. Salaries also trend higher due to the historical scarcity of experienced infrastructure talent.', `* ${note}${extra}`)).record.sections.salary;
    expect(salary('Top earners reaching $210,000.')).toMatchObject({ topEarners: 210000 });
    expect('topEarnersQualifier' in salary('Top earners reaching $210,000.')).toBe(false);
    expect(salary('With top earners reaching well over $300,000 in banks.')).toMatchObject({ topEarners: 300000, topEarnersQualifier: 'well over' });
    expect(salary('Some make up to $250K.')).toMatchObject({ topEarners: 250000, topEarnersQualifier: 'up to' });
    expect(salary('Nobody says.', '\nTOP EARNERS: about $199,999.50')).toMatchObject({ topEarners: 199999.5, topEarnersQualifier: 'about' });
    expect(salary('Nobody says.', '\nTOP EARNERS: well  over USD 1,900,000')).toMatchObject({ topEarners: 1900000, topEarnersQualifier: 'well  over' });
    expect(refusal(edited('reaching nearly $260,000', 'reaching the moon')).message).toMatch(/\[03\] SALARY DELUSION: .*top earners/);
    expect(refusal(edited('reaching nearly $260,000', 'reaching nearly €260,000')).message).toMatch(/USD/);
  });

  it('reads currencies by symbol and ISO code', () => {
    const currency = (figure: string) => parse(edited('$188,924', figure).replace('nearly $260,000', `nearly ${figure}`)).record.sections.salary;
    expect(currency('€72,000')).toMatchObject({ currency: 'EUR', marketAverage: 72000, topEarners: 72000 });
    expect(currency('£58,250')).toMatchObject({ currency: 'GBP', marketAverage: 58250 });
    expect(currency('¥9,800,000')).toMatchObject({ currency: 'JPY', marketAverage: 9800000 });
    expect(currency('CHF 145,000')).toMatchObject({ currency: 'CHF', marketAverage: 145000 });
  });

  it('reads aliases in the list form verbatim', () => {
    const text = edited('Principal Infrastructure EngineerInfrastructure ArchitectSenior Platform Engineer (sometimes)Cloud Operations Lead', '- iOS Platform Wrangler\n- 10x Engineer\n- Ops');
    expect(parse(text).record.aliases).toEqual(['iOS Platform Wrangler', '10x Engineer', 'Ops']);
  });

  it('reads aliases that follow the label on its own line, and the taxonomy link on a line of its own', () => {
    const text = edited('KNOWN ALIASES / DISGUISES:\nPrincipal', 'KNOWN ALIASES / DISGUISES: Principal').replace('[VIEW FULL TAXONOMY] ↗SYSTEM MATCH: 98%', '[VIEW FULL TAXONOMY] ↗\nSYSTEM MATCH: 98%');
    expect(parse(text).record).toEqual(parse(SOURCE).record);
  });

  it('uses camel-case words from elsewhere in the text to keep aliases whole', () => {
    const text = edited('Cloud Operations Lead\n', 'Cloud Operations LeadZorbNet Steward\n').replace('A sprawling document', 'A sprawling ZorbNet document');
    expect(parse(text).record.aliases.slice(-2)).toEqual(['Cloud Operations Lead', 'ZorbNet Steward']);
  });

  it('reads an ORG CHART block into the chart, with notes and the role marked', () => {
    const block = ['ORG CHART:', '- CTO — Declared cloud-first', '  - VP of Engineering', '    * Lead Infrastructure Engineer — Escalates — loudly', '      - Cloud Engineer', '  - Cost Board'].join('\n');
    const text = edited('KNOWN ALIASES / DISGUISES:', `${block}\nKNOWN ALIASES / DISGUISES:`);
    expect(parse(text).record.sections['org-chart'].chart).toEqual({
      label: 'CTO',
      note: 'Declared cloud-first',
      reports: [
        { label: 'VP of Engineering', reports: [{ label: 'Lead Infrastructure Engineer', note: 'Escalates — loudly', self: true, reports: [{ label: 'Cloud Engineer' }] }] },
        { label: 'Cost Board' },
      ],
    });
    expect(parse(text).notes.some((note) => note.kind === 'notice')).toBe(false);
    const twoSelves = edited('- Cloud Engineer', '* Cloud Engineer', text);
    expect(refusal(twoSelves)).toMatchObject({ code: 'E_TEXT', line: lineOf(twoSelves, '* Cloud Engineer') });
    const noSelf = edited('* Lead Infrastructure Engineer', '- Lead Infrastructure Engineer', text);
    expect(refusal(noSelf)).toMatchObject({ code: 'E_TEXT', line: lineOf(noSelf, 'ORG CHART:') });
    const twoTops = `${text.replace('  - Cost Board', '- Cost Board')}`;
    expect(refusal(twoTops)).toMatchObject({ code: 'E_TEXT', line: lineOf(twoTops, '- Cost Board') });
  });
});

describe('refusals name the file, the line, the section and what was expected', () => {
  const cases: [string, string, string, RegExp][] = [
    ['a missing section', SOURCE.replace(/\[03\][^]*?(?=\[04\])/, ''), '[04] THE FLIGHT RISK', /\[03\] SALARY DELUSION.*missing/],
    ['no MARKET AVERAGE figure', edited('$188,924\n', ''), '* This figure', /\[03\] SALARY DELUSION: expected the MARKET AVERAGE figure/],
    ['an unknown currency symbol', edited('$188,924', '¤188,924'), '¤188,924', /\[03\].*unknown currency symbol "¤"/],
    ['a figure readable two ways', edited('$188,924', '€72.000'), '€72.000', /two ways/],
    ['a percent over 100', edited('RISK:85%', 'RISK:140%'), 'FLIGHT RISK:', /\[04\] THE FLIGHT RISK: .*percent.*140/],
    ['a metric with no description', edited('Cloud Cost Optimization Initiatives Started\n', ''), 'A metric tracking', /\[05\] THE BULLSHIT METRICS: expected the description/],
    ['an advert without its translation label', SOURCE.replace('OTIOSE TRANSLATION\n', ''), 'Possesses a LinkedIn', /\[08\].*OTIOSE TRANSLATION/],
    ['an impossible time', edited('[10:00 - 11:00]', '[25:00 - 26:00]'), '[25:00', /\[09\] DAY-IN-THE-LIFE LOG: .*HH:MM/],
    ['a complaint with no source', edited('— teamblind.com\n"They want', '"They want'), '"They want', /\[10\].*source/],
    ['a line before FILE RECORD', `hello\n${SOURCE}`, 'hello', /FILE RECORD/],
    ['a slug that is not one', edited('FILE RECORD: LEAD-INFRASTRUCTURE-ENGINEER', 'FILE RECORD: lead engineer!'), 'FILE RECORD', /slug/],
    ['a section twice', `${SOURCE}\n[05] THE BULLSHIT METRICS\nA\nB\n`, '[05] THE BULLSHIT METRICS\nA', /\[05\]/],
    ['sections out of order', SOURCE.replace('[06] SIGNATURE WEAPONRY', '[07] SIGNATURE WEAPONRY'), '[07] SIGNATURE WEAPONRY', /expected \[06\] SIGNATURE WEAPONRY/],
    ['a stray line in a section', edited('[DIAGNOSIS]', 'a stray line\n[DIAGNOSIS]'), 'a stray line', /\[04\] THE FLIGHT RISK: expected the diagnosis/],
  ];
  for (const [what, text, at, message] of cases) {
    it(what, () => {
      const error = refusal(text);
      const wanted = at.includes('\n') ? text.split('\n').findIndex((line, index, lines) => `${line}\n${lines[index + 1]}` === at) + 1 : lineOf(text, at);
      expect(error.message).toMatch(message);
      expect({ file: error.file, line: error.line }).toEqual({ file: 'role.txt', line: wanted });
      expect(error.exitCode).toBe(1);
    });
  }
});

describe('nothing is dropped', () => {
  it('a line inserted anywhere ends up in the record or in an error', () => {
    const lines = SOURCE.split('\n');
    for (let at = 1; at <= lines.length; at += 1) {
      for (const stray of ['Stray Words Here', '- stray bullet', '"a stray quote"', '* stray note']) {
        const text = [...lines.slice(0, at), stray, ...lines.slice(at)].join('\n');
        let kept = false;
        try {
          kept = JSON.stringify(parse(text).record).includes(stray.replace(/^[-*] |"/g, '').replace(/"$/, ''));
        } catch (error) {
          if (!isCasefileError(error)) throw error;
          kept = true;
        }
        expect(kept, `line ${at + 1}: ${stray}`).toBe(true);
      }
    }
  });
});
