import { huvudmanKind } from '../../../shared/domain/huvudman-code';
import type { IndicatorDefinition } from '../../../shared/domain/indicator';
import type { Service } from '../../../shared/domain/service';
import type { Unit } from '../../../shared/domain/unit';
import type { Settings, UiLanguage } from '../settings';
import { type Translate, translated } from './i18n';
import type { Measure } from './measure';

/**
 * The number as written in the UI language, without Intl: creating the first Intl.NumberFormat in a
 * fresh content-script world loads locale data (~40 ms), which every page view would pay.
 * `decimals` at most (trailing zeros dropped), or exactly when `fixed` (a mean: "0,80").
 */
export function formatNumber(value: number, language: UiLanguage, decimals = 1, fixed = false): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  let [whole = '0', part = ''] = Math.abs(rounded).toFixed(decimals).split('.');
  if (!fixed) part = part.replace(/0+$/, '');
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'sv' ? '\u00a0' : ',');
  const sign = rounded < 0 ? '−' : '';
  return part ? `${sign}${whole}${language === 'sv' ? ',' : '.'}${part}` : `${sign}${whole}`;
}

/** "91 %" in Swedish, "91%" in English; decimals as the measure has them ("0,82" for a 0-1 mean). */
export function formatValue(
  value: number,
  unit: IndicatorDefinition['unit'],
  language: UiLanguage,
  measure?: Pick<Measure, 'decimals' | 'fixedDecimals'>,
): string {
  const number = formatNumber(value, language, measure?.decimals ?? 1, measure?.fixedDecimals ?? false);
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

/** A text and whether it is Swedish from the API in an English view (then marked lang="sv"). */
export interface Worded {
  text: string;
  sv: boolean;
}

/** The indicator's label: ours in English where we have one, else the API's Swedish. */
export function indicatorLabel(definition: IndicatorDefinition, t: Translate, language: UiLanguage): Worded {
  const english = language === 'en' ? translated(t, `label_${definition.id}`) : null;
  return english ? { text: english, sv: false } : { text: definition.label, sv: language === 'en' };
}

/** The badge's short label ("Nöjda"), else the indicator's label. */
export function shortLabel(definition: IndicatorDefinition, t: Translate, language: UiLanguage): Worded {
  const short = translated(t, `short_${definition.id}`);
  return short ? { text: short, sv: false } : indicatorLabel(definition, t, language);
}

/** What the figure means, in plain words: ours in English where we have it, else the API's Swedish. */
export function indicatorExplanation(
  definition: IndicatorDefinition,
  t: Translate,
  language: UiLanguage,
): Worded {
  const english = language === 'en' ? translated(t, `explain_${definition.id}`) : null;
  return english ? { text: english, sv: false } : { text: definition.description, sv: language === 'en' };
}

export function regiText(unit: Unit, t: Translate): string {
  // Regi comes only from a register; a Kolada baseline unit has none, shown as for any missing fact.
  return unit.regi === null ? t('missing') : t(`regi_${unit.regi}`);
}

/** "Hela Norrköping" for a kommun's figure; a region's is its name ("Region Östergötland"). */
export function areaLabel(huvudman: string, placeName: string, t: Translate): string {
  return huvudmanKind(huvudman) === 'region' ? placeName : t('kommunFigure', { place: placeName });
}

/** "Kommunen kontrollerade uppgifterna senast 2025-06-30" (the region's for a vårdcentral); null if never. */
export function verifiedText(unit: Unit, t: Translate): string | null {
  if (!unit.verifiedAt) return null;
  const key = huvudmanKind(unit.huvudman) === 'region' ? 'verified_region' : 'verified_kommun';
  return t(key, { date: formatDate(unit.verifiedAt) });
}

/** What the list rests on: the huvudman's register, or Socialstyrelsen's survey units; null before any data. */
export function basisText(list: { huvudman: string; dataset: { basis?: string | null } }, t: Translate) {
  const basis = list.dataset.basis;
  if (basis === 'kolada') return t('basis_kolada');
  if (basis !== 'register') return null;
  return t(huvudmanKind(list.huvudman) === 'region' ? 'basis_register_region' : 'basis_register_kommun');
}

/** An http(s) address as its host ("exempel.se"), for link text and print; null if it is not one. */
export function webHost(address: string | null): { href: string; host: string } | null {
  if (!address) return null;
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:/i.test(address) ? address : `https://${address}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return { href: url.href, host: url.host.replace(/^www\./, '') };
  } catch {
    return null;
  }
}

/** A phone number as a tel: link ("011-00 00 03" -> "tel:011000003"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
