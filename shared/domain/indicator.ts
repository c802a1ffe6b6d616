import { z } from 'zod';
import { service } from './service';
import { sourceRef } from './source';

/** A quality indicator the product shows, e.g. Kolada KPI U21468 (overall satisfaction, hemtjänst). */
export const indicatorDefinition = z
  .object({
    id: z.string().describe('Kolada KPI id, e.g. "U21468"'),
    service,
    title: z.string().describe("The source's own title"),
    label: z.string().describe('A short label in plain Swedish'),
    description: z.string(),
    unit: z
      .enum(['percent', 'count', 'days', 'mean'])
      .describe("'mean': a mean on the source's own scale (e.g. 0-1 for the patient survey from 2025)"),
    favourable: z
      .enum(['high', 'low', 'none'])
      .describe('Which direction is favourable; shown as a fact, never turned into a score'),
    source: sourceRef,
    isDefault: z.boolean().describe('Shown on badges unless the user picks others'),
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
]);
export type MissingReason = z.infer<typeof missingReason>;

export const indicatorValue = z
  .object({
    id: z.string().describe('Indicator id'),
    value: z.number().nullable(),
    period: z.string().nullable().describe('E.g. "2025" for that year\'s survey'),
    respondents: z.number().int().nullable(),
    missingReason: missingReason.nullable(),
    source: sourceRef,
    publishedAt: z.string().nullable(),
    comparison: z.object({
      kommun: z.number().nullable().describe('The same indicator for the whole kommun/region, same period'),
      riket: z.number().nullable().describe('The national figure, same period'),
    }),
  })
  .meta({ id: 'IndicatorValue' });
export type IndicatorValue = z.infer<typeof indicatorValue>;
