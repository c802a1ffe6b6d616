/**
 * Writes docs/indikatorvarden-v1.schema.json from the zod schema in shared/figures/schema.ts.
 * Run after changing the figures format's JSON form:
 *   npx tsx scripts/generate-figures-schema.ts && npx biome format --write docs/indikatorvarden-v1.schema.json
 * A test fails while the committed file and the zod schema differ.
 */
import { writeFileSync } from 'node:fs';
import { figuresJsonSchema } from '../shared/figures/schema';

const target = new URL('../docs/indikatorvarden-v1.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(figuresJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target.pathname}`);
