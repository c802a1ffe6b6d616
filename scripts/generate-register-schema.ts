/**
 * Writes docs/utforarregister-v1.schema.json from the zod schema in shared/register/schema.ts.
 * Run after changing the register's JSON form: `npx tsx scripts/generate-register-schema.ts`.
 * A test fails while the committed file and the zod schema differ.
 */
import { writeFileSync } from 'node:fs';
import { registerJsonSchema } from '../shared/register/schema';

const target = new URL('../docs/utforarregister-v1.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(registerJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target.pathname}`);
