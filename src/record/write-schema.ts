/** `npm run schema`: regenerates docs/record.schema.json from the zod schema. */
import { writeFileAtomic } from '../output/atomic.js';
import { SCHEMA_FILE } from '../paths.js';
import { recordJsonSchemaText } from './json-schema.js';

await writeFileAtomic(SCHEMA_FILE, recordJsonSchemaText());
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
