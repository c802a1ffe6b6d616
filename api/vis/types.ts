import { z } from 'zod';

/**
 * Vården i siffror's answers in the documented shape (../shared/docs/VARDCENTRAL_SOURCES.md; a client run
 * live on 2026-08-28). Schemas ignore fields they do not know but require the ones we depend on, so a
 * renamed field fails loudly instead of turning every figure into "no data".
 */

/** `GET /api/informationsource`: the sources (registers, databases) VIS shows, with their measures. */
export const visInformationSource = z.object({
  name: z.string(),
  description: z.string().nullish(),
  measureIds: z.array(z.string()),
  /** Its shape is not documented: kept as sent, for the probe to report. */
  latestPeriodTypes: z.unknown().optional(),
});
export type VisInformationSource = z.infer<typeof visInformationSource>;

/** `POST /api/measures/measures`: a measure's metadata. */
export const visMeasure = z.object({
  measureId: z.string(),
  name: z.string(),
  measureDefinition: z.string().nullish(),
  measureUnit: z.string().nullish(),
  /** Which direction the source seeks; its type is not documented. */
  soughtValue: z.union([z.string(), z.number(), z.boolean()]).nullish(),
});
export type VisMeasure = z.infer<typeof visMeasure>;

const finite = z.number().refine(Number.isFinite);

/** One value inside a series. */
export const visMeasurement = z.object({
  value: finite.nullable(),
  numerator: finite.nullish(),
  denominator: finite.nullish(),
  confidenceInterval: z.object({ low: finite.nullish(), high: finite.nullish() }).nullish(),
  period: z.object({ start: z.string().min(10), end: z.string().min(10) }),
  periodType: z.string().nullish(),
  type: z.union([z.string(), z.number()]).nullish(),
});
export type VisMeasurement = z.infer<typeof visMeasurement>;

/** `POST /api/measurements/measurementswithmetadata`: one measure for one organisation (unit, region, "SE"). */
export const visSeries = z.object({
  organizationId: z.string().min(1),
  measureId: z.string().min(1),
  measurements: z.array(visMeasurement),
});
export type VisSeries = z.infer<typeof visSeries>;

/** The body of a measurements request. `periodType` is mandatory: VIS answers 500 without it. */
export interface VisMeasurementsQuery {
  measureIds: readonly string[];
  /** "SE" for the country, "01".."25" for regions (confirmed); HSA ids or VIS's own unit ids: unconfirmed. */
  units: readonly string[];
  /** "Year" is confirmed; other names are what informationsource's latestPeriodTypes lists. */
  periodType: string;
  /** YYYY-MM-DD. */
  dateFrom: string;
  dateTo: string;
}

/** "a.b[2].c: expected number" for each issue, so an error names the field that changed. */
export function describeIssues(error: z.ZodError, limit = 5): string[] {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.join('.') || '(svaret)'}: ${issue.message}`);
}
