import { and, asc, count, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import { chunks } from '../../shared/chunks';
import {
  type DatasetBasis,
  type DatasetKind,
  type IndicatorDefinition,
  type IndicatorValue,
  languageName,
  SERVICES,
  type Service,
  type SurveyUnit,
  swedishCollator,
  type Unit,
  type UnitList,
  type UnitOrigin,
} from '../../shared/domain';
import { comparePeriods } from '../../shared/figures/period';
import { KOMMUNER, REGIONER } from '../../shared/reference';
import type { Database } from '../db/client';
import {
  datasets,
  indicatorDefinitions,
  indicatorValues,
  koladaLinks,
  koladaOus,
  sources,
  units,
} from '../db/schema';
import { sortUnits, type UnitSort } from './sort';
import {
  comparisonIndicatorIds,
  comparisonSubjects,
  type FigureData,
  hasOwnFigures,
  indicatorsOf,
  type ValueRow,
} from './unit-figures';
import { VALUE_COLUMNS } from './value-columns';

type UnitRow = typeof units.$inferSelect;

export interface UnitQueryOptions {
  /** Include ended units (status "avslutad"). */
  includeEnded?: boolean;
  sort?: UnitSort;
  /** Units verified longer ago than this are marked stale. */
  staleAfterDays: number;
  today: string;
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
    service: d.service,
    title: d.title,
    label: d.label,
    description: d.description,
    unit: d.unit,
    favourable: d.favourable,
    source: { id: s.id, name: s.name, attribution: s.attribution },
    isDefault: d.isDefault,
    scale: { min: d.scaleMin, max: d.scaleMax },
    countNoun: d.countNoun,
    cadence: d.cadence,
  }));
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

const huvudmanName = (code: string) =>
  KOMMUNER.find((k) => k.code === code)?.name ?? REGIONER.find((r) => r.code === code)?.name ?? code;

/** Where the unit comes from, in a sentence for the person reading. */
function originNote(row: UnitRow, data: FigureData): string {
  if (row.kind === 'demo')
    return 'Exempeldata: en påhittad utförare i ett påhittat register, inte en verklig uppgift.';
  const owner = huvudmanName(row.huvudman);
  if (row.origin === 'register') return `Ur utförarregistret som ${owner} publicerar.`;
  let round: string | null = null;
  for (const ou of data.surveyUnits.get(row.id) ?? []) {
    const latest = data.latestRound.get(ou.id);
    if (latest && (round === null || latest > round)) round = latest;
  }
  const service = SERVICES[row.service].label.sv.toLowerCase();
  return (
    `En enhet i Socialstyrelsens undersökningar av äldreomsorgen${round ? ` (senast ${round})` : ''}, hämtad via Kolada. ` +
    `${owner} har inte publicerat något utförarregister för ${service}, så regi och kontaktuppgifter saknas.`
  );
}

export function toUnit(
  row: UnitRow,
  indicators: IndicatorValue[],
  data: FigureData,
  options: Pick<UnitQueryOptions, 'staleAfterDays' | 'today'>,
): Unit {
  return {
    id: row.id,
    huvudman: row.huvudman,
    service: row.service,
    name: row.name,
    origin: row.origin,
    originNote: originNote(row, data),
    regi: row.regi,
    organisationsnummer: row.organisationsnummer,
    aliases: row.aliases,
    areas: row.areas,
    scope: row.scope,
    languages: row.languages.map((code) => ({ code, name: languageName(code) })),
    extraServices: row.extraServices,
    acceptsNewClients: row.acceptsNewClients,
    contact: { website: row.website, phone: row.phone, address: row.address },
    hsaId: row.hsaId,
    surveyUnits: data.surveyUnits.get(row.id) ?? [],
    verifiedAt: row.verifiedAt,
    stale: row.verifiedAt !== null && daysBetween(row.verifiedAt, options.today) > options.staleAfterDays,
    status: row.status,
    statusDate: row.statusDate,
    indicators,
  };
}

/**
 * The survey units of each unit: a register unit's kolada_ou (the editor's) or else the OUs the sync
 * linked to it by name; a baseline unit's own OU. Titles are Kolada's as last synced.
 */
async function surveyUnitsOf(
  db: Database,
  rows: readonly UnitRow[],
  links: SQL,
): Promise<Map<string, SurveyUnit[]>> {
  const result = new Map<string, SurveyUnit[]>();
  const live = rows.filter((r) => r.kind === 'live');
  if (live.length === 0) return result;
  const registerOus = live.flatMap((r) => r.koladaOu);
  const [linked, titles] = await Promise.all([
    db
      .select({
        unitId: koladaLinks.unitId,
        ou: koladaLinks.ou,
        title: koladaLinks.ouTitle,
        method: koladaLinks.method,
      })
      .from(koladaLinks)
      .where(links)
      .all(),
    db
      .select({ id: koladaOus.id, title: koladaOus.title })
      .from(koladaOus)
      .where(
        or(
          inArray(koladaOus.id, sql`(SELECT ou FROM kolada_links WHERE ${links})`),
          inArray(koladaOus.id, sql`(SELECT value FROM json_each(${JSON.stringify(registerOus)}))`),
        ),
      )
      .all(),
  ]);
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  for (const link of linked) if (!titleOf.has(link.ou) && link.title) titleOf.set(link.ou, link.title);
  const claimed = new Set(registerOus);
  const linkedTo = new Map<string, SurveyUnit[]>();
  for (const link of linked) {
    if (link.method === 'register' || (link.method === 'name' && claimed.has(link.ou))) continue;
    const list = linkedTo.get(link.unitId) ?? [];
    list.push({ id: link.ou, title: titleOf.get(link.ou) ?? null, linkedBy: link.method });
    linkedTo.set(link.unitId, list);
  }
  for (const row of live) {
    const list =
      row.origin === 'register' && row.koladaOu.length > 0
        ? row.koladaOu.map((id) => ({ id, title: titleOf.get(id) ?? null, linkedBy: 'register' as const }))
        : (linkedTo.get(row.id) ?? []);
    result.set(
      row.id,
      [...list].sort(
        (a, b) => swedishCollator.compare(a.title ?? a.id, b.title ?? b.id) || (a.id < b.id ? -1 : 1),
      ),
    );
  }
  return result;
}

/** OUs whose figures are read in one query: about 2,000 figures, one bound JSON list. */
const OUS_PER_QUERY = 100;

/** The live figures of these OUs, a hundred OUs (about 2,000 figures) per query. */
async function figuresOfOus(
  db: Database,
  ous: readonly string[],
  kpis: readonly string[],
): Promise<ValueRow[]> {
  const rows: ValueRow[] = [];
  for (const slice of chunks(ous, OUS_PER_QUERY)) {
    const part = JSON.stringify(slice);
    rows.push(
      ...(await db
        .select(VALUE_COLUMNS)
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.scope, 'ou'),
            inArray(indicatorValues.subject, sql`(SELECT value FROM json_each(${part}))`),
            inArray(indicatorValues.indicatorId, [...kpis]),
            eq(indicatorValues.kind, 'live'),
          ),
        )
        .all()),
    );
  }
  return rows;
}

/**
 * The figures of a set of units of one service. `scope` says which units, in SQL, so that no query
 * binds a variable per unit: a system (huvudman + service) or one unit. Figures of another kind never
 * mix: a live list never shows demo figures, and vice versa. Units of a service Kolada measures show
 * their survey units' figures; the demo's units and vårdcentraler their own (scope "unit").
 */
async function figureData(
  db: Database,
  rows: readonly UnitRow[],
  definitions: readonly IndicatorDefinition[],
  kind: DatasetKind,
  scope: { units: SQL; links: SQL },
): Promise<FigureData> {
  const surveyUnits = await surveyUnitsOf(db, rows, scope.links);
  const ids = definitions.map((d) => d.id);
  if (rows.length === 0 || ids.length === 0)
    return { values: new Map(), areas: new Map(), surveyUnits, latestRound: new Map() };
  const ous = [...new Set([...surveyUnits.values()].flat().map((su) => su.id))];
  const [unitRows, areaRows] = await Promise.all([
    hasOwnFigures({ kind, service: rows[0]!.service })
      ? db
          .select(VALUE_COLUMNS)
          .from(indicatorValues)
          .where(
            and(
              eq(indicatorValues.scope, 'unit'),
              inArray(indicatorValues.subject, sql`(SELECT id FROM units WHERE ${scope.units})`),
              inArray(indicatorValues.indicatorId, ids),
              eq(indicatorValues.kind, kind),
            ),
          )
          .all()
      : figuresOfOus(db, ous, ids),
    db
      .select(VALUE_COLUMNS)
      .from(indicatorValues)
      .where(
        and(
          inArray(indicatorValues.scope, ['kommun', 'region', 'riket']),
          inArray(indicatorValues.subject, comparisonSubjects(rows.map((r) => r.huvudman))),
          inArray(indicatorValues.indicatorId, comparisonIndicatorIds(definitions)),
          eq(indicatorValues.kind, kind),
        ),
      )
      .all(),
  ]);
  const values = new Map<string, ValueRow[]>();
  const latestRound = new Map<string, string>();
  for (const v of unitRows) {
    const round = latestRound.get(v.subject);
    if (round === undefined || comparePeriods(v.period, round) > 0) latestRound.set(v.subject, v.period);
    const key = `${v.subject}|${v.indicatorId}`;
    const list = values.get(key);
    if (list) list.push(v);
    else values.set(key, [v]);
  }
  const areas = new Map(areaRows.map((v) => [`${v.subject}|${v.indicatorId}|${v.period}`, v]));
  return { values, areas, surveyUnits, latestRound };
}

export interface Shown {
  origin: UnitOrigin;
  kind: DatasetKind;
  basis: DatasetBasis | null;
}

/**
 * Which units a system's list shows, from how many units of each origin and kind it has. The register
 * beats the baseline, the baseline beats the demo, and they never mix: a kommun's register for a
 * service replaces Kolada's survey units there, and real units of either origin replace invented ones.
 */
export function pickShown(
  composition: readonly { origin: UnitOrigin; kind: DatasetKind; n: number }[],
  syncedAt: string | null | undefined,
): Shown {
  const has = (origin: UnitOrigin, kind: DatasetKind) =>
    composition.some((c) => c.origin === origin && c.kind === kind && c.n > 0);
  if (has('register', 'live')) return { origin: 'register', kind: 'live', basis: 'register' };
  if (has('kolada', 'live')) return { origin: 'kolada', kind: 'live', basis: 'kolada' };
  if (has('register', 'demo')) return { origin: 'register', kind: 'demo', basis: 'register' };
  // Nothing to list: synced (Kolada has no survey units here) or not yet.
  return { origin: 'kolada', kind: 'live', basis: syncedAt ? 'kolada' : null };
}

async function shownUnits(db: Database, system: SQL, syncedAt: string | null | undefined): Promise<Shown> {
  const composition = await db
    .select({ origin: units.origin, kind: units.kind, n: count() })
    .from(units)
    .where(system)
    .groupBy(units.origin, units.kind)
    .all();
  return pickShown(composition, syncedAt);
}

/** Rows per query: a libSQL server refuses answers over about 10 MB, and a system may hold 30,000 units. */
const PAGE = 2000;

/** The units a condition selects, read a page at a time (by id), so no answer grows with the system. */
async function unitsWhere(db: Database, where: SQL): Promise<UnitRow[]> {
  const rows: UnitRow[] = [];
  for (;;) {
    const last = rows.at(-1)?.id;
    const page = await db
      .select()
      .from(units)
      .where(last === undefined ? where : and(where, gt(units.id, last)))
      .orderBy(asc(units.id))
      .limit(PAGE)
      .all();
    rows.push(...page);
    if (page.length < PAGE) return rows;
  }
}

/** The comparable list of one choice system, in Swedish alphabetical order unless sorted otherwise. */
export async function loadUnitList(
  db: Database,
  huvudmanCode: string,
  service: Service,
  options: UnitQueryOptions,
): Promise<UnitList> {
  const system = and(eq(units.huvudman, huvudmanCode), eq(units.service, service))!;
  const [dataset, definitions] = await Promise.all([
    db
      .select()
      .from(datasets)
      .where(and(eq(datasets.huvudman, huvudmanCode), eq(datasets.service, service)))
      .get(),
    loadIndicatorDefinitions(db, service),
  ]);
  const shown = await shownUnits(db, system, dataset?.indicatorsSyncedAt);
  const listed = and(system, eq(units.origin, shown.origin), eq(units.kind, shown.kind))!;
  const rows = await unitsWhere(db, options.includeEnded ? listed : and(listed, eq(units.status, 'aktiv'))!);
  const data = await figureData(db, rows, definitions, shown.kind, {
    units: listed,
    links: and(eq(koladaLinks.huvudman, huvudmanCode), sql`${koladaLinks.service} = ${service}`)!,
  });
  const items = rows.map((row) => toUnit(row, indicatorsOf(row, definitions, data), data, options));
  return {
    huvudman: huvudmanCode,
    service,
    dataset: {
      kind: shown.kind,
      basis: shown.basis,
      version: String(dataset?.version ?? 0),
      updatedAt: dataset?.updatedAt ?? null,
    },
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
  const definitions = await loadIndicatorDefinitions(db, row.service);
  const data = await figureData(db, [row], definitions, row.kind, {
    units: eq(units.id, id),
    links: eq(koladaLinks.unitId, id),
  });
  return { unit: toUnit(row, indicatorsOf(row, definitions, data), data, options), datasetKind: row.kind };
}
