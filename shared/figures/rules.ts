import type { IndicatorDefinition } from '../domain/indicator';
import type { Service } from '../domain/service';
import type { PeriodKind } from './period';

/**
 * What the figures reader needs to know about an indicator to check a figure of it. The catalogue
 * (shared/reference/vardcentral-indicators.ts) holds these with the rest of each definition.
 */
export interface FigureIndicatorRules {
  id: string;
  service: Service;
  label: string;
  unit: IndicatorDefinition['unit'];
  /** The measure's own scale; a value outside it is an error (0-100 for a share in percent, 0-1 for the survey's mean). */
  scale: { min: number; max: number };
  /**
   * The source's reporting threshold, in the unit `antal` counts (respondents, assessments, calls): a figure
   * behind fewer is withheld (missing, `too_few_respondents`), never shown.
   */
  minCount: number;
  /** The kinds of period the source publishes the measure for. */
  periodKinds: readonly PeriodKind[];
  /** The years in which the measure exists as defined (a survey's questions and scale change between generations). */
  years: { from: number | null; until: number | null };
}
