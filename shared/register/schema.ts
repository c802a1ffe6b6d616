import { z } from 'zod';
import { SERVICE_IDS } from '../domain/service';
import { regi, scope, unitStatus } from '../domain/unit';
import { REGISTER_FORMAT, REGISTER_VERSION } from './json';

/**
 * The JSON form of the register as a zod schema. It describes the canonical spelling; the importer is as
 * forgiving as for CSV (case, "egen regi" with a space, a kommunkod without its leading zero). The
 * published JSON Schema (docs/utforarregister-v1.schema.json) is generated from this.
 */
const date = (description: string) => z.iso.date().describe(`${description} (ÅÅÅÅ-MM-DD)`);
/** An optional column: left out, null or (in CSV) an empty cell all mean "not given". */
const optional = <T extends z.ZodType>(schema: T, description: string) =>
  schema.nullable().optional().describe(`${description}. Valfri`);
const textList = z.array(z.string().min(1));

export const registerJsonRow = z
  .object({
    huvudman: z
      .string()
      .regex(/^(\d{2}|\d{4})$/)
      .describe(
        'Kommunkod med fyra siffror (0581) eller regionens länskod med två siffror (05); koden måste finnas',
      ),
    tjanst: z
      .enum(SERVICE_IDS)
      .describe(
        'Valfrihetssystemet: hemtjanst och sarskilt_boende hör till en kommun, vardcentral till en region',
      ),
    namn: z.string().min(1).describe('Utförarens namn så som det visas för den som väljer'),
    regi: regi.describe('egen_regi (kommunens eller regionens egen), privat eller ideburen'),
    verifierad: date('Dagen då huvudmannen senast kontrollerade raden; inte i framtiden'),
    id: optional(z.string().min(1), 'Huvudmannens eget, stabila id för enheten'),
    organisationsnummer: optional(
      z.string().regex(/^\d{6}-?\d{4}$/),
      'Organisationsnummer NNNNNN-NNNN med giltig kontrollsiffra',
    ),
    alias: optional(textList, 'Andra namn som enheten går under'),
    omraden: optional(textList, 'Områden som enheten arbetar i'),
    omfattning: optional(z.array(scope), 'Vad enheten utför: service, omvardnad, hemsjukvard, natt'),
    sprak: optional(
      z.array(z.string().regex(/^[a-z]{2,3}$/)),
      'Språk som personalen talar utöver svenska, som ISO 639-koder (fi, ar, so)',
    ),
    tillaggstjanster: optional(textList, 'Tilläggstjänster som kunden kan köpa och betalar själv'),
    tar_emot_nya: optional(
      z.union([z.boolean(), z.enum(['ja', 'nej'])]),
      'Om enheten tar emot nya kunder just nu',
    ),
    hsa_id: optional(
      z
        .string()
        .regex(/^SE\d{10,12}-[A-Z0-9]+$/)
        .max(31),
      'HSA-id, till exempel SE2321000131-E000000008388',
    ),
    kolada_ou: optional(
      z.string().regex(/^V\d{2}E[0-9A-Z]{4,}(\|V\d{2}E[0-9A-Z]{4,})*$/),
      'Koladas id för enheten, till exempel V21E058100101; har utföraren flera enheter i Socialstyrelsens ' +
        'undersökningar (till exempel flera områden), ange alla åtskilda med |: V21E058100101|V21E058100102',
    ),
    webbplats: optional(
      z.string().regex(/^https?:\/\/\S+$/),
      'Webbadress som börjar med https:// eller http://',
    ),
    telefon: optional(z.string().min(1), 'Telefonnummer, till exempel 011-15 00 00'),
    adress: optional(z.string().min(1), 'Besöksadress'),
    status: optional(unitStatus, 'aktiv (om inget anges) eller avslutad'),
    status_datum: optional(
      z.iso.date(),
      'Dagen då statusen började gälla (ÅÅÅÅ-MM-DD); krävs när status är avslutad',
    ),
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
