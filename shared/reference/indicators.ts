import type { IndicatorDefinition } from '../domain/indicator';
import type { Service } from '../domain/service';
import koladaKpis from './kolada-kpis.json';
import { SOURCES } from './sources';
import { VARDCENTRAL_INDICATORS } from './vardcentral-indicators';

type KoladaKpi = {
  title: string;
  description: string;
  publicationDate: string | null;
  period: string | null;
};
const kpis = koladaKpis as Record<string, KoladaKpi>;

/**
 * The unit-level survey indicators Utförarkollen shows, in display order per service.
 * Labels are our own plain Swedish; `title` and `description` are Kolada's.
 * "favourable" states which direction the source considers better; it is shown as a fact and
 * never combined into a score.
 */
const OUR_LABELS: { id: string; service: Service; label: string; isDefault?: boolean }[] = [
  { id: 'U21468', service: 'hemtjanst', label: 'Nöjd med hemtjänsten som helhet', isDefault: true },
  { id: 'U21466', service: 'hemtjanst', label: 'Alltid bra bemötande' },
  { id: 'U21467', service: 'hemtjanst', label: 'Känner sig mycket trygg med hemtjänsten' },
  { id: 'U21477', service: 'hemtjanst', label: 'Har förtroende för personalen' },
  { id: 'U21475', service: 'hemtjanst', label: 'Personalen kommer på avtalad tid' },
  { id: 'U21461', service: 'hemtjanst', label: 'Personalen har tillräckligt med tid' },
  { id: 'U21462', service: 'hemtjanst', label: 'Kan påverka vilka tider hjälpen ges' },
  { id: 'U21463', service: 'hemtjanst', label: 'Personalen tar hänsyn till åsikter och önskemål' },
  { id: 'U21465', service: 'hemtjanst', label: 'Får veta i förväg om förändringar' },
  { id: 'U21481', service: 'hemtjanst', label: 'Lätt att få kontakt med personalen' },
  { id: 'N21495', service: 'hemtjanst', label: 'Personalen pratar och förstår svenska' },
  { id: 'N21497', service: 'hemtjanst', label: 'Träffar sin fasta omsorgskontakt' },
  { id: 'N21608', service: 'hemtjanst', label: 'Andel av omsorgspersonalen som är undersköterskor' },
  { id: 'U23471', service: 'sarskilt_boende', label: 'Nöjd med boendet som helhet', isDefault: true },
  { id: 'U23467', service: 'sarskilt_boende', label: 'Tycker att maten smakar bra' },
  { id: 'U23468', service: 'sarskilt_boende', label: 'Tycker att måltiderna är en trevlig stund' },
  { id: 'U23470', service: 'sarskilt_boende', label: 'Nöjd med de sociala aktiviteterna' },
  { id: 'U23472', service: 'sarskilt_boende', label: 'Lätt att träffa sjuksköterska vid behov' },
  { id: 'U23482', service: 'sarskilt_boende', label: 'Kan träffa läkare vid behov' },
  { id: 'N23588', service: 'sarskilt_boende', label: 'Andel av omsorgspersonalen som är undersköterskor' },
];

/**
 * Kolada's `count` is the number of people who answered for the user survey ("Brukarbedömning …",
 * Socialstyrelsen's "Vad tycker de äldre om äldreomsorgen?"), whatever the id's letter (U21468, but
 * also N21495, N21497). For the unit survey ("Enhetsundersökningen …", answered by one manager per
 * unit) it counts units. A KPI the catalogue does not know is treated as a survey of people, so the
 * minimum-respondents rule errs on the side of withholding.
 */
export function countIsRespondents(kpi: string): boolean {
  const entry = kpis[kpi];
  if (!entry) return true;
  return !/^Enhetsundersökningen/i.test(entry.title.trim());
}

/**
 * Kolada codes many unit-survey KPIs at unit level as answers (Ja=1, Nej=0, sometimes 2/1/0) while the
 * same KPI is a percentage for a kommun; the catalogue's description says so. Such a code is not a
 * share and must never be shown as one, nor compared with the kommun's percentage.
 */
export function isCodedAtUnitLevel(kpi: string): boolean {
  const entry = kpis[kpi];
  if (entry === undefined) return false;
  return /enhetsniv[åa]\S*\s+(anges|redovisas)|redovisas på enhetsnivå|publiceras enbart på enhetsnivå|\bJa\s*=\s*1\b/i.test(
    entry.description,
  );
}

function koladaSource() {
  const { id, name, attribution } = SOURCES.kolada;
  return { id, name, attribution };
}

export const INDICATORS: IndicatorDefinition[] = OUR_LABELS.map(({ id, service, label, isDefault }) => {
  const kpi = kpis[id];
  if (!kpi) throw new Error(`Kolada KPI ${id} is missing from kolada-kpis.json`);
  // Every indicator is shown as a percentage of a unit: only KPIs Kolada reports as shares at unit level.
  if (isCodedAtUnitLevel(id) || !/andel \(%\)/.test(kpi.title)) {
    throw new Error(`Kolada KPI ${id} is not a share at unit level and cannot be shown as a percentage`);
  }
  return {
    id,
    service,
    title: kpi.title.replace(/\s+/g, ' '),
    label,
    description: kpi.description.replace(/\s+/g, ' ').trim(),
    unit: 'percent',
    favourable: 'high',
    source: koladaSource(),
    isDefault: isDefault ?? false,
    scale: { min: 0, max: 100 },
    countNoun: countIsRespondents(id) ? 'svarande' : null,
    cadence: null,
  };
});

/** The indicators of a service: Kolada's KPIs for the kommun services, the vårdcentral catalogue for vårdcentraler. */
export function indicatorsFor(service: Service): IndicatorDefinition[] {
  if (service === 'vardcentral') return [...VARDCENTRAL_INDICATORS];
  return INDICATORS.filter((i) => i.service === service);
}
