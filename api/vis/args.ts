import { parseArgs } from 'node:util';
import regioner from '../../shared/reference/regioner.json';
import { VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';
import type { VisUnitSearch } from './client';
import type { MeasureMapping } from './to-figures';

export interface VisArgs {
  checkLive: boolean;
  region: string;
  hsaIds: string[];
  registerFile: string | null;
  mappings: MeasureMapping[];
  mappingsFile: string | null;
  unitKey: 'hsa' | 'mapped';
  unitMapFile: string | null;
  periodType: string;
  dateFrom: string;
  dateTo: string;
  out: string | null;
  unitSearch: VisUnitSearch | null;
  searchText: string | null;
  baseUrl: string | null;
}

export const VIS_USAGE = `Användning:
  npm run vis -- --check-live --region 01 [--hsa SE…] [--search TEXT] [--unit-search "GET /api/…?q={query}"] [--period-type Year]
  npm run vis -- --region 05 --measure INDIKATOR=MÅTT-ID … (--hsa SE… … | --register register.csv) [--out fil.csv]
      [--measures mått.json] [--unit-key hsa|mapped --unit-map enheter.csv] [--period-type Year] [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD]`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The command line, checked; every problem is listed (in Swedish), nothing is read or fetched here. */
export function parseVisArgs(
  argv: readonly string[],
  today: string,
): { ok: true; args: VisArgs } | { ok: false; problems: string[] } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
  const v = parsed.values;
  const problems: string[] = [];

  const region = (v.region ?? '').padStart(2, '0');
  if (!v.region) problems.push('--region saknas: ange regionens länskod, till exempel --region 05');
  else if (!regioner.some((r) => r.code === region))
    problems.push(`--region ${v.region} är ingen regions länskod`);

  const hsaIds = (v.hsa ?? []).map((id) => id.toUpperCase());
  for (const id of hsaIds)
    if (!/^SE\d{10,12}-[A-Z0-9]+$/.test(id)) problems.push(`--hsa ${id} har inte formen för ett HSA-id`);

  const mappings: MeasureMapping[] = [];
  for (const pair of v.measure ?? []) {
    const [indicatorId = '', measureId = ''] = pair.split('=');
    const mapping = checkMapping(indicatorId.trim(), measureId.trim());
    if (typeof mapping === 'string') problems.push(`--measure ${pair}: ${mapping}`);
    else mappings.push(mapping);
  }

  const unitKey = v['unit-key'] ?? 'hsa';
  if (unitKey !== 'hsa' && unitKey !== 'mapped')
    problems.push(`--unit-key ska vara hsa eller mapped, inte ${unitKey}`);
  if (unitKey === 'mapped' && !v['unit-map'])
    problems.push('--unit-key mapped kräver --unit-map med en tabell hsa_id;vis_id');

  const year = Number(today.slice(0, 4));
  const dateFrom = v.from ?? `${year - 3}-01-01`;
  const dateTo = v.to ?? today;
  for (const [name, date] of [
    ['--from', dateFrom],
    ['--to', dateTo],
  ] as const) {
    if (!DATE.test(date)) problems.push(`${name} ${date} ska skrivas ÅÅÅÅ-MM-DD`);
  }

  let unitSearch: VisUnitSearch | null = null;
  if (v['unit-search']) {
    const match = /^(GET|POST)\s+(\/\S*)$/i.exec(v['unit-search'].trim());
    if (!match || !match[2]!.includes('{query}')) {
      problems.push(
        '--unit-search ska vara "GET /sökväg?parameter={query}" (eller POST), med {query} där söktexten ska stå',
      );
    } else unitSearch = { method: match[1]!.toUpperCase() as 'GET' | 'POST', path: match[2]! };
  }

  if (!v['check-live']) {
    if ((v.measure ?? []).length === 0 && !v.measures) {
      problems.push(
        'ange minst ett mått: --measure INDIKATOR=MÅTT-ID (måttens id visar --check-live) eller --measures fil.json',
      );
    }
    if ((v.hsa ?? []).length === 0 && !v.register)
      problems.push('ange vårdcentralerna: --hsa SE… (flera gånger) eller --register fil');
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    args: {
      checkLive: v['check-live'] ?? false,
      region,
      hsaIds,
      registerFile: v.register ?? null,
      mappings,
      mappingsFile: v.measures ?? null,
      unitKey: unitKey as 'hsa' | 'mapped',
      unitMapFile: v['unit-map'] ?? null,
      periodType: v['period-type'] ?? 'Year',
      dateFrom,
      dateTo,
      out: v.out ?? null,
      unitSearch,
      searchText: v.search ?? null,
      baseUrl: v['base-url'] ?? null,
    },
  };
}

/** An indicator of the catalogue and a VIS measure GUID, or what is wrong with them. */
export function checkMapping(indicatorId: string, measureId: string): MeasureMapping | string {
  if (!VARDCENTRAL_INDICATORS.some((i) => i.id === indicatorId)) {
    return `${indicatorId || '(tomt)'} är ingen indikator i katalogen (${VARDCENTRAL_INDICATORS.map((i) => i.id).join(', ')})`;
  }
  if (!GUID.test(measureId))
    return `${measureId || '(tomt)'} är inget mått-id (ett GUID som --check-live visar)`;
  return { indicatorId, measureId };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      'check-live': { type: 'boolean' },
      region: { type: 'string' },
      hsa: { type: 'string', multiple: true },
      register: { type: 'string' },
      measure: { type: 'string', multiple: true },
      measures: { type: 'string' },
      'unit-key': { type: 'string' },
      'unit-map': { type: 'string' },
      'period-type': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      'unit-search': { type: 'string' },
      search: { type: 'string' },
      'base-url': { type: 'string' },
    },
  });
}
