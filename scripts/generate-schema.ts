// Writes scenarios/schema/*.json from the Zod definitions. Run after changing a format:
//   npm run schema
// tests/core/json-schema.test.ts fails while the committed files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaText, SCHEMA_FILES } from '../src/core/json-schemas.ts';

const dir = join(import.meta.dirname, '..', 'scenarios', 'schema');
mkdirSync(dir, { recursive: true });
for (const name of Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[]) {
  writeFileSync(join(dir, name), jsonSchemaText(name));
  console.log(`wrote scenarios/schema/${name}`);
}
