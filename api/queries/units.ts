import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  type DatasetKind,
  type IndicatorDefinition,
  type IndicatorValue,
  languageName,
  MIN_RESPONDENTS,
  type Service,
  type Unit,
  type UnitList,
} from '../../shared/domain';
import { SOURCES } from '../../shared/reference';
import type { Database } from '../db/client';
import { datasets, indicatorDefinitions, indicatorValues, koladaLinks, sources, units } from '../db/schema';
import { sortUnits, type UnitSort } from './sort';

type UnitRow = typeof units.$inferSelect;
type ValueRow = typeof indicatorValues.$inferSelect;

export interface UnitQueryOptions {
  /** Include ended units (status "avslutad"). */
  includeEnded?: boolean;
  sort?: UnitSort;
  /** Units verified longer ago than this are marked stale. */
  staleAfterDays: number;
  today: string;
}

/** Kolada's id for the area a huvudman covers: the kommunkod, or "00" + länskod for a region. */
function areaSubject(huvudmanCode: string): string {
  return huvudmanCode.length === 2 ? `00${huvudmanCode}` : huvudmanCode;
}

export async function loadIndicatorDefinitions(
  db: Database,
  service?: Service,
): Promise<IndicatorDefinition[]> {
  const rows = await db
    .select()
    .from(indicatorDefinitions)
    .innerJoin(sources, eq(sources.id, indicatorDefinitions.sourceId))
    .where(service ? eq(indicatorDefinitions.service, service) : undefined)
    .orderBy(asc(indicatorDefinitions.sortOrder))
    .all();
  return rows.map(({ indicator_definitions: d, sources: s }) => ({
    id: d.id,
    service: d.service as Service,
    title: d.title,
    label: d.label,
    description: d.description,
    unit: d.unit as IndicatorDefinition['unit'],
    favourable: d.favourable as IndicatorDefinition['favourable'],
    source: { id: s.id, name: s.name, attribution: s.attribution },
    isDefault: d.isDefault,
  }));
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

function newestFirst(a: ValueRow, b: ValueRow): number {
  return a.period < b.period ? 1 : a.period > b.period ? -1 : 0;
}

function sourceRef(id: string) {
  const s = SOURCES[id as keyof typeof SOURCES] ?? SOURCES.kolada;
  return { id: s.id, name: s.name, attribution: s.attribution };
}

/**
 * Every unit carries the same indicator ids in the same order; a figure that is missing, or rests
 * on too few respondents, is null with a reason. Comparison figures are for the same period.
 */
function indicatorsOf(
  unit: UnitRow,
  linkedToSource: boolean,
  definitions: readonly IndicatorDefinition[],
  unitValues: ReadonlyMap<string, ValueRow[]>,
  areaValues: ReadonlyMap<string, ValueRow>,
  area: string,
): IndicatorValue[] {
  return definitions.map((definition) => {
    const latest = (unitValues.get(`${unit.id}|${definition.id}`) ?? []).sort(newestFirst)[0];
    const comparison = (subject: string) =>
      latest ? (areaValues.get(`${subject}|${definition.id}|${latest.period}`)?.value ?? null) : null;
    const tooFew = latest?.respondents != null && latest.respondents < MIN_RESPONDENTS;
    const value = latest && !tooFew ? latest.value : null;
    const missingReason: IndicatorValue['missingReason'] =
      value !== null
        ? null
        : latest
          ? tooFew || latest.value === null
            ? 'too_few_respondents'
            : 'no_data'
          : unit.kind === 'live' && !linkedToSource
            ? 'not_linked'
            : 'no_data';
    return {
      id: definition.id,
      value,
      period: latest?.period ?? null,
      respondents: latest?.respondents ?? null,
      missingReason,
      source: latest ? sourceRef(latest.sourceId) : definition.source,
      publishedAt: latest?.publishedAt ?? null,
      comparison: { kommun: comparison(area), riket: comparison('0000') },
    };
  });
}

export function toUnit(
  row: UnitRow,
  indicators: IndicatorValue[],
  options: Pick<UnitQueryOptions, 'staleAfterDays' | 'today'>,
): Unit {
  return {
    id: row.id,
    huvudman: row.huvudman,
    service: row.service as Service,
    name: row.name,
    regi: row.regi as Unit['regi'],
    organisationsnummer: row.organisationsnummer,
    aliases: row.aliases,
    areas: row.areas,
    scope: row.scope as Unit['scope'],
    languages: row.languages.map((code) => ({ code, name: languageName(code) })),
    extraServices: row.extraServices,
    acceptsNewClients: row.acceptsNewClients,
    contact: { website: row.website, phone: row.phone, address: row.address },
    hsaId: row.hsaId,
    koladaOu: row.koladaOu,
    verifiedAt: row.verifiedAt,
    stale: daysBetween(row.verifiedAt, options.today) > options.staleAfterDays,
    status: row.status,
    statusDate: row.statusDate,
    indicators,
  };
}

async function indicatorsForUnits(
  db: Database,
  rows: readonly UnitRow[],
  definitions: readonly IndicatorDefinition[],
  kind: DatasetKind,
): Promise<Map<string, IndicatorValue[]>> {
  const result = new Map<string, IndicatorValue[]>();
  if (rows.length === 0) return result;
  const ids = definitions.map((d) => d.id);
  const areas = [...new Set(rows.map((r) => areaSubject(r.huvudman))), '0000'];
  // Figures of another kind never mix: a live register never shows demo figures, and vice versa.
  const unitIds = rows.map((r) => r.id);
  const [unitRows, areaRows, nameLinks] = await Promise.all([
    db
      .select()
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.scope, 'unit'),
          eq(indicatorValues.kind, kind),
          inArray(indicatorValues.subject, unitIds),
        ),
      )
      .all(),
    ids.length === 0
      ? []
      : db
          .select()
          .from(indicatorValues)
          .where(
            and(
              inArray(indicatorValues.subject, areas),
              inArray(indicatorValues.indicatorId, ids),
              eq(indicatorValues.kind, kind),
            ),
          )
          .all(),
    // Units the Kolada sync linked by name count as linked, like those with kolada_ou in the register.
    db
      .select({ unitId: koladaLinks.unitId })
      .from(koladaLinks)
      .where(inArray(koladaLinks.unitId, unitIds))
      .all(),
  ]);
  const linked = new Set(nameLinks.map((l) => l.unitId));
  for (const row of rows) if (row.koladaOu) linked.add(row.id);
  const unitValues = new Map<string, ValueRow[]>();
  for (const v of unitRows) {
    const key = `${v.subject}|${v.indicatorId}`;
    unitValues.set(key, [...(unitValues.get(key) ?? []), v]);
  }
  const areaValues = new Map(
    areaRows.filter((v) => v.scope !== 'unit').map((v) => [`${v.subject}|${v.indicatorId}|${v.period}`, v]),
  );
  for (const row of rows) {
    result.set(
      row.id,
      indicatorsOf(row, linked.has(row.id), definitions, unitValues, areaValues, areaSubject(row.huvudman)),
    );
  }
  return result;
}

/** The comparable list of one choice system, in Swedish alphabetical order unless sorted otherwise. */
export async function loadUnitList(
  db: Database,
  huvudmanCode: string,
  service: Service,
  options: UnitQueryOptions,
): Promise<UnitList> {
  const system = and(eq(units.huvudman, huvudmanCode), eq(units.service, service));
  const [rows, dataset, definitions] = await Promise.all([
    db
      .select()
      .from(units)
      .where(options.includeEnded ? system : and(system, eq(units.status, 'aktiv')))
      .all(),
    db
      .select()
      .from(datasets)
      .where(and(eq(datasets.huvudman, huvudmanCode), eq(datasets.service, service)))
      .get(),
    loadIndicatorDefinitions(db, service),
  ]);
  const kind: DatasetKind = dataset?.kind ?? 'live';
  const indicators = await indicatorsForUnits(db, rows, definitions, kind);
  const items = rows.map((row) => toUnit(row, indicators.get(row.id) ?? [], options));
  return {
    huvudman: huvudmanCode,
    service,
    dataset: { kind, version: String(dataset?.version ?? 0), updatedAt: dataset?.updatedAt ?? null },
    indicators: definitions,
    items: sortUnits(items, options.sort ?? 'name'),
  };
}

/** One unit, in the same shape as in its list. */
export async function loadUnit(
  db: Database,
  id: string,
  options: UnitQueryOptions,
): Promise<{ unit: Unit; datasetKind: DatasetKind } | null> {
  const row = await db.select().from(units).where(eq(units.id, id)).get();
  if (!row) return null;
  const definitions = await loadIndicatorDefinitions(db, row.service as Service);
  const indicators = await indicatorsForUnits(db, [row], definitions, row.kind);
  return { unit: toUnit(row, indicators.get(row.id) ?? [], options), datasetKind: row.kind };
}
