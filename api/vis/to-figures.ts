import type { FigureFileRow, FigureIndicatorRules } from '../../shared/figures';
import { VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';
import { VARDCENTRAL_SOURCES } from '../../shared/reference/vardcentral-sources';
import { periodOf } from './periods';
import type { VisMeasurement, VisSeries } from './types';
import type { UnitKey } from './unit-key';

/** Which VIS measure holds which indicator of our catalogue. Measure ids are VIS's GUIDs, compared ignoring case. */
export interface MeasureMapping {
  indicatorId: string;
  measureId: string;
  /**
   * What `antal` is taken from: the measurement's denominator (the cases behind a share), or nothing.
   * Default: the denominator for shares, nothing for means (what a mean's denominator counts is unconfirmed).
   */
  count?: 'denominator' | 'none';
}

export interface SkippedFigure {
  measureId: string;
  organizationId: string;
  period: string;
  reason: string;
}

export interface VisToFiguresInput {
  series: readonly VisSeries[];
  mappings: readonly MeasureMapping[];
  /** The region's länskod, e.g. "05": its own series become the region's comparison figure. */
  region: string;
  unitKey: UnitKey;
  /** YYYY-MM-DD. VIS gives no publication date; the figures are written as published by the day fetched. */
  fetchedOn: string;
  indicators?: readonly FigureIndicatorRules[];
}

export const VIS_SOURCE_NAME = VARDCENTRAL_SOURCES.vis.name;
export const visMeasureUrl = (measureId: string) => `https://vardenisiffror.se/indikator/${measureId}`;

/**
 * VIS series as rows of the figures format, for one region: its units (through the unit key), the region
 * itself and the country ("SE"). Never invents or picks: a series of an organisation that is not ours, a
 * period that is not a whole year, half-year, quarter or month, a period kind the indicator is not
 * published for, several values for one period, a missing value, or a share that disagrees with its own
 * numerator and denominator is left out, with the reason in `skipped`. Pure.
 */
export function visToFigures(input: VisToFiguresInput): { rows: FigureFileRow[]; skipped: SkippedFigure[] } {
  const indicators = new Map((input.indicators ?? VARDCENTRAL_INDICATORS).map((i) => [i.id, i]));
  const mappings = new Map(input.mappings.map((m) => [m.measureId.toLowerCase(), m]));
  const skipped: SkippedFigure[] = [];
  const groups = new Map<
    string,
    { mapping: MeasureMapping; who: Who; period: string; items: VisMeasurement[] }
  >();

  for (const series of input.series) {
    const mapping = mappings.get(series.measureId.toLowerCase());
    const skip = (period: string, reason: string) =>
      skipped.push({ measureId: series.measureId, organizationId: series.organizationId, period, reason });
    if (!mapping) {
      skip('', 'måttet efterfrågades inte');
      continue;
    }
    const indicator = indicators.get(mapping.indicatorId);
    if (!indicator) throw new Error(`${mapping.indicatorId} finns inte i katalogen`);
    const who = whoIs(series.organizationId, input);
    if (!who) {
      skip('', 'organisationen är varken regionen, riket eller en av enheterna');
      continue;
    }
    for (const measurement of series.measurements) {
      const range = `${measurement.period.start.slice(0, 10)}–${measurement.period.end.slice(0, 10)}`;
      const period = periodOf(measurement.period);
      if (!period) {
        skip(range, 'perioden är inte ett helt år, halvår, kvartal eller en månad');
        continue;
      }
      if (!indicator.periodKinds.includes(period.kind)) {
        skip(period.id, `${indicator.id} redovisas inte per ${period.kind}`);
        continue;
      }
      const key = `${series.measureId}|${who.huvudman}|${who.enhet}|${period.id}`;
      const group = groups.get(key) ?? { mapping, who, period: period.id, items: [] };
      group.items.push(measurement);
      groups.set(key, group);
    }
  }

  const rows: (FigureFileRow & { order: string })[] = [];
  for (const { mapping, who, period, items } of groups.values()) {
    const indicator = indicators.get(mapping.indicatorId)!;
    const skip = (reason: string) =>
      skipped.push({ measureId: mapping.measureId, organizationId: who.organizationId, period, reason });
    if (items.length > 1) {
      const types = items.map((m) => m.type ?? '–').join(', ');
      skip(`${items.length} värden för samma period (type ${types}); inget av dem väljs`);
      continue;
    }
    const m = items[0]!;
    const useDenominator =
      (mapping.count ?? (indicator.unit === 'percent' ? 'denominator' : 'none')) === 'denominator';
    const count = useDenominator && isCount(m.denominator) ? m.denominator : null;
    if (m.value === null) {
      if (count !== null && count < indicator.minCount) {
        rows.push(row(mapping, who, period, null, count, m, input.fetchedOn));
      } else {
        skip('inget värde');
      }
      continue;
    }
    if (indicator.unit === 'percent' && disagrees(m)) {
      skip('värdet stämmer inte med täljare/nämnare i procent (är skalan 0–1?)');
      continue;
    }
    rows.push(row(mapping, who, period, m.value, count, m, input.fetchedOn));
  }

  const order = [...indicators.keys()];
  const rank = (r: FigureFileRow) => order.indexOf(String(r.indikator));
  const sorted = rows.sort(
    (a, b) => rank(a) - rank(b) || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0),
  );
  return { rows: sorted.map(({ order: _order, ...rest }) => rest), skipped };
}

interface Who {
  organizationId: string;
  huvudman: string;
  enhet: string;
  rank: number;
}

function whoIs(organizationId: string, input: VisToFiguresInput): Who | null {
  if (organizationId === 'SE') return { organizationId, huvudman: 'riket', enhet: '', rank: 2 };
  if (organizationId === input.region) return { organizationId, huvudman: input.region, enhet: '', rank: 1 };
  const hsaId = input.unitKey.fromVis(organizationId);
  return hsaId ? { organizationId, huvudman: input.region, enhet: hsaId, rank: 0 } : null;
}

function row(
  mapping: MeasureMapping,
  who: Who,
  period: string,
  value: number | null,
  count: number | null,
  m: VisMeasurement,
  fetchedOn: string,
): FigureFileRow & { order: string } {
  const low = m.confidenceInterval?.low;
  const high = m.confidenceInterval?.high;
  const interval = typeof low === 'number' && typeof high === 'number' && value !== null;
  return {
    order: `${who.rank}|${who.enhet}|${period}`,
    huvudman: who.huvudman,
    tjanst: 'vardcentral',
    enhet: who.enhet,
    indikator: mapping.indicatorId,
    period,
    varde: value,
    antal: count,
    kalla: VIS_SOURCE_NAME,
    kalla_url: visMeasureUrl(mapping.measureId),
    publicerad: fetchedOn,
    ki_lag: interval ? low : null,
    ki_hog: interval ? high : null,
  };
}

function isCount(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A share in percent should be 100 × numerator / denominator, to the source's rounding. */
function disagrees(m: VisMeasurement): boolean {
  if (typeof m.numerator !== 'number' || typeof m.denominator !== 'number' || m.denominator <= 0)
    return false;
  return Math.abs((m.value ?? 0) - (100 * m.numerator) / m.denominator) > 0.5;
}
