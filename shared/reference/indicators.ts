import type { IndicatorDefinition } from '../domain/indicator';
import type { Service } from '../domain/service';
import koladaKpis from './kolada-kpis.json';
import { SOURCES } from './sources';
import { isUnitSurveyTitle } from './survey-kind';
import { VARDCENTRAL_INDICATORS } from './vardcentral-indicators';

type KoladaKpi = {
  title: string;
  description: string;
  publicationDate: string | null;
  period: string | null;
};
const kpis = koladaKpis as Record<string, KoladaKpi>;

/** What every user-survey figure rests on: who was asked, and which answers count. */
const HEMTJANST_SURVEY =
  ' Frågan ställs i Socialstyrelsens enkät ”Vad tycker de äldre om äldreomsorgen?” till personer 65 år och äldre som har hemtjänst i sitt hem. De som svarade ”vet ej” eller ”ingen åsikt” räknas inte med.';
const BOENDE_SURVEY =
  ' Frågan ställs i Socialstyrelsens enkät ”Vad tycker de äldre om äldreomsorgen?” till personer 65 år och äldre som bor på särskilt boende. De som svarade ”vet ej” eller ”ingen åsikt” räknas inte med.';
/** The unit survey is answered by the unit's manager: no one who gets help answered, so it has no respondents. */
const UNIT_SURVEY =
  ' Uppgiften kommer från Socialstyrelsens enhetsundersökning, som enhetens chef fyller i. Ingen av dem som får hjälp har svarat, så siffran har inget antal svarande.';

/**
 * The unit-level survey indicators Utförarkollen shows, in display order per service.
 * Labels and explanations are our own plain Swedish; `title` is Kolada's. The explanation (served as
 * `description`) says what was asked, who answered and what the share means, written from Kolada's
 * own description (kolada-kpis.json), which stays the definition it rests on.
 * "favourable" states which direction the source considers better; it is shown as a fact and
 * never combined into a score.
 */
const OUR_LABELS: {
  id: string;
  service: Service;
  label: string;
  explanation: string;
  isDefault?: boolean;
}[] = [
  {
    id: 'U21468',
    service: 'hemtjanst',
    label: 'Nöjd med hemtjänsten som helhet',
    explanation:
      'Andel av dem som svarade som är mycket eller ganska nöjda med sin hemtjänst, allt sammantaget. Frågan: ”Hur nöjd eller missnöjd är du sammantaget med den hemtjänst du har?”' +
      HEMTJANST_SURVEY,
    isDefault: true,
  },
  {
    id: 'U21466',
    service: 'hemtjanst',
    label: 'Alltid bra bemötande',
    explanation:
      'Andel av dem som svarade som tycker att personalen alltid bemöter dem på ett bra sätt (svaret ”Ja, alltid”). Frågan: ”Brukar personalen bemöta dig på ett bra sätt?”' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'U21467',
    service: 'hemtjanst',
    label: 'Känner sig mycket trygg med hemtjänsten',
    explanation:
      'Andel av dem som svarade som känner sig mycket trygga med att bo hemma med stöd av hemtjänsten (svaret ”Mycket tryggt”). Frågan: ”Hur tryggt eller otryggt känns det att bo hemma med stöd av hemtjänstpersonalen?”' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'U21477',
    service: 'hemtjanst',
    label: 'Har förtroende för personalen',
    explanation:
      'Andel av dem som svarade som känner förtroende för alla eller de flesta i personalen. Frågan: ”Känner du förtroende för personalen som kommer hem till dig?”' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'U21475',
    service: 'hemtjanst',
    label: 'Personalen kommer på avtalad tid',
    explanation:
      'Andel av dem som svarade som säger att personalen alltid eller oftast kommer på avtalad tid. Frågan: ”Brukar personalen komma på avtalad tid?”' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'U21461',
    service: 'hemtjanst',
    label: 'Personalen har tillräckligt med tid',
    explanation:
      'Andel av dem som svarade som säger att personalen alltid eller oftast har tillräckligt med tid för sitt arbete hos dem. Frågan: ”Brukar personalen ha tillräckligt med tid för att kunna utföra sitt arbete hos dig?”' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'U21462',
    service: 'hemtjanst',
    label: 'Kan påverka vilka tider hjälpen ges',
    explanation:
      'Andel av dem som svarade som säger att de alltid eller oftast kan påverka vilka tider de får hjälp av hemtjänstpersonalen.' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'U21463',
    service: 'hemtjanst',
    label: 'Personalen tar hänsyn till åsikter och önskemål',
    explanation:
      'Andel av dem som svarade som säger att personalen alltid eller oftast tar hänsyn till deras åsikter och önskemål om hur hjälpen ska ges. Frågan: ”Brukar personalen ta hänsyn till dina åsikter och önskemål om hur hjälpen ska utföras?”' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'U21465',
    service: 'hemtjanst',
    label: 'Får veta i förväg om förändringar',
    explanation:
      'Andel av dem som svarade som säger att personalen alltid eller oftast meddelar i förväg om tillfälliga förändringar. Frågan: ”Brukar personalen meddela dig i förväg om tillfälliga förändringar?”' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'U21481',
    service: 'hemtjanst',
    label: 'Lätt att få kontakt med personalen',
    explanation:
      'Andel av dem som svarade som tycker att det är mycket eller ganska lätt att få kontakt med hemtjänstpersonalen när de behöver. Frågan: ”Hur lätt eller svårt är det att få kontakt med hemtjänstpersonalen vid behov?”' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'N21495',
    service: 'hemtjanst',
    label: 'Personalen pratar och förstår svenska',
    explanation:
      'Andel av dem som svarade som säger att alla eller de flesta i personalen pratar och förstår svenska tillräckligt bra för att de ska förstå varandra. Frågan: ”Pratar och förstår hemtjänstpersonalen svenska tillräckligt bra för att ni ska förstå varandra?”' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'N21497',
    service: 'hemtjanst',
    label: 'Träffar sin fasta omsorgskontakt',
    explanation:
      'Andel av dem som svarade som ofta träffar sin fasta omsorgskontakt, den i personalen som har ett särskilt ansvar för just dem. Frågan: ”Brukar du träffa din fasta omsorgskontakt i hemtjänsten?”' +
      HEMTJANST_SURVEY,
  },
  {
    id: 'N21608',
    service: 'hemtjanst',
    label: 'Andel av omsorgspersonalen som är undersköterskor',
    explanation:
      'Hur stor del, i procent, av omsorgspersonalen i hemtjänsten som är undersköterskor (en skyddad yrkestitel sedan juli 2023), räknat på den personal som arbetade enligt schemat klockan 9 på vardagar under två veckor i mars.' +
      UNIT_SURVEY,
  },
  {
    id: 'U23471',
    service: 'sarskilt_boende',
    label: 'Nöjd med boendet som helhet',
    explanation:
      'Andel av dem som svarade som är mycket eller ganska nöjda med sitt äldreboende, allt sammantaget. Frågan: ”Hur nöjd eller missnöjd är du sammantaget med ditt äldreboende?”' +
      BOENDE_SURVEY,
    isDefault: true,
  },
  {
    id: 'U23467',
    service: 'sarskilt_boende',
    label: 'Tycker att maten smakar bra',
    explanation:
      'Andel av dem som svarade som tycker att maten brukar smaka mycket eller ganska bra. Frågan: ”Hur brukar maten smaka?”' +
      BOENDE_SURVEY,
  },
  {
    id: 'U23468',
    service: 'sarskilt_boende',
    label: 'Tycker att måltiderna är en trevlig stund',
    explanation:
      'Andel av dem som svarade som tycker att måltiderna alltid eller oftast är en trevlig stund på dagen. Frågan: ”Upplever du att måltiderna på ditt äldreboende är en trevlig stund på dagen?”' +
      BOENDE_SURVEY,
  },
  {
    id: 'U23470',
    service: 'sarskilt_boende',
    label: 'Nöjd med de sociala aktiviteterna',
    explanation:
      'Andel av dem som svarade som är mycket eller ganska nöjda med de aktiviteter som boendet erbjuder. Frågan: ”Hur nöjd eller missnöjd är du med de aktiviteter som erbjuds på ditt äldreboende?”' +
      BOENDE_SURVEY,
  },
  {
    id: 'U23472',
    service: 'sarskilt_boende',
    label: 'Lätt att träffa sjuksköterska vid behov',
    explanation:
      'Andel av dem som svarade som tycker att det är mycket eller ganska lätt att få träffa en sjuksköterska när de behöver. Frågan: ”Hur lätt eller svårt är det att få träffa en sjuksköterska vid behov?”' +
      BOENDE_SURVEY,
  },
  {
    id: 'U23482',
    service: 'sarskilt_boende',
    label: 'Kan träffa läkare vid behov',
    explanation:
      'Andel av dem som svarade som tycker att det är mycket eller ganska lätt att få träffa en läkare när de behöver. Frågan: ”Hur lätt eller svårt är det att få träffa läkare vid behov?”' +
      BOENDE_SURVEY,
  },
  {
    id: 'N23588',
    service: 'sarskilt_boende',
    label: 'Andel av omsorgspersonalen som är undersköterskor',
    explanation:
      'Hur stor del, i procent, av omsorgspersonalen på boendet som är undersköterskor (en skyddad yrkestitel sedan juli 2023), räknat på den personal som arbetade enligt schemat klockan 9 på vardagar under två veckor i mars.' +
      UNIT_SURVEY,
  },
];

/**
 * Kolada's `count` is the number of people who answered for the user survey ("Brukarbedömning …",
 * Socialstyrelsen's "Vad tycker de äldre om äldreomsorgen?"), whatever the id's letter (U21468, but
 * also N21495, N21497). For the unit survey ("Enhetsundersökningen …", answered by one manager per
 * unit) it counts units. A KPI the catalogue does not know is treated as a survey of people, so the
 * minimum-respondents rule errs on the side of withholding.
 */
export function countIsRespondents(kpi: string): boolean {
  let answer = COUNT_IS_RESPONDENTS.get(kpi);
  if (answer === undefined) {
    const entry = kpis[kpi];
    answer = !entry || !isUnitSurveyTitle(entry.title);
    COUNT_IS_RESPONDENTS.set(kpi, answer);
  }
  return answer;
}

/** The answer per KPI: asked once for each of a national sync's half a million figures. */
const COUNT_IS_RESPONDENTS = new Map<string, boolean>();

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

export const INDICATORS: IndicatorDefinition[] = OUR_LABELS.map(
  ({ id, service, label, explanation, isDefault }) => {
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
      description: explanation,
      unit: 'percent',
      favourable: 'high',
      source: koladaSource(),
      isDefault: isDefault ?? false,
      scale: { min: 0, max: 100 },
      countNoun: countIsRespondents(id) ? 'svarande' : null,
      cadence: null,
    };
  },
);

/** The indicators of a service: Kolada's KPIs for the kommun services, the vårdcentral catalogue for vårdcentraler. */
export function indicatorsFor(service: Service): IndicatorDefinition[] {
  if (service === 'vardcentral') return [...VARDCENTRAL_INDICATORS];
  return INDICATORS.filter((i) => i.service === service);
}
