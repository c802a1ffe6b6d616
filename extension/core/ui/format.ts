import type { IndicatorDefinition, IndicatorValue } from '../../../shared/domain/indicator';
import type { Service } from '../../../shared/domain/service';
import type { Unit } from '../../../shared/domain/unit';
import type { Settings, UiLanguage } from '../settings';
import { hasMessage, type Translate } from './i18n';

/**
 * The number as written in the UI language, without Intl: creating the first Intl.NumberFormat in a
 * fresh content-script world loads locale data (~40 ms), which every page view would pay.
 */
export function formatNumber(value: number, language: UiLanguage): string {
  const rounded = Math.round(value * 10) / 10;
  const [whole = '0', decimals] = Math.abs(rounded).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'sv' ? '\u00a0' : ',');
  const sign = rounded < 0 ? '−' : '';
  return decimals ? `${sign}${grouped}${language === 'sv' ? ',' : '.'}${decimals}` : `${sign}${grouped}`;
}

/** "91 %" in Swedish, "91%" in English; at most one decimal, as the sources publish them. */
export function formatValue(value: number, unit: IndicatorDefinition['unit'], language: UiLanguage): string {
  const number = formatNumber(value, language);
  if (unit === 'percent') return language === 'sv' ? `${number}\u00a0%` : `${number}%`;
  if (unit === 'days') return language === 'sv' ? `${number} dagar` : `${number} days`;
  return number;
}

/** Dates as the sources give them: YYYY-MM-DD, unambiguous in both languages. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

/** The indicators shown on badges: the user's choice for the service, else the defaults. */
export function badgeIndicatorIds(
  settings: Settings,
  service: Service,
  definitions: readonly IndicatorDefinition[],
) {
  const chosen = settings.indicators[service]?.filter((id) => definitions.some((d) => d.id === id));
  if (chosen?.length) return chosen;
  return definitions.filter((d) => d.isDefault && d.service === service).map((d) => d.id);
}

export interface IndicatorFact {
  definition: IndicatorDefinition;
  value: IndicatorValue | null;
  /** "91 %" or "Uppgift saknas", the same words for every provider */
  text: string;
  /** Period and respondents, e.g. "2025, 45 svar"; empty when there is no figure */
  detail: string;
  missing: boolean;
}

export function indicatorFact(
  unit: Unit,
  definition: IndicatorDefinition,
  language: UiLanguage,
  t: Translate,
): IndicatorFact {
  const value = unit.indicators.find((i) => i.id === definition.id) ?? null;
  if (!value || value.value === null) {
    return { definition, value, text: t('missing'), detail: '', missing: true };
  }
  const parts = [
    value.period,
    value.respondents !== null ? t('respondents', { n: value.respondents }) : null,
  ];
  return {
    definition,
    value,
    text: formatValue(value.value, definition.unit, language),
    detail: parts.filter(Boolean).join(', '),
    missing: false,
  };
}

export function shortLabel(definition: IndicatorDefinition, t: Translate): string {
  const key = `short_${definition.id}`;
  return hasMessage(key) ? t(key) : definition.label;
}

export function missingReasonText(value: IndicatorValue | null, t: Translate): string {
  const reason = value?.missingReason ?? 'no_data';
  return t(`missing_${reason}`);
}

export function regiText(unit: Unit, t: Translate): string {
  // Regi comes only from a register; a Kolada baseline unit has none, shown as for any missing fact.
  return unit.regi === null ? t('missing') : t(`regi_${unit.regi}`);
}

/** Position of a value on a neutral 0–100 scale (percent indicators only), clamped. */
export function scalePosition(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.max(0, Math.min(100, value));
}

/**
 * Where a figure comes from, as shown beside it. A demo dataset's figures are synthetic whatever the
 * indicator's real source is, so a missing value there never borrows "Källa: Kolada" either.
 */
export function indicatorAttribution(
  list: { dataset: { kind: 'demo' | 'live' } },
  definition: IndicatorDefinition,
  value: IndicatorValue | null | undefined,
  demoAttribution: string,
): string {
  if (value && value.value !== null) return value.source.attribution;
  return list.dataset.kind === 'demo' ? demoAttribution : definition.source.attribution;
}
