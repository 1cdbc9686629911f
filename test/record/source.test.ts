/**
 * The record must hold the whole source text: every line of
 * test/fixtures/source/lead-infrastructure-engineer.txt (the project's source text, copied verbatim
 * into the repository so it stands alone) is found in the JSON, in the source's order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../src/record/schema.js';
import { SECTIONS } from '../../src/record/sections.js';
import { FIXTURES } from '../helpers/cli.js';
import { loadDataRecord } from '../helpers/records.js';

const SOURCE = path.join(FIXTURES, 'source', 'lead-infrastructure-engineer.txt');

/** Lines that are the page's furniture (labels the templates print), not the record's content. */
const LABELS = new Set(['KNOWN ALIASES / DISGUISES:', 'MARKET AVERAGE', 'LINKEDIN ILLUSION', 'OTIOSE TRANSLATION', '→']);

/** Every string and number of the record, depth first, in the order the JSON holds them. */
function flatten(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((item) => flatten(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => flatten(item, out));
  return out;
}

const unquote = (text: string) => text.replace(/^["“]/, '').replace(/["”]$/, '');

/** What a source line must appear as in the record: one or more strings, in order. */
function expectedValues(line: string, record: CaseFile): string[] {
  let match: RegExpExecArray | null;
  if ((match = /^FILE RECORD: (.+)$/.exec(line))) {
    expect(record.slug.toUpperCase(), 'the file record number is the slug').toBe(match[1]);
    return [];
  }
  if ((match = /^\[(\d\d)\] (.+)$/.exec(line))) {
    const info = SECTIONS.find((section) => section.number === match![1]);
    expect(info, `section [${match[1]}] exists`).toBeDefined();
    return [match[2]!];
  }
  if (line === 'KNOWN ALIASES / DISGUISES:') return [];
  if ((match = /^FLIGHT RISK:(\d+)%(.+)$/.exec(line))) return [match[1]!, match[2]!];
  if ((match = /^\[DIAGNOSIS\](.+)$/.exec(line))) return [match[1]!];
  if ((match = /^\[([^\]]+):\](.+)$/.exec(line))) return [match[1]!, match[2]!];
  if ((match = /^\[(\d\d:\d\d) - (\d\d:\d\d)\]$/.exec(line))) return [match[1]!, match[2]!];
  if ((match = /^\[(SOURCE REDACTED)\]$/.exec(line))) return [match[1]!];
  if ((match = /SYSTEM MATCH: (\d+)%$/.exec(line))) return [match[1]!];
  if ((match = /^\$([\d,]+)$/.exec(line))) return [match[1]!.replace(/,/g, '')];
  if ((match = /^[*-] (.+)$/.exec(line))) return [match[1]!];
  if ((match = /^— (.+)$/.exec(line))) return [match[1]!];
  return [unquote(line)];
}

describe('data/lead-infrastructure-engineer.json', () => {
  const sourceLines = readFileSync(SOURCE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const record = loadDataRecord('lead-infrastructure-engineer');
  const values = flatten(record);

  it('holds every line of the source text, in the source order', () => {
    const aliasesLine = sourceLines[sourceLines.indexOf('KNOWN ALIASES / DISGUISES:') + 1];
    const missing: string[] = [];
    let cursor = 0;
    for (const line of sourceLines) {
      // The aliases line is checked whole below; the source prints it amid section [01].
      if (LABELS.has(line) || line === aliasesLine) continue;
      const heading = /^\[\d\d\] (.+)$/.exec(line);
      // Order is checked within each section: the page lays some blocks out side by side.
      if (heading) cursor = Math.max(0, values.indexOf(heading[1]!));
      const wanted = expectedValues(line, record);
      for (const value of wanted) {
        const found = values.indexOf(value, cursor);
        if (found === -1) missing.push(`${JSON.stringify(value)} (from source line ${JSON.stringify(line.slice(0, 60))})`);
        else cursor = found + 1;
      }
    }
    expect(missing).toEqual([]);
  });

  it('transcribes the aliases whole: joined, they give the source line exactly', () => {
    const aliasesLine = sourceLines[sourceLines.indexOf('KNOWN ALIASES / DISGUISES:') + 1];
    expect(record.aliases.join('')).toBe(aliasesLine);
    expect(record.aliases).toHaveLength(4);
  });

  it('has as many items per section as the source', () => {
    const s = record.sections;
    expect(s.habitat.places).toHaveLength(3);
    expect(s.metrics.items).toHaveLength(3);
    expect(s.weaponry.items).toHaveLength(3);
    expect(s['survival-guide'].items).toHaveLength(1);
    expect(s['job-ad-autopsy'].items).toHaveLength(sourceLines.filter((line) => line === 'LINKEDIN ILLUSION').length);
    expect(s['day-in-the-life'].entries).toHaveLength(sourceLines.filter((line) => /^\[\d\d:\d\d - /.test(line)).length);
    expect(s['burn-ward'].quotes).toHaveLength(sourceLines.filter((line) => line.startsWith('— ')).length);
    expect(s['related-specimens'].items).toHaveLength(sourceLines.filter((line) => line.includes('SYSTEM MATCH')).length);
  });

  it('has an org chart with the role itself in it', () => {
    const chart = JSON.stringify(record.sections['org-chart'].chart);
    expect(chart).toContain('"label":"Lead Infrastructure Engineer","note":"Strategic oversight; escalates critical alerts","self":true');
  });
});
