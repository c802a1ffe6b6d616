/**
 * Writes docs/utforarregister-v1.schema.json from the zod schema in shared/register/schema.ts, and the
 * column tables in docs/register-format.md (between the `<!-- kolumner:… -->` markers) from the column
 * definitions in shared/register/definitions.ts.
 * Run after changing either: `npx tsx scripts/generate-register-schema.ts`.
 * Tests fail while the committed files and the code differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withColumnTables } from '../shared/register/docs';
import { registerJsonSchema } from '../shared/register/schema';

const schema = new URL('../docs/utforarregister-v1.schema.json', import.meta.url);
writeFileSync(schema, `${JSON.stringify(registerJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${schema.pathname}`);

const format = new URL('../docs/register-format.md', import.meta.url);
writeFileSync(format, withColumnTables(readFileSync(format, 'utf8')));
console.log(`Wrote the column tables in ${format.pathname}`);
