import { z } from 'zod';
import { SERVICE_IDS } from '../domain/service';
import { FIGURES_FORMAT, FIGURES_VERSION } from './json';

/**
 * The JSON form of the figures format as a zod schema, in its canonical spelling. The reader is as
 * forgiving as for CSV (a decimal comma in a text, `2025-h1`). The published JSON Schema
 * (docs/indikatorvarden-v1.schema.json) is generated from this by scripts/generate-figures-schema.ts.
 */
const optional = <T extends z.ZodType>(schema: T, description: string) =>
  schema.nullable().optional().describe(`${description}. Valfri`);
const decimalText = z.string().regex(/^[+-]?\d+([.,]\d+)?$/);
const decimal = z.union([z.number(), decimalText]);

export const figuresJsonRow = z
  .object({
    huvudman: z
      .string()
      .regex(/^(\d{2}|\d{4}|riket)$/)
      .describe(
        'Kommunkod (0581) eller regionens länskod (05) som har valfrihetssystemet; riket för en siffra för hela landet',
      ),
    tjanst: z.enum(SERVICE_IDS).describe('Valfrihetssystemet: hemtjanst, sarskilt_boende eller vardcentral'),
    enhet: optional(
      z.string().min(1),
      'Enheten: HSA-id (SE2321000131-E000000008388), Koladas enhets-id (V15E058100101) eller registrets id. Tom eller null för huvudmannens eller rikets jämförelsesiffra',
    ),
    indikator: z
      .string()
      .min(1)
      .describe('Indikatorns id i Utförarkollens katalog, till exempel npe_vard_och_behandling_medel'),
    period: z
      .string()
      .regex(/^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/)
      .describe('2025 (år), 2025-H1 (halvår), 2025-Q3 (kvartal) eller 2025-10 (månad)'),
    varde: optional(
      decimal,
      'Värdet på indikatorns skala (procent 0–100, enkätens medelvärde 0–1). Får saknas bara när antal är under indikatorns gräns för att redovisas',
    ),
    antal: optional(
      z.union([z.number().int().min(0), z.string().regex(/^\d+$/)]),
      'Antal svarande eller fall bakom värdet',
    ),
    kalla: z.string().min(1).describe('Källans namn, till exempel Nationell Patientenkät 2025'),
    kalla_url: z
      .string()
      .regex(/^https?:\/\/\S+$/)
      .describe('Adress där källan visar värdet eller dess underlag'),
    publicerad: z.iso.date().describe('Dagen då källan publicerade värdet (ÅÅÅÅ-MM-DD); inte i framtiden'),
    ki_lag: optional(decimal, 'Konfidensintervallets nedre gräns; anges tillsammans med ki_hog'),
    ki_hog: optional(decimal, 'Konfidensintervallets övre gräns; anges tillsammans med ki_lag'),
  })
  .strict();

export const figuresJsonDocument = z
  .object({
    $schema: z.string().optional().describe('Adress till detta JSON Schema. Valfri'),
    format: z.literal(FIGURES_FORMAT),
    version: z.literal(FIGURES_VERSION),
    rows: z.array(figuresJsonRow),
  })
  .strict()
  .meta({
    title: 'Indikatorvärden, version 1',
    description:
      'Värden per enhet (och huvudmannens och rikets jämförelsesiffror) för indikatorer i Utförarkollens katalog, med källa, period och antal. Se docs/figures-format.md.',
  });

/** The JSON Schema (draft 2020-12) document committed as docs/indikatorvarden-v1.schema.json. */
export function figuresJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(figuresJsonDocument, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
}
