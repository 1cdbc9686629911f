/** The JSON Schema that editors use through a record's "$schema", generated from the zod schema. */
import { z } from 'zod';
import { CaseFileSchema } from './schema.js';

export function recordJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CaseFileSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'throw' });
  return { ...schema, title: 'casefile record' };
}

export function recordJsonSchemaText(): string {
  return `${JSON.stringify(recordJsonSchema(), null, 2)}\n`;
}
