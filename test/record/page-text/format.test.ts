/**
 * The page text as export writes it: the page's own form (docs/page-text.md), section by section,
 * with the ORG CHART: block, the arrows' slugs, and the aliases' list form and a TOP EARNERS: line
 * only where the record needs them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPageText } from '../../../src/record/page-text/format.js';
import type { CaseFile } from '../../../src/record/schema.js';
import { FIXTURES, ROOT } from '../../helpers/cli.js';

function dataRecord(slug: string): CaseFile {
  return JSON.parse(readFileSync(path.join(ROOT, 'data', `${slug}.json`), 'utf8')) as CaseFile;
}

/** A record to vary: the shipped one, deep-copied. */
function record(change: (copy: CaseFile) => void = () => undefined): CaseFile {
  const copy = structuredClone(dataRecord('lead-infrastructure-engineer'));
  change(copy);
  return copy;
}

/** The lines of one section, its `[NN]` line first, up to the next section. */
function sectionLines(text: string, number: string): string[] {
  const lines = text.trimEnd().split('\n');
  const start = lines.findIndex((line) => line.startsWith(`[${number}]`));
  const end = lines.findIndex((line, index) => index > start && /^\[\d\d\]/.test(line));
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('formatPageText', () => {
  it('writes the shipped record as the page prints it, plus its ORG CHART: block and the slugs on its arrows', () => {
    const text = formatPageText(dataRecord('lead-infrastructure-engineer'));
    const page = readFileSync(path.join(FIXTURES, 'source', 'lead-infrastructure-engineer.txt'), 'utf8');
    const withoutAdditions = text
      .split('\n')
      .filter((line, index, lines) => {
        const chartStart = lines.indexOf('ORG CHART:');
        const chartEnd = lines.indexOf('KNOWN ALIASES / DISGUISES:');
        return index < chartStart || index >= chartEnd;
      })
      .map((line) => (line.startsWith('→') ? '→' : line))
      .join('\n');
    expect(withoutAdditions).toBe(`${page.trimEnd()}\n`);
  });

  it('writes the whole org chart after the summary, two spaces a level, "*" on the role itself', () => {
    const lines = sectionLines(formatPageText(dataRecord('lead-infrastructure-engineer')), '01');
    expect(lines.slice(0, 7)).toEqual([
      '[01] THE ORG-CHART ARCHITECTURE',
      '* The organizational hierarchy defining the pressure flow and extraction cycle for this role.',
      'ORG CHART:',
      "- Chief Technology Officer — Declared the company 'cloud-first' at an all-hands",
      '  - VP of Engineering — Owns the digital transformation slide deck',
      '    - Director of Platform & Cloud Operations — Approves the budget for the new SaaS tool',
      '      * Lead Infrastructure Engineer — Strategic oversight; escalates critical alerts',
    ]);
  });

  it('ends lines with LF only, and the text with one newline', () => {
    const text = formatPageText(dataRecord('sdet'));
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text.startsWith('FILE RECORD: SDET\n')).toBe(true);
  });

  it('writes a bare [NN] for a section without its own heading', () => {
    const text = formatPageText(record((copy) => {
      delete copy.sections.salary.heading;
      delete copy.sections['related-specimens'].heading;
    }));
    expect(sectionLines(text, '03')[0]).toBe('[03]');
    expect(sectionLines(text, '11')[0]).toBe('[11]');
    expect(sectionLines(text, '04')[0]).toBe('[04] THE FLIGHT RISK');
  });

  it('runs the aliases together when the line reads back as them', () => {
    const lines = sectionLines(formatPageText(dataRecord('lead-infrastructure-engineer')), '01');
    expect(lines.slice(-2)).toEqual([
      'KNOWN ALIASES / DISGUISES:',
      'Principal Infrastructure EngineerInfrastructure ArchitectSenior Platform Engineer (sometimes)Cloud Operations Lead',
    ]);
  });

  it('lists the aliases one per line when run together they would not read back', () => {
    for (const aliases of [
      ['iOS Platform Wrangler', '10x Engineer'],
      ['Cloud Dev', 'Ops Lead'], // "DevOps" is a known word: run together, the two would merge
      ['Head of AI', 'Chief Prompt Officer', 'Generative AIChief'],
    ]) {
      const lines = sectionLines(formatPageText(record((copy) => void (copy.aliases = aliases))), '01');
      expect(lines.slice(lines.indexOf('KNOWN ALIASES / DISGUISES:') + 1), aliases.join(' | ')).toEqual(aliases.map((alias) => `- ${alias}`));
    }
  });

  it('writes the aliases label alone for a record without aliases', () => {
    const lines = sectionLines(formatPageText(record((copy) => void (copy.aliases = []))), '01');
    expect(lines.at(-1)).toBe('KNOWN ALIASES / DISGUISES:');
  });

  it('writes a TOP EARNERS: line only when the note does not give the top figure, its currency and hedge', () => {
    expect(sectionLines(formatPageText(record()), '03')).toEqual([
      '[03] SALARY DELUSION',
      'MARKET AVERAGE',
      '$188,924',
      '* This figure is an average, with top earners reaching nearly $260,000, often reflecting tenure or specialized cloud expertise rather than direct output. Salaries also trend higher due to the historical scarcity of experienced infrastructure talent.',
      '"This compensation package ensures consistent attendance at \'strategic planning\' sessions and the timely escalation of critical alerts to those who actually resolve them."',
    ]);
    const salaryEnd = (change: (salary: CaseFile['sections']['salary']) => void) => sectionLines(formatPageText(record((copy) => change(copy.sections.salary))), '03').at(-1);
    expect(salaryEnd((salary) => void (salary.note = 'No figure in this note.'))).toBe('TOP EARNERS: nearly $260,000');
    expect(salaryEnd((salary) => void (salary.topEarners = 270000))).toBe('TOP EARNERS: nearly $270,000');
    expect(salaryEnd((salary) => void delete salary.topEarnersQualifier)).toBe('TOP EARNERS: $260,000');
    expect(salaryEnd((salary) => void (salary.topEarnersQualifier = 'about'))).toBe('TOP EARNERS: about $260,000');
  });

  it('writes figures in the record\'s currency: a symbol where one stands for it, the ISO code otherwise', () => {
    const lines = sectionLines(formatPageText(record((copy) => {
      copy.sections.salary.currency = 'SEK';
      copy.sections.salary.marketAverage = 540000;
    })), '03');
    expect(lines[2]).toBe('SEK 540,000');
    // The note's "$260,000" is in another currency, so the top figure needs its own line.
    expect(lines.at(-1)).toBe('TOP EARNERS: nearly SEK 260,000');
    const euro = sectionLines(formatPageText(record((copy) => void (copy.sections.salary.currency = 'EUR'))), '03');
    expect(euro[2]).toBe('€188,924');
  });

  it('writes every number in plain digits, exactly, never in exponent form', () => {
    const text = formatPageText(record((copy) => {
      copy.sections['flight-risk'].percent = 1e-7;
      copy.sections['related-specimens'].items[1]!.match = 12.5;
      copy.sections.salary.marketAverage = 0.1 + 0.2;
    }));
    expect(sectionLines(text, '04')[1]).toBe('FLIGHT RISK:0.0000001%HIGH RISK');
    expect(sectionLines(text, '11')).toContain('SYSTEM MATCH: 12.5%');
    expect(sectionLines(text, '03')[2]).toBe('$0.30000000000000004');
  });

  it('writes the flight risk, the survival guide, the job ads, the day and the burn ward in the page\'s form', () => {
    const text = formatPageText(record((copy) => {
      copy.sections['survival-guide'].items.push({ situation: 'IF CORNERED:', advice: 'Mention the roadmap.' });
    }));
    expect(sectionLines(text, '04')[1]).toBe('FLIGHT RISK:85%HIGH RISK');
    expect(sectionLines(text, '04')[2]).toMatch(/^\[DIAGNOSIS\]As companies optimize/);
    // The colon is the page's; a situation that ends in one keeps it.
    expect(sectionLines(text, '07').slice(1).map((line) => line.slice(0, line.indexOf(']') + 1))).toEqual(['[IF ENGAGED:]', '[IF CORNERED::]']);
    expect(sectionLines(text, '08').slice(1, 6).map((line) => line.slice(0, 20))).toEqual(['LINKEDIN ILLUSION', '[SOURCE REDACTED]', '"Formal training or ', 'OTIOSE TRANSLATION', 'Possesses a LinkedIn']);
    expect(sectionLines(text, '09').slice(1, 3)).toEqual(['[10:00 - 11:00]', 'Cross-Functional Sync & Alignment Ritual']);
    expect(sectionLines(text, '10').slice(0, 4).map((line) => line.slice(0, 24))).toEqual(['[10] THE BURN WARD (UNFI', '* The stark reality of t', '"My \'Lead\' infra enginee', '— teamblind.com']);
  });

  it('opens the related records with the page\'s furniture and puts each slug on its arrow, or a bare arrow', () => {
    const text = formatPageText(record((copy) => void delete copy.sections['related-specimens'].items[2]!.slug));
    expect(sectionLines(text, '11')).toEqual([
      '[11] RELATED SPECIMENS',
      '[VIEW FULL TAXONOMY] ↗SYSTEM MATCH: 98%',
      'Lead Backend Data Procurement Analyst',
      expect.stringMatching(/^Spend weeks/),
      '→ lead-backend-data-procurement-analyst',
      'SYSTEM MATCH: 91%',
      'Enterprise Architect',
      expect.stringMatching(/^Preside over/),
      '→ enterprise-architect',
      'SYSTEM MATCH: 84%',
      'SDET',
      expect.stringMatching(/^To craft/),
      '→',
    ]);
  });
});
