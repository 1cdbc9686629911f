import { describe, expect, it } from 'vitest';
import { scaffoldRecord, titleFromSlug } from '../../src/record/scaffold.js';
import { validateRecord } from '../../src/record/validate.js';

describe('scaffoldRecord', () => {
  it('makes a record that passes validation, with $schema set', () => {
    const record = scaffoldRecord('scrum-master', { schemaPath: '../docs/record.schema.json' });
    expect(validateRecord(record, 'scrum-master.json')).toMatchObject({ slug: 'scrum-master', title: 'Scrum Master' });
    expect(record.$schema).toBe('../docs/record.schema.json');
  });

  it('titles a slug', () => {
    expect(titleFromSlug('vp-of-synergy')).toBe('Vp Of Synergy');
  });
});
