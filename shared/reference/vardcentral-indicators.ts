import { type IndicatorDefinition, MIN_RESPONDENTS } from '../domain/indicator';
import { SERVICES } from '../domain/service';
import type { SourceRef } from '../domain/source';
import type { FigureIndicatorRules } from '../figures/rules';
import { VARDCENTRAL_SOURCES, type VardcentralSourceId } from './vardcentral-sources';

/**
 * The measures per vårdcentral that a person choosing one cares about and that national sources publish
 * per unit: the patient survey (Nationell Patientenkät, NPE) and Väntetider i vården. Unit-level figures
 * reach the product through the figures format (indikatorvärden, shared/figures); ids are ours, readable,
 * because editors type them into spreadsheets.
 *
 * Two generations of the patient survey are kept apart on purpose, because they are not the same measure:
 * - up to 2024 ("-2024" in Kolada): seven dimensions, each the share of positive answers in percent;
 * - from 2025: six dimensions, each a mean of answers scored 0-1 (Kolada N78110-N78115), with other names.
 * Their ids end in `_andel` and `_medel`, a figure of one generation is refused for a year of the other,
 * and a comparison figure is only ever of the same id and period.
 *
 * Labels and explanations are our own plain Swedish, written from the sources' descriptions. Kolada's
 * descriptions of N78111-N78115 are copies of N78110's (all say "vård och behandling"), so none is reused.
 * "favourable" is the direction the source treats as better: a fact to show, never a score.
 */
export interface VardcentralIndicator extends IndicatorDefinition, FigureIndicatorRules {
  service: 'vardcentral';
  /** Plain Swedish: how often the source measures, and what period a figure covers. */
  cadence: string;
  /** What `antal` counts for this measure, in Swedish plural ("svarande", "bedömningar", "samtal"). */
  countNoun: string;
  /** Where the reporting threshold comes from. */
  thresholdNote: string;
  /**
   * Kolada's region-level KPI of the same measure (region type "L": regions are "00" + länskod, the country
   * "0000"), for the years it covers. The comparison figure is the region's/country's value of that KPI for
   * the same period; a unit figure for a month or quarter has no Kolada comparison (Kolada has years only).
   */
  kolada: readonly KoladaComparison[];
}

export interface KoladaComparison {
  kpi: string;
  /** Kolada's own title (catalogue v3, as cached by rKolada 2026-04). */
  title: string;
  years: { from: number | null; until: number | null };
}

function source(id: VardcentralSourceId): SourceRef {
  const { name, attribution } = VARDCENTRAL_SOURCES[id];
  return { id, name, attribution };
}

const NPE_2025 = {
  service: 'vardcentral',
  unit: 'mean',
  scale: { min: 0, max: 1 },
  favourable: 'high',
  source: source('npe'),
  isDefault: false,
  minCount: MIN_RESPONDENTS,
  periodKinds: ['year'],
  years: { from: 2025, until: null },
  countNoun: 'svarande',
  cadence:
    'En enkätomgång om året då den genomförs; enkäten gäller läkarbesök i september–oktober och perioden är omgångens år. Hur ofta den nya enkäten (från 2025) upprepas är inte bekräftat.',
  thresholdNote:
    'Enkäten redovisar inte enheter med för få svar; dess exakta gräns är inte bekräftad. Utförarkollen visar aldrig en siffra från färre än 10 svarande.',
} as const;

const NPE_MEAN_TAIL =
  ' Enkäten går till ett urval av patienter som har träffat en läkare på vårdcentralen under september–oktober. ' +
  'Varje svar ger en poäng mellan 0 och 1, och siffran är medelvärdet för vårdcentralens svarande: ju närmare 1, desto mer positiva svar. ' +
  'Enkäten från 2025 mäter på ett annat sätt än de tidigare omgångarna, så siffrorna kan inte jämföras med dem.';

/**
 * Kolada has these dimensions up to 2024 as "index" per region (U71451-U71457). Whether that index is the
 * same computation as the units' share of positive answers is unconfirmed, so no Kolada comparison is
 * paired with them: the region's and the country's figures come from the same survey file, in the
 * figures file itself (huvudman = the region or riket, enhet empty).
 */
const NPE_UNTIL_2024 = {
  service: 'vardcentral',
  unit: 'percent',
  scale: { min: 0, max: 100 },
  favourable: 'high',
  source: source('npe'),
  isDefault: false,
  minCount: MIN_RESPONDENTS,
  periodKinds: ['year'],
  years: { from: 2015, until: 2024 },
  countNoun: 'svarande',
  cadence:
    'Vartannat år (udda år) i alla regioner; vissa regioner mätte också åren emellan. Enkäten gällde läkarbesök under hösten och perioden är omgångens år.',
  thresholdNote:
    'Enkäten redovisade inte enheter med för få svar; dess exakta gräns är inte bekräftad. Utförarkollen visar aldrig en siffra från färre än 10 svarande.',
  kolada: [],
} as const;

const NPE_SHARE_TAIL =
  ' Siffran är andelen positiva svar i procent. Enkäten gick till ett urval av patienter, 15 år och äldre, som hade varit på läkarbesök på vårdcentralen. ' +
  'Så mättes det till och med 2024; enkäten från 2025 mäter på ett annat sätt.';

const VANTETIDER = {
  service: 'vardcentral',
  unit: 'percent',
  scale: { min: 0, max: 100 },
  favourable: 'high',
  source: source('vantetider'),
  isDefault: false,
  minCount: 20,
  periodKinds: ['month', 'quarter', 'half', 'year'],
  years: { from: null, until: null },
} as const;

export const VARDCENTRAL_INDICATORS: readonly VardcentralIndicator[] = [
  {
    ...NPE_2025,
    id: 'npe_vard_och_behandling_medel',
    title: 'Patientupplevd kvalitet avseende vård och behandling, hälso- och vårdcentral, medelvärde',
    label: 'Patienternas omdöme om vården och läkaren',
    description:
      'Medelvärde för två frågor i Nationell Patientenkät: hur patienten upplevde vården vid besöket och vilket förtroende patienten kände för läkaren.' +
      NPE_MEAN_TAIL,
    isDefault: true,
    kolada: [
      {
        kpi: 'N78110',
        title: 'Patientupplevd kvalitet avseende vård och behandling, hälso- och vårdcentral, medelvärde',
        years: { from: 2025, until: null },
      },
    ],
  },
  {
    ...NPE_2025,
    id: 'npe_delaktighet_medel',
    title: 'Patientupplevd kvalitet avseende delaktighet, hälso- och vårdcentral, medelvärde',
    label: 'Patienternas upplevelse av att vara delaktiga',
    description:
      'Medelvärde för frågorna om delaktighet i Nationell Patientenkät: om patienten upplevde sig delaktig i sin vård.' +
      NPE_MEAN_TAIL,
    kolada: [
      {
        kpi: 'N78111',
        title: 'Patientupplevd kvalitet avseende delaktighet, hälso- och vårdcentral, medelvärde',
        years: { from: 2025, until: null },
      },
    ],
  },
  {
    ...NPE_2025,
    id: 'npe_bemotande_medel',
    title: 'Patientupplevd kvalitet avseende bemötande, hälso- och vårdcentral, medelvärde',
    label: 'Patienternas upplevelse av bemötandet',
    description:
      'Medelvärde för frågorna om bemötande i Nationell Patientenkät: hur patienten upplevde att personalen bemötte hen.' +
      NPE_MEAN_TAIL,
    kolada: [
      {
        kpi: 'N78112',
        title: 'Patientupplevd kvalitet avseende bemötande, hälso- och vårdcentral, medelvärde',
        years: { from: 2025, until: null },
      },
    ],
  },
  {
    ...NPE_2025,
    id: 'npe_kontinuitet_medel',
    title: 'Patientupplevd kvalitet avseende kontinuitet, hälso- och vårdcentral, medelvärde',
    label: 'Patienternas upplevelse av kontinuitet',
    description:
      'Medelvärde för frågorna om kontinuitet i Nationell Patientenkät: hur väl vården hängde ihop för patienten över tid.' +
      NPE_MEAN_TAIL,
    kolada: [
      {
        kpi: 'N78113',
        title: 'Patientupplevd kvalitet avseende kontinuitet, hälso- och vårdcentral, medelvärde',
        years: { from: 2025, until: null },
      },
    ],
  },
  {
    ...NPE_2025,
    id: 'npe_information_medel',
    title: 'Patientupplevd kvalitet avseende information, hälso- och vårdcentral, medelvärde',
    label: 'Patienternas upplevelse av informationen',
    description:
      'Medelvärde för frågorna om information i Nationell Patientenkät: om patienten fick den information hen behövde, på ett sätt hen förstod.' +
      NPE_MEAN_TAIL,
    kolada: [
      {
        kpi: 'N78114',
        title: 'Patientupplevd kvalitet avseende information, hälso- och vårdcentral, medelvärde',
        years: { from: 2025, until: null },
      },
    ],
  },
  {
    ...NPE_2025,
    id: 'npe_tillganglighet_medel',
    title: 'Patientupplevd kvalitet avseende tillgänglighet, hälso- och vårdcentral, medelvärde',
    label: 'Patienternas upplevelse av tillgängligheten',
    description:
      'Medelvärde för frågorna om tillgänglighet i Nationell Patientenkät: hur lätt patienten upplevde att det var att komma i kontakt med vårdcentralen.' +
      NPE_MEAN_TAIL,
    kolada: [
      {
        kpi: 'N78115',
        title: 'Patientupplevd kvalitet avseende tillgänglighet, hälso- och vårdcentral, medelvärde',
        years: { from: 2025, until: null },
      },
    ],
  },
  {
    ...NPE_UNTIL_2024,
    id: 'npe_helhetsintryck_andel',
    title: 'Positivt helhetsintryck (Nationell Patientenkät, primärvård)',
    label: 'Patienter med positivt helhetsintryck',
    description:
      'Nationell Patientenkäts frågor om helhetsintrycket: om patienten fick sitt vårdbehov tillgodosett, om atmosfären på mottagningen var bra, om lokalerna var rena och om patienten skulle rekommendera vårdcentralen till någon annan.' +
      NPE_SHARE_TAIL,
  },
  {
    ...NPE_UNTIL_2024,
    id: 'npe_emotionellt_stod_andel',
    title: 'Emotionellt stöd (Nationell Patientenkät, primärvård)',
    label: 'Patienter som fick stöd vid oro och smärta',
    description:
      'Nationell Patientenkäts frågor om emotionellt stöd: om personalen var lyhörd och stödjande när patienten kände oro, ångest eller smärta.' +
      NPE_SHARE_TAIL,
  },
  {
    ...NPE_UNTIL_2024,
    id: 'npe_delaktighet_och_involvering_andel',
    title: 'Delaktighet och involvering (Nationell Patientenkät, primärvård)',
    label: 'Patienter som upplevde sig delaktiga',
    description:
      'Nationell Patientenkäts frågor om delaktighet och involvering: om patienten upplevde sig delaktig i sin vård och i beslut om den, och om hänsyn togs till patientens önskemål.' +
      NPE_SHARE_TAIL,
  },
  {
    ...NPE_UNTIL_2024,
    id: 'npe_respekt_och_bemotande_andel',
    title: 'Respekt och bemötande (Nationell Patientenkät, primärvård)',
    label: 'Patienter som blev bemötta med respekt',
    description:
      'Nationell Patientenkäts frågor om respekt och bemötande: om patienten blev bemött med respekt, medkänsla och engagemang, anpassat efter sina behov.' +
      NPE_SHARE_TAIL,
  },
  {
    ...NPE_UNTIL_2024,
    id: 'npe_kontinuitet_och_koordinering_andel',
    title: 'Kontinuitet och koordinering (Nationell Patientenkät, primärvård)',
    label: 'Patienter som upplevde att vården hängde ihop',
    description:
      'Nationell Patientenkäts frågor om kontinuitet och koordinering: om personalen samarbetade kring patienten och om patienten fick träffa den personal hen önskade.' +
      NPE_SHARE_TAIL,
  },
  {
    ...NPE_UNTIL_2024,
    id: 'npe_information_och_kunskap_andel',
    title: 'Information och kunskap (Nationell Patientenkät, primärvård)',
    label: 'Patienter som fick begriplig information',
    description:
      'Nationell Patientenkäts frågor om information och kunskap: om patienten fick svar på sina frågor på ett begripligt sätt och information om till exempel behandling, läkemedel och väntetider.' +
      NPE_SHARE_TAIL,
  },
  {
    ...NPE_UNTIL_2024,
    id: 'npe_tillganglighet_andel',
    title: 'Tillgänglighet (Nationell Patientenkät, primärvård)',
    label: 'Patienter som tyckte att vårdcentralen var lätt att nå',
    description:
      'Nationell Patientenkäts frågor om tillgänglighet: om det var lätt att komma i kontakt med vårdcentralen och dess personal.' +
      NPE_SHARE_TAIL,
  },
  {
    ...NPE_UNTIL_2024,
    id: 'npe_svarsfrekvens',
    title: 'Svarsfrekvens (Nationell Patientenkät, primärvård)',
    label: 'Andel som svarade på patientenkäten',
    description:
      'Hur stor del, i procent, av de patienter som fick Nationell Patientenkät som svarade på den. Siffran säger hur många svar resultaten bygger på, inte hur bra vården är.',
    favourable: 'none',
    years: { from: 2015, until: null },
    cadence: 'Med varje omgång av Nationell Patientenkät; perioden är omgångens år.',
    kolada: [
      {
        kpi: 'N79545',
        title: 'Patientupplevd kvalitet hos patienter i primärvården, svarsfrekvens (%) (-2024)',
        years: { from: null, until: 2024 },
      },
      {
        kpi: 'N78116',
        title: 'Patientupplevd kvalitet på hälso- och vårdcentral, svarsfrekvens, andel (%)',
        years: { from: 2025, until: null },
      },
    ],
  },
  {
    ...VANTETIDER,
    id: 'vantetider_medicinsk_bedomning_3_dagar',
    title: 'Medicinsk bedömning inom tre dagar i primärvård, andel (%)',
    label: 'Fick medicinsk bedömning inom tre dagar',
    description:
      'Andel, i procent, av vårdcentralens medicinska bedömningar som gjordes inom tre dagar från att det bestämdes att patienten skulle få vård, ' +
      'när patienten sökte för ett nytt eller försämrat hälsoproblem. Bedömningen görs av legitimerad personal vid besök, distansbesök eller hembesök. ' +
      'Patienter som själva valde att vänta längre räknas inte. Primärvårdens uppdrag skiljer sig mellan regionerna, vilket kan påverka siffran.',
    cadence:
      'Varje månad: regionerna rapporterar till den nationella väntetidsdatabasen, och Väntetider i vården visar resultatet per vårdcentral och månad.',
    countNoun: 'bedömningar',
    // The strengthened care guarantee (medical assessment within three days) applies from 2019.
    years: { from: 2019, until: null },
    thresholdNote: 'Väntetider i vården redovisar inte resultat som bygger på färre än 20.',
    kolada: [
      {
        kpi: 'N79173',
        title: 'Medicinsk bedömning inom tre dagar i primärvård, andel (%)',
        years: { from: null, until: null },
      },
    ],
  },
  {
    ...VANTETIDER,
    id: 'vantetider_telefon_samma_dag',
    title: 'Telefonsamtal till primärvården som besvarats samma dag, andel (%)',
    label: 'Samtal som besvarades samma dag',
    description:
      'Andel, i procent, av telefonsamtalen till vårdcentralen som besvarades samma dag. ' +
      'Från och med 2024 kommer uppgifterna från en ny källa, så jämförelser med tidigare år ska göras med försiktighet.',
    cadence:
      'Varje månad; Kolada redovisar regionens och rikets siffra som genomsnittet av årets tolv månader, så bara en årssiffra för vårdcentralen kan jämföras med den.',
    countNoun: 'samtal',
    thresholdNote:
      'Väntetider i vården redovisar inte primärvårdsresultat som bygger på färre än 20; att samma gräns gäller telefonmåttet är inte bekräftat.',
    kolada: [
      {
        kpi: 'N79179',
        title: 'Telefonsamtal till primärvården som besvarats samma dag, andel (%)',
        years: { from: null, until: null },
      },
    ],
  },
];

/**
 * The badge's default figure for vårdcentraler: the patients' view of the care and the doctor at the visit.
 * It is the survey's closest measure to "overall satisfaction", which is the default for hemtjänst and
 * särskilt boende too, so a badge means the same kind of thing whatever the service; it is measured the same
 * way in every region; and it is the patients' own view, where the waiting-time shares also depend on how
 * each region organises and reports primary care (its own caveat). Kept in SERVICES (shared/domain/service.ts)
 * with every service's default, so the domain needs no import from the catalogue.
 */
export const VARDCENTRAL_DEFAULT_INDICATOR: string = SERVICES.vardcentral.defaultIndicator;

/**
 * Kolada's region-level KPI with the same measure as `indicatorId` for `period`, or null if none. Kolada
 * has years only, so a half-year, quarter or month has none.
 */
export function koladaComparisonKpi(indicatorId: string, period: string): string | null {
  if (!/^\d{4}$/.test(period)) return null;
  const year = Number(period);
  const indicator = VARDCENTRAL_INDICATORS.find((i) => i.id === indicatorId);
  const match = indicator?.kolada.find(
    ({ years }) =>
      (years.from === null || year >= years.from) && (years.until === null || year <= years.until),
  );
  return match?.kpi ?? null;
}
