import type { IndicatorDefinition } from '../../../shared/domain/indicator';
import { isUnitSurveyTitle } from '../../../shared/reference/survey-kind';
import type { MessageKey } from './i18n';

/**
 * How a measure's figures read, beyond what the API's definition says: how many decimals, on which
 * scale, and what its count counts. The content script cannot bundle the catalogues
 * (shared/reference), so the few exceptions are named here; a test holds them to the catalogues.
 */
export interface Measure {
  /** Decimals shown: a share as the sources publish it (at most one), a mean on a 0-1 scale two, always. */
  decimals: number;
  fixedDecimals: boolean;
  /** The measure's scale, for the scale line and the mean's wording; null where it has none. */
  scale: { min: number; max: number } | null;
  /** The message that says what `respondents` counts, or null when the figure has no count (the unit survey). */
  count: Extract<MessageKey, `count_${string}`> | null;
}

/** The vårdcentral measures whose count is not people (shared/reference/vardcentral-indicators.ts, countNoun). */
export const COUNTED_OTHERWISE: Record<string, Extract<MessageKey, `count_${string}`>> = {
  vantetider_medicinsk_bedomning_3_dagar: 'count_assessments',
  vantetider_telefon_samma_dag: 'count_calls',
};

export function measureOf(definition: Pick<IndicatorDefinition, 'id' | 'title' | 'unit'>): Measure {
  const count = isUnitSurveyTitle(definition.title)
    ? null
    : (COUNTED_OTHERWISE[definition.id] ?? 'count_people');
  if (definition.unit === 'mean')
    // Every mean in the catalogue is the patient survey's, scored 0-1: 0,82 and 0,80 need two decimals.
    return { decimals: 2, fixedDecimals: true, scale: { min: 0, max: 1 }, count };
  if (definition.unit === 'percent')
    return { decimals: 1, fixedDecimals: false, scale: { min: 0, max: 100 }, count };
  return { decimals: 1, fixedDecimals: false, scale: null, count };
}
