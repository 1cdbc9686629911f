import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordJsonSchema, recordJsonSchemaText } from '../../src/record/json-schema.js';
import { SECTION_IDS } from '../../src/record/sections.js';
import { ROOT } from '../helpers/cli.js';

describe('docs/record.schema.json', () => {
  it('is the schema generated from src/record/schema.ts (run `npm run schema` after changing it)', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'record.schema.json'), 'utf8')).toBe(recordJsonSchemaText());
  });

  it('requires every section and allows no others', () => {
    const sections = (recordJsonSchema()['properties'] as Record<string, { required: string[]; additionalProperties: boolean }>)['sections']!;
    expect([...sections.required].sort()).toEqual([...SECTION_IDS].sort());
    expect(sections.additionalProperties).toBe(false);
  });

  it('is what the record points its editor at', () => {
    const record = JSON.parse(readFileSync(path.join(ROOT, 'data', 'lead-infrastructure-engineer.json'), 'utf8'));
    expect(path.resolve(ROOT, 'data', record.$schema)).toBe(path.join(ROOT, 'docs', 'record.schema.json'));
  });
});
