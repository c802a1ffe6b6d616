import type { VisClient } from './client';
import { VisRequestError, VisResponseError, VisUnavailableError } from './errors';
import { periodOf } from './periods';
import type { VisMeasure, VisSeries } from './types';

export interface ProbeOptions {
  /** Länskod, "01". */
  region: string;
  /** One vårdcentral's HSA id, to see whether `units` takes HSA ids. */
  hsaId?: string;
  /** What to search units for; the HSA id, else the region code. */
  searchText?: string;
  /** Default: the first period type informationsource lists for the chosen sources, else "Year". */
  periodType?: string;
  dateFrom: string;
  dateTo: string;
  /** How many candidate measures to ask measurements for. */
  maxMeasures?: number;
}

export interface ProbeSummary {
  sources: number;
  candidateMeasures: VisMeasure[];
  region: { series: number; organizations: string[] } | { error: string };
  hsa: { series: number; organizations: string[]; measurements: number } | { error: string } | null;
  unitSearch: { shape: string; mentionsHsaId: boolean | null } | { error: string };
}

const RELEVANT_SOURCE = /patientenk|patientupplev|väntetid|vantetid|primärvård|tillgänglig/i;
const RELEVANT_MEASURE =
  /medicinsk bedömning|telefon|patientenk|patientupplev|helhetsintryck|bemötande|delaktighet|kontinuitet|tillgänglighet|vård och behandling/i;

/**
 * Asks the live API the open questions and prints what it answers: which sources and measures look like
 * ours and in which shape, whether a region's measurements come back, whether `units` takes an HSA id
 * for one vårdcentral, and what the unit search answers. Prints shapes, names and counts, never figures;
 * writes nothing.
 */
export async function checkLive(
  client: VisClient,
  options: ProbeOptions,
  print: (line: string) => void,
): Promise<ProbeSummary> {
  print('Vården i siffror: vad det levande API:t svarar (former och antal, inga värden sparas)');

  const sources = await client.informationSources();
  const relevant = sources.filter((s) => RELEVANT_SOURCE.test(`${s.name} ${s.description ?? ''}`));
  print(`\n1. /api/informationsource: ${sources.length} källor, ${relevant.length} som liknar våra:`);
  for (const source of relevant) {
    print(
      `   - ${source.name}: ${source.measureIds.length} mått; latestPeriodTypes = ${compact(source.latestPeriodTypes)}`,
    );
  }
  const periodType =
    options.periodType ?? firstPeriodType(relevant.map((s) => s.latestPeriodTypes)) ?? 'Year';

  const measures = await client.measures([...new Set(relevant.flatMap((s) => s.measureIds))]);
  const candidates = measures.filter((m) => RELEVANT_MEASURE.test(m.name));
  print(
    `\n2. /api/measures/measures: ${measures.length} mått i de källorna, ${candidates.length} med namn som våra:`,
  );
  for (const m of candidates.slice(0, 40)) {
    print(
      `   - ${m.measureId}  ${m.name}  [enhet: ${m.measureUnit ?? '–'}; soughtValue: ${compact(m.soughtValue)}]`,
    );
  }
  const asked = candidates.slice(0, options.maxMeasures ?? 6).map((m) => m.measureId);
  const query = { measureIds: asked, periodType, dateFrom: options.dateFrom, dateTo: options.dateTo };

  print(
    `\n3. /api/measurements/measurementswithmetadata för regionen ${options.region} och riket (periodType ${periodType}):`,
  );
  const region = await attempt(async () => {
    const series = await client.measurements({ ...query, units: [options.region, 'SE'] });
    describeSeries(series, print);
    return { series: series.length, organizations: organizations(series) };
  }, print);

  let hsa: ProbeSummary['hsa'] = null;
  if (options.hsaId) {
    print(`\n4. Samma fråga med units = ["${options.hsaId}"] (tar VIS HSA-id?):`);
    hsa = await attempt(async () => {
      const series = await client.measurements({ ...query, units: [options.hsaId!] });
      describeSeries(series, print);
      const measurements = series.reduce((n, s) => n + s.measurements.length, 0);
      print(
        measurements > 0
          ? `   => VIS svarar med ${measurements} mätningar för HSA-id:t; organizationId i svaret: ${organizations(series).join(', ')}`
          : '   => inga mätningar för HSA-id:t: VIS tar troligen sina egna enhets-id (se enhetssökningen nedan)',
      );
      return { series: series.length, organizations: organizations(series), measurements };
    }, print);
  } else {
    print('\n4. Inget --hsa angivet: frågan om VIS tar HSA-id ställs inte.');
  }

  const searchText = options.searchText ?? options.hsaId ?? options.region;
  print(
    `\n5. Enhetssökningen med "${searchText}" (sökvägen är inte dokumenterad; ange --unit-search om den är fel):`,
  );
  const unitSearch = await attempt(async () => {
    const answer = await client.searchUnits(searchText);
    const shape = shapeOf(answer);
    const text = JSON.stringify(answer) ?? '';
    const mentionsHsaId = options.hsaId ? text.toUpperCase().includes(options.hsaId.toUpperCase()) : null;
    print(`   svar: ${shape}`);
    print(`   innehåller HSA-id-liknande värden: ${/SE\d{10,12}-[A-Z0-9]+/i.test(text) ? 'ja' : 'nej'}`);
    if (mentionsHsaId !== null) print(`   nämner ${options.hsaId}: ${mentionsHsaId ? 'ja' : 'nej'}`);
    return { shape, mentionsHsaId };
  }, print);

  return { sources: sources.length, candidateMeasures: candidates, region, hsa, unitSearch };
}

async function attempt<T>(
  run: () => Promise<T>,
  print: (line: string) => void,
): Promise<T | { error: string }> {
  try {
    return await run();
  } catch (error) {
    const known =
      error instanceof VisRequestError ||
      error instanceof VisUnavailableError ||
      error instanceof VisResponseError;
    if (!known) throw error;
    print(`   fel: ${error.message}`);
    return { error: error.message };
  }
}

/** What the series look like: per organisation and measure, how many values, which periods and fields. */
function describeSeries(series: readonly VisSeries[], print: (line: string) => void) {
  if (series.length === 0) print('   inga serier i svaret');
  for (const s of series) {
    const kinds = new Set(
      s.measurements.map((m) => periodOf(m.period)?.kind ?? `okänd (${m.period.start}–${m.period.end})`),
    );
    const types = new Set(s.measurements.map((m) => String(m.periodType ?? '–')));
    const valueTypes = new Set(s.measurements.map((m) => String(m.type ?? '–')));
    const fields = new Set(
      s.measurements.flatMap((m) =>
        Object.entries(m)
          .filter(([, v]) => v !== null && v !== undefined)
          .map(([k]) => k),
      ),
    );
    const values = s.measurements.map((m) => m.value).filter((v): v is number => v !== null);
    const scale =
      values.length === 0 ? 'inga värden' : values.every((v) => v <= 1) ? 'alla ≤ 1' : 'några > 1';
    print(
      `   - ${s.organizationId} / ${s.measureId}: ${s.measurements.length} mätningar; perioder ${[...kinds].join(', ')}; ` +
        `periodType ${[...types].join(', ')}; type ${[...valueTypes].join(', ')}; fält ${[...fields].sort().join(', ')}; skala ${scale}`,
    );
  }
}

function organizations(series: readonly VisSeries[]): string[] {
  return [...new Set(series.map((s) => s.organizationId))].sort();
}

function firstPeriodType(values: unknown[]): string | null {
  for (const value of values) {
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) {
      if (typeof item === 'string' && item !== '') return item;
      if (item && typeof item === 'object') {
        const named = Object.values(item).find(
          (v): v is string => typeof v === 'string' && /year|month|quarter|half/i.test(v),
        );
        if (named) return named;
      }
    }
  }
  return null;
}

function shapeOf(value: unknown): string {
  if (Array.isArray(value)) {
    const first = value[0];
    const keys = first && typeof first === 'object' ? Object.keys(first).sort().join(', ') : typeof first;
    return `en lista med ${value.length} poster; första posten: ${keys}`;
  }
  if (value && typeof value === 'object')
    return `ett objekt med nycklarna ${Object.keys(value).sort().join(', ')}`;
  return typeof value;
}

function compact(value: unknown): string {
  const text = JSON.stringify(value) ?? 'saknas';
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
