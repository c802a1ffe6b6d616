import { z } from 'zod';

/**
 * Kolada API v3 response shapes (zod) and the normalised records the client returns.
 * Schemas ignore fields they do not know, but require the fields we depend on: a renamed field must
 * fail loudly rather than turn every figure into "no data".
 */

/** A yes/no flag; Kolada v2 sent some flags as 0/1. */
const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform(Boolean);

/** Kolada periods are years; v3 sends them as numbers, older answers as strings. Normalised to "2025". */
const period = z.union([z.number().int(), z.string().regex(/^\d{4}$/)]).transform(String);

export const koladaGender = z.enum(['T', 'K', 'M']);
export type KoladaGender = z.infer<typeof koladaGender>;

/** One gender's figure inside a data row. */
export const koladaGenderValue = z.object({
  gender: koladaGender,
  value: z.number().nullable(),
  count: z.number().nonnegative().nullish(),
  status: z.string().nullish(),
  isdeleted: flag.optional(),
  is_deleted: flag.optional(),
});
type RawGenderValue = z.infer<typeof koladaGenderValue>;

export type KoladaSubjectType = 'ou' | 'municipality';

/**
 * One figure as the client returns it: the total ("T") of one KPI for one subject and period.
 * A flat list of these is what a sync stores.
 */
export interface KoladaDataRow {
  kpi: string;
  /** "ou" for a unit (utförare), "municipality" for a kommun, region ("0001"-"0025") or riket ("0000"). */
  subjectType: KoladaSubjectType;
  /** The OU id (e.g. "V21E058100101") or Kolada municipality id (e.g. "0581", "0000"). */
  subject: string;
  /** The year, e.g. "2025". */
  period: string;
  /** The total figure; null when Kolada has none (e.g. too few answered). */
  value: number | null;
  /** Kolada's `count` for the total: the number who answered, where the KPI is a survey share. */
  respondents: number | null;
  /** Kolada's status note for the total; null when empty. */
  status: string | null;
  /** True when an incremental answer (from_date) says this figure was removed. */
  deleted: boolean;
}
export type KoladaOuDataRow = KoladaDataRow & { subjectType: 'ou' };
export type KoladaMunicipalityDataRow = KoladaDataRow & { subjectType: 'municipality' };

function isDeleted(flags: { isdeleted?: boolean | undefined; is_deleted?: boolean | undefined }): boolean {
  return flags.isdeleted === true || flags.is_deleted === true;
}

function atMostOnePerGender(values: RawGenderValue[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v.gender)) ctx.addIssue({ code: 'custom', message: `flera värden för kön ${v.gender}` });
    seen.add(v.gender);
  }
}

const genderValues = z.array(koladaGenderValue).superRefine(atMostOnePerGender);

/** The deletion flag has been seen both on the row and on each gender's value; either counts. */
function toRow<S extends KoladaSubjectType>(
  subjectType: S,
  subject: string,
  raw: { kpi: string; period: string; values: RawGenderValue[]; isdeleted?: boolean; is_deleted?: boolean },
): KoladaDataRow & { subjectType: S } {
  const total = raw.values.find((v) => v.gender === 'T');
  return {
    kpi: raw.kpi,
    subjectType,
    subject,
    period: raw.period,
    value: total?.value ?? null,
    respondents: total?.count ?? null,
    status: total?.status ? total.status : null,
    deleted: isDeleted(raw) || (total !== undefined && isDeleted(total)),
  };
}

const rowBase = {
  kpi: z.string().min(1),
  period,
  values: genderValues,
  isdeleted: flag.optional(),
  is_deleted: flag.optional(),
};

/** A row of `/oudata/...`. */
export const koladaOuDataRow = z
  .object({ ...rowBase, ou: z.string().min(1) })
  .transform((raw): KoladaOuDataRow => toRow('ou', raw.ou, raw));

/** A row of `/data/...` (kommun, region or riket). */
export const koladaMunicipalityDataRow = z
  .object({ ...rowBase, municipality: z.string().min(1) })
  .transform((raw): KoladaMunicipalityDataRow => toRow('municipality', raw.municipality, raw));

/** An organisational unit from `/ou`. Kolada gives no owner, address or org.nr: linking is by name. */
export const koladaOu = z.object({
  id: z.string().min(1),
  municipality: z.string().min(1),
  title: z.string(),
});
export type KoladaOu = z.infer<typeof koladaOu>;

/** A KPI from `/kpi`, reduced to what the product uses. */
export const koladaKpi = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    description: z.string().nullish(),
    has_ou_data: flag.nullish(),
    is_divided_by_gender: flag.nullish(),
    municipality_type: z.string().nullish(),
    publication_date: z.string().nullish(),
    publ_period: z.union([z.string(), z.number()]).nullish(),
  })
  .transform((raw) => ({
    id: raw.id,
    title: raw.title,
    description: raw.description ?? null,
    hasOuData: raw.has_ou_data ?? null,
    isDividedByGender: raw.is_divided_by_gender ?? null,
    municipalityType: raw.municipality_type ?? null,
    publicationDate: raw.publication_date || null,
    publicationPeriod: raw.publ_period == null ? null : String(raw.publ_period),
  }));
export type KoladaKpi = z.output<typeof koladaKpi>;

/**
 * One page of any list: `{ values, next_url }` in v3, `{ values, next_page }` in v2.
 * `next` is null on the last page.
 */
export function koladaPage<Item extends z.ZodType>(item: Item) {
  return z
    .object({
      values: z.array(item),
      next_url: z.string().nullish(),
      next_page: z.string().nullish(),
    })
    .transform((page) => ({ values: page.values, next: page.next_url || page.next_page || null }));
}
