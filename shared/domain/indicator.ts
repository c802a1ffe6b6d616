import { z } from 'zod';
import { service } from './service';
import { sourceRef } from './source';

/** What an indicator's figure is: a share in percent, a count, days, or a mean on the source's own scale. */
export const INDICATOR_UNITS = ['percent', 'count', 'days', 'mean'] as const;
export const indicatorUnit = z
  .enum(INDICATOR_UNITS)
  .describe("'mean': a mean on the source's own scale (e.g. 0-1 for the patient survey from 2025)");
export type IndicatorUnit = z.infer<typeof indicatorUnit>;

/** A quality indicator the product shows, e.g. Kolada KPI U21468 (overall satisfaction, hemtjänst). */
export const indicatorDefinition = z
  .object({
    id: z
      .string()
      .describe(
        'Kolada KPI id ("U21468"), or for vårdcentraler the catalogue\'s own id ("npe_vard_och_behandling_medel")',
      ),
    service,
    title: z.string().describe("The source's own title"),
    label: z.string().describe('A short label in plain Swedish'),
    description: z.string(),
    unit: indicatorUnit,
    favourable: z
      .enum(['high', 'low', 'none'])
      .describe('Which direction is favourable; shown as a fact, never turned into a score'),
    source: sourceRef,
    isDefault: z.boolean().describe('Shown on badges unless the user picks others'),
    scale: z
      .object({ min: z.number(), max: z.number() })
      .default({ min: 0, max: 100 })
      .describe("The measure's own scale: 0-100 for a share in percent, 0-1 for the patient survey's mean"),
    countNoun: z
      .string()
      .nullable()
      .default('svarande')
      .describe(
        'What a figure\'s `respondents` counts, in Swedish plural ("svarande", "bedömningar", "samtal"): "104 svarande", ' +
          "\"1 012 bedömningar\". null when the source's count is not people and is never shown (Kolada's unit survey, answered by the unit's manager)",
      ),
    cadence: z
      .string()
      .nullable()
      .default(null)
      .describe(
        'How often the source measures and what period a figure covers, in plain Swedish; null when not stated',
      ),
  })
  .meta({ id: 'IndicatorDefinition' });
export type IndicatorDefinition = z.infer<typeof indicatorDefinition>;

/**
 * Survey results from fewer respondents than this are not shown as figures: with so few answers a
 * single person's view moves the share by many points, and answers could be traced to people.
 */
export const MIN_RESPONDENTS = 10;

/** Why a figure is not shown. The same reasons apply to every provider. */
export const missingReason = z.enum([
  'no_data', // the source has no value for this unit and period
  'too_few_respondents', // the source withheld it, or too few answered to show a figure
  'not_linked', // the unit is not yet linked to the source's unit (e.g. no Kolada OU)
  'several_survey_units', // the unit's figures are per survey unit: read `figures`, one per survey unit
]);
export type MissingReason = z.infer<typeof missingReason>;

/**
 * Where one figure comes from: the source's id (a row of GET /v1/sources), the name and attribution to
 * show beside it, and the address where the source shows it (a figures file's `kalla_url`; null for
 * Kolada and the demo, whose address is the source's own).
 */
export const figureSource = sourceRef
  .extend({
    url: z.string().nullable().default(null).describe("The source's page for this figure, or null"),
  })
  .meta({ id: 'FigureSource' });
export type FigureSource = z.infer<typeof figureSource>;

const confidenceInterval = z
  .object({ low: z.number(), high: z.number() })
  .nullable()
  .default(null)
  .describe("The source's confidence interval, on the indicator's scale; null when the source gives none");

/**
 * A comparison figure (the kommun's or region's, or the country's) of the same indicator and period as
 * the figure it stands beside, with its own provenance.
 */
export const comparisonFigure = z
  .object({
    value: z.number().nullable(),
    period: z.string(),
    respondents: z.number().int().nullable(),
    missingReason: missingReason.nullable(),
    source: figureSource,
    publishedAt: z.string().nullable(),
    confidenceInterval,
  })
  .meta({ id: 'ComparisonFigure' });
export type ComparisonFigure = z.infer<typeof comparisonFigure>;

const figureFields = {
  value: z.number().nullable(),
  period: z
    .string()
    .nullable()
    .describe(
      'E.g. "2025" for that year\'s survey; a vårdcentral\'s figure may be "2025-H1", "2025-Q3" or "2025-10"',
    ),
  respondents: z
    .number()
    .int()
    .nullable()
    .describe("Respondents or cases behind the figure; what they are is the indicator's countNoun"),
  missingReason: missingReason.nullable(),
  source: figureSource,
  publishedAt: z.string().nullable(),
  confidenceInterval,
  comparison: z.object({
    kommun: z
      .number()
      .nullable()
      .describe(
        "The same indicator for the huvudman's whole area, same period: the kommun's, or for a vårdcentral the region's (see `area`)",
      ),
    riket: z.number().nullable().describe('The national figure, same period'),
    area: z
      .enum(['kommun', 'region'])
      .default('kommun')
      .describe("Whose figure `kommun` is: the kommun's, or the region's (vårdcentraler)"),
    details: z
      .object({ kommun: comparisonFigure.nullable(), riket: comparisonFigure.nullable() })
      .default({ kommun: null, riket: null })
      .describe('The two comparison figures with their period, count and source; null where there is none'),
  }),
};

/**
 * One survey unit's figure for one indicator: its own value, period, respondents and the comparison
 * figures of the same period. `surveyUnit` is null for a figure of the unit itself (the demo's).
 */
export const surveyUnitFigure = z.object({
  surveyUnit: z.object({ id: z.string(), title: z.string().nullable() }).nullable(),
  ...figureFields,
});
export type SurveyUnitFigure = z.infer<typeof surveyUnitFigure>;

/**
 * A unit's figure for one indicator. With one survey unit (or the demo's own figure) the top-level
 * fields are that figure and `figures` holds it once more with its survey unit. With several survey
 * units the top level is empty (missingReason "several_survey_units") and `figures` holds each survey
 * unit's figure side by side: they are never averaged, summed or one picked. Unlinked: `figures` is [].
 */
export const indicatorValue = z
  .object({
    id: z.string().describe('Indicator id'),
    ...figureFields,
    figures: z
      .array(surveyUnitFigure)
      .default([])
      .describe(
        'Per survey unit, in the order of the unit\'s surveyUnits: e.g. "90 % (Område 1, 61 svar) · 86 % (Område 2, 48 svar)"',
      ),
  })
  .meta({ id: 'IndicatorValue' });
export type IndicatorValue = z.infer<typeof indicatorValue>;
