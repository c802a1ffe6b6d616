import { type FigureRow, formatFiguresCsv, parseFigures, type RegisterProblem } from '../../shared/figures';
import { VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';
import type { VisClient } from './client';
import { type MeasureMapping, type SkippedFigure, visToFigures } from './to-figures';
import type { VisMeasure } from './types';
import type { UnitKey } from './unit-key';

export interface RegionFiguresOptions {
  /** Länskod, "05". */
  region: string;
  mappings: readonly MeasureMapping[];
  /** The region's vårdcentraler, by HSA id. */
  hsaIds: readonly string[];
  unitKey: UnitKey;
  /** Sent as VIS's periodType; "Year" is the one confirmed. */
  periodType: string;
  dateFrom: string;
  dateTo: string;
  /** YYYY-MM-DD, also written as `publicerad` (VIS gives no publication date). */
  today: string;
}

export type RegionFiguresResult =
  | { ok: true; csv: string; rows: FigureRow[]; skipped: SkippedFigure[]; warnings: string[] }
  | { ok: false; problems: string[]; skipped: SkippedFigure[]; warnings: string[] };

/**
 * Fetches the mapped measures for a region's vårdcentraler, the region and the country, and writes
 * them as a figures file (CSV text). The file is checked by the figures reader before it is returned:
 * what the adapter gives is exactly what `npm run import` would accept. A measure whose unit in VIS is
 * not the indicator's (a mean where we expect a share) is refused: no figure of another measure.
 */
export async function fetchRegionFigures(
  client: VisClient,
  options: RegionFiguresOptions,
): Promise<RegionFiguresResult> {
  const warnings: string[] = [];
  const problems: string[] = [];
  const measureIds = options.mappings.map((m) => m.measureId);
  const metadata = new Map((await client.measures(measureIds)).map((m) => [m.measureId.toLowerCase(), m]));
  for (const mapping of options.mappings) {
    const problem = checkMeasure(mapping, metadata.get(mapping.measureId.toLowerCase()));
    if (problem?.fatal) problems.push(problem.message);
    else if (problem) warnings.push(problem.message);
  }
  if (problems.length > 0) return { ok: false, problems, skipped: [], warnings };

  const unitIds: string[] = [];
  for (const hsaId of options.hsaIds) {
    const visId = options.unitKey.toVis(hsaId);
    if (visId === null) warnings.push(`${hsaId}: inget VIS-id i tabellen; enheten efterfrågas inte`);
    else unitIds.push(visId);
  }
  const series = await client.measurements({
    measureIds,
    units: ['SE', options.region, ...unitIds],
    periodType: options.periodType,
    dateFrom: options.dateFrom,
    dateTo: options.dateTo,
  });
  const { rows, skipped } = visToFigures({
    series,
    mappings: options.mappings,
    region: options.region,
    unitKey: options.unitKey,
    fetchedOn: options.today,
  });
  if (rows.length === 0) {
    return { ok: false, problems: ['Vården i siffror gav inga värden att skriva'], skipped, warnings };
  }
  const csv = formatFiguresCsv(rows);
  const parsed = parseFigures(csv, { today: options.today });
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map(formatLine), skipped, warnings };
  return { ok: true, csv, rows: parsed.rows, skipped, warnings };
}

function formatLine(p: RegisterProblem): string {
  return `${p.line === null ? '' : `rad ${p.line}`}${p.column ? `, kolumn ${p.column}` : ''}: ${p.message}`;
}

/** A mapped measure that VIS does not know, or whose unit is not the indicator's. */
function checkMeasure(
  mapping: MeasureMapping,
  measure: VisMeasure | undefined,
): { fatal: boolean; message: string } | null {
  const indicator = VARDCENTRAL_INDICATORS.find((i) => i.id === mapping.indicatorId);
  if (!indicator) return { fatal: true, message: `${mapping.indicatorId} finns inte i katalogen` };
  if (!measure) {
    return {
      fatal: true,
      message: `${mapping.indicatorId}: Vården i siffror känner inte till måttet ${mapping.measureId}`,
    };
  }
  const unit = measure.measureUnit?.trim() ?? '';
  const looksLikeShare = /%|procent|andel/i.test(unit);
  if (unit === '') {
    return {
      fatal: false,
      message: `${mapping.indicatorId}: måttet "${measure.name}" anger ingen enhet; kontrollera att det är rätt mått`,
    };
  }
  if (indicator.unit === 'percent' && !looksLikeShare) {
    return {
      fatal: true,
      message: `${mapping.indicatorId} är en andel i procent, men måttet "${measure.name}" har enheten "${unit}"`,
    };
  }
  if (indicator.unit === 'mean' && looksLikeShare) {
    return {
      fatal: true,
      message: `${mapping.indicatorId} är ett medelvärde 0–1, men måttet "${measure.name}" har enheten "${unit}"`,
    };
  }
  return null;
}
