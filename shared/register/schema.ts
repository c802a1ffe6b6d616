import { z } from 'zod';
import { SERVICE_IDS } from '../domain/service';
import { regi, scope, unitStatus } from '../domain/unit';
import type { RegisterColumn } from './columns';
import { COLUMN_DEFINITIONS, plainText } from './definitions';
import { REGISTER_FORMAT, REGISTER_VERSION } from './json';
import {
  HSA_ID,
  HSA_ID_MAX_LENGTH,
  HUVUDMAN_CODE,
  KOLADA_OU_LIST,
  LANGUAGE_CODE,
  ORGANISATIONSNUMMER,
  WEBSITE,
} from './patterns';

/**
 * The JSON form of the register as a zod schema. It describes the canonical spelling; the importer is as
 * forgiving as for CSV (case, "egen regi" with a space, a kommunkod without its leading zero). The
 * published JSON Schema (docs/utforarregister-v1.schema.json) is generated from this. Descriptions and
 * size limits come from the column definitions (definitions.ts), patterns from patterns.ts.
 */
const describe = (column: RegisterColumn) => {
  const { content, allowed, example } = COLUMN_DEFINITIONS[column];
  return `${content}. ${plainText(allowed)}. Exempel: ${plainText(example)}`;
};
const max = (column: RegisterColumn) => COLUMN_DEFINITIONS[column].maxLength;
const text = (column: RegisterColumn) => z.string().min(1).max(max(column));

const required = <T extends z.ZodType>(column: RegisterColumn, schema: T) =>
  schema.describe(describe(column));
/** An optional column: left out, null or (in CSV) an empty cell all mean "not given". */
const optional = <T extends z.ZodType>(column: RegisterColumn, schema: T) =>
  schema
    .nullable()
    .optional()
    .describe(`${describe(column)}. Valfri`);
const list = <T extends z.ZodType>(column: RegisterColumn, item: T) =>
  optional(column, z.array(item).max(COLUMN_DEFINITIONS[column].maxItems ?? 0));
const textList = (column: RegisterColumn) => list(column, text(column));

export const registerJsonRow = z
  .object({
    huvudman: required('huvudman', z.string().regex(HUVUDMAN_CODE)),
    tjanst: required('tjanst', z.enum(SERVICE_IDS)),
    namn: required('namn', text('namn')),
    regi: required('regi', regi),
    verifierad: required('verifierad', z.iso.date()),
    id: optional('id', text('id')),
    organisationsnummer: optional('organisationsnummer', z.string().regex(ORGANISATIONSNUMMER)),
    alias: textList('alias'),
    omraden: textList('omraden'),
    omfattning: list('omfattning', scope),
    sprak: list('sprak', z.string().regex(LANGUAGE_CODE)),
    tillaggstjanster: textList('tillaggstjanster'),
    tar_emot_nya: optional('tar_emot_nya', z.union([z.boolean(), z.enum(['ja', 'nej'])])),
    hsa_id: optional('hsa_id', z.string().regex(HSA_ID).max(HSA_ID_MAX_LENGTH)),
    kolada_ou: optional('kolada_ou', z.string().regex(KOLADA_OU_LIST).max(max('kolada_ou'))),
    webbplats: optional('webbplats', z.string().regex(WEBSITE).max(max('webbplats'))),
    telefon: optional('telefon', text('telefon')),
    adress: optional('adress', text('adress')),
    status: optional('status', unitStatus),
    status_datum: optional('status_datum', z.iso.date()),
  })
  .strict();

export const registerJsonDocument = z
  .object({
    $schema: z.string().optional().describe('Adress till detta JSON Schema. Valfri'),
    format: z.literal(REGISTER_FORMAT),
    version: z.literal(REGISTER_VERSION),
    rows: z.array(registerJsonRow),
  })
  .strict()
  .meta({
    title: 'Utförarregister, version 1',
    description:
      'En huvudmans lista över godkända utförare i ett valfrihetssystem (LOV). Se docs/register-format.md.',
  });

/** The JSON Schema (draft 2020-12) document committed as docs/utforarregister-v1.schema.json. */
export function registerJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(registerJsonDocument, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
}
