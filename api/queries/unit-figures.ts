import {
  type ComparisonFigure,
  type FigureSource,
  huvudmanKind,
  type IndicatorDefinition,
  type IndicatorValue,
  KOLADA_RIKET,
  koladaIdForRegion,
  MIN_RESPONDENTS,
  type SurveyUnit,
  type SurveyUnitFigure,
} from '../../shared/domain';
import { comparePeriods } from '../../shared/figures/period';
import { SOURCES } from '../../shared/reference';
import { koladaComparisonKpi, VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';
import { type indicatorValues, KOLADA_SERVICES, type units } from '../db/schema';
import { riketCopySubject } from '../figures/subjects';

/**
 * How a unit's figures are made from stored rows: which figure is shown, what it is compared with, and
 * where it comes from. Pure: the queries in units.ts read the rows, this turns them into the API's shape.
 */

type UnitRow = typeof units.$inferSelect;
export type ValueRow = Pick<
  typeof indicatorValues.$inferSelect,
  | 'indicatorId'
  | 'scope'
  | 'subject'
  | 'period'
  | 'value'
  | 'respondents'
  | 'status'
  | 'sourceId'
  | 'publishedAt'
  | 'sourceName'
  | 'sourceUrl'
  | 'ciLow'
  | 'ciHigh'
>;

/** Everything the figures of a set of units are made from. */
export interface FigureData {
  /** Figures by subject (OU id, or unit id) and indicator, any period. */
  values: ReadonlyMap<string, ValueRow[]>;
  /** Comparison figures by `subject|indicator|period`. */
  areas: ReadonlyMap<string, ValueRow>;
  /** Survey units by unit id. */
  surveyUnits: ReadonlyMap<string, SurveyUnit[]>;
  /** The newest period of any figure, by subject: a survey unit's latest survey round. */
  latestRound: ReadonlyMap<string, string>;
}

/** Kolada's id for the area a huvudman covers: the kommunkod, or "00" + länskod for a region. */
export function areaSubject(huvudmanCode: string): string {
  return huvudmanKind(huvudmanCode) === 'region' ? koladaIdForRegion(huvudmanCode) : huvudmanCode;
}

/**
 * Whether a unit shows figures of its own (scope "unit") rather than those of Kolada survey units: the
 * demo's units, and every unit of a service Kolada does not measure at unit level (vårdcentraler, whose
 * figures come in figures files).
 */
export function hasOwnFigures(unit: Pick<UnitRow, 'kind' | 'service'>): boolean {
  return unit.kind === 'demo' || !(KOLADA_SERVICES as readonly string[]).includes(unit.service);
}

/** The subjects whose comparison figures a list of these huvudmän's units may show. */
export function comparisonSubjects(huvudmanCodes: readonly string[]): string[] {
  const codes = [...new Set(huvudmanCodes)];
  return [...new Set([...codes.map(areaSubject), ...codes.map(riketCopySubject), KOLADA_RIKET])];
}

/**
 * The indicator ids whose stored rows the figures of these definitions are made from: their own, and the
 * Kolada KPIs a vårdcentral indicator is compared with (Kolada's region and national figures are stored
 * under its KPI ids).
 */
export function comparisonIndicatorIds(definitions: readonly IndicatorDefinition[]): string[] {
  const ids = new Set(definitions.map((d) => d.id));
  for (const indicator of VARDCENTRAL_INDICATORS) {
    if (!ids.has(indicator.id)) continue;
    for (const { kpi } of indicator.kolada) ids.add(kpi);
  }
  return [...ids];
}

/** Where a stored figure comes from, as the API shows it. */
export function figureSourceOf(row: Pick<ValueRow, 'sourceId' | 'sourceName' | 'sourceUrl'>): FigureSource {
  const known = SOURCES[row.sourceId as keyof typeof SOURCES] ?? SOURCES.kolada;
  const name = row.sourceName ?? known.name;
  // A figures file names its source itself ("Nationell Patientenkät 2025"); it is credited as it says.
  const attribution = name === known.name ? known.attribution : `Källa: ${name}`;
  return { id: known.id, name, attribution, url: row.sourceUrl ?? null };
}

function definitionSource(definition: IndicatorDefinition): FigureSource {
  return { ...definition.source, url: null };
}

const confidenceOf = (row: ValueRow) =>
  row.ciLow !== null && row.ciHigh !== null ? { low: row.ciLow, high: row.ciHigh } : null;

/** A comparison figure with its provenance. */
function comparisonOf(row: ValueRow | undefined): ComparisonFigure | null {
  if (!row) return null;
  return {
    value: row.value,
    period: row.period,
    respondents: row.respondents,
    missingReason: row.value === null ? 'too_few_respondents' : null,
    source: figureSourceOf(row),
    publishedAt: row.publishedAt,
    confidenceInterval: row.value === null ? null : confidenceOf(row),
  };
}

/**
 * The comparison figures of the same indicator and period for a unit of `huvudman`: a figures file's own
 * (the region's, and the country's as that huvudman's file gave it) before Kolada's figure of the same
 * measure (for a vårdcentral indicator, the KPI the catalogue pairs with it for that period; none for a
 * month, quarter or half-year). Never a figure of another period or measure.
 */
function comparisonsFor(
  definition: IndicatorDefinition,
  period: string,
  huvudman: string,
  areas: FigureData['areas'],
): { area: ComparisonFigure | null; riket: ComparisonFigure | null } {
  const kpi = definition.service === 'vardcentral' ? koladaComparisonKpi(definition.id, period) : null;
  const first = (keys: (string | null)[]) =>
    keys.map((key) => (key === null ? undefined : areas.get(key))).find((row) => row !== undefined);
  const area = areaSubject(huvudman);
  return {
    area: comparisonOf(first([`${area}|${definition.id}|${period}`, kpi && `${area}|${kpi}|${period}`])),
    riket: comparisonOf(
      first([
        `${riketCopySubject(huvudman)}|${definition.id}|${period}`,
        `${KOLADA_RIKET}|${definition.id}|${period}`,
        kpi && `${KOLADA_RIKET}|${kpi}|${period}`,
      ]),
    ),
  };
}

const emptyComparison = (area: 'kommun' | 'region') => ({
  kommun: null,
  riket: null,
  area,
  details: { kommun: null, riket: null },
});

/** The newest figure of one subject and indicator, as one survey unit's figure, compared within its period. */
function figureOf(
  rows: readonly ValueRow[] | undefined,
  surveyUnit: SurveyUnitFigure['surveyUnit'],
  definition: IndicatorDefinition,
  huvudman: string,
  areas: FigureData['areas'],
): SurveyUnitFigure {
  let latest: ValueRow | undefined;
  for (const row of rows ?? []) if (!latest || comparePeriods(row.period, latest.period) > 0) latest = row;
  const areaKind = huvudmanKind(huvudman);
  if (!latest) {
    return {
      surveyUnit,
      value: null,
      period: null,
      respondents: null,
      missingReason: 'no_data',
      source: definitionSource(definition),
      publishedAt: null,
      confidenceInterval: null,
      comparison: emptyComparison(areaKind),
    };
  }
  const tooFew = latest.respondents !== null && latest.respondents < MIN_RESPONDENTS;
  const value = tooFew ? null : latest.value;
  const compared = comparisonsFor(definition, latest.period, huvudman, areas);
  return {
    surveyUnit,
    value,
    period: latest.period,
    respondents: latest.respondents,
    missingReason: value === null ? 'too_few_respondents' : null,
    source: figureSourceOf(latest),
    publishedAt: latest.publishedAt,
    confidenceInterval: value === null ? null : confidenceOf(latest),
    comparison: {
      kommun: compared.area?.value ?? null,
      riket: compared.riket?.value ?? null,
      area: areaKind,
      details: { kommun: compared.area, riket: compared.riket },
    },
  };
}

/**
 * Every unit carries the same indicator ids in the same order. Each survey unit's figure stands on
 * its own (`figures`); the top level is that figure when there is exactly one, and empty with a
 * reason otherwise: never an average, a sum or one figure picked among several. A unit with figures of
 * its own (the demo's, a vårdcentral's) has exactly one.
 */
export function indicatorsOf(
  unit: UnitRow,
  definitions: readonly IndicatorDefinition[],
  data: FigureData,
): IndicatorValue[] {
  const surveyUnits = data.surveyUnits.get(unit.id) ?? [];
  return definitions.map((definition) => {
    const figures = hasOwnFigures(unit)
      ? [
          figureOf(
            data.values.get(`${unit.id}|${definition.id}`),
            null,
            definition,
            unit.huvudman,
            data.areas,
          ),
        ]
      : surveyUnits.map((su) =>
          figureOf(
            data.values.get(`${su.id}|${definition.id}`),
            { id: su.id, title: su.title },
            definition,
            unit.huvudman,
            data.areas,
          ),
        );
    if (figures.length === 1) {
      const { surveyUnit: _, ...only } = figures[0]!;
      return { id: definition.id, ...only, figures };
    }
    return {
      id: definition.id,
      value: null,
      period: null,
      respondents: null,
      missingReason: figures.length === 0 ? 'not_linked' : 'several_survey_units',
      source: definitionSource(definition),
      publishedAt: null,
      confidenceInterval: null,
      comparison: emptyComparison(huvudmanKind(unit.huvudman)),
      figures,
    };
  });
}
