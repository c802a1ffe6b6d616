import { and, eq, inArray, sql } from 'drizzle-orm';
import { KOLADA_RIKET, type Service } from '../../shared/domain';
import { type FigureRow, type FigureSet, RIKET } from '../../shared/figures';
import { figureSetKey } from '../../shared/figures/keys';
import { VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';
import { problem, type RegisterProblem } from '../../shared/register/problem';
import type { Database } from '../db/client';
import { indicatorValues, units } from '../db/schema';
import { areaSubject } from '../queries/unit-figures';
import { VALUE_COLUMNS } from '../queries/value-columns';
import { riketCopySubject } from './subjects';

type Reader = Pick<Database, 'select'>;
export type StoredFigure = typeof indicatorValues.$inferSelect;
/** The stored fields a figures file sets; the rest (kind, fetchedAt) follow from the import. */
export type FigureValue = Omit<StoredFigure, 'kind' | 'fetchedAt'>;

/** One figure whose stored value differs from the file's. */
export interface FigureChange {
  set: FigureSet;
  /** The unit the figure is of, or null for a comparison figure. */
  unitId: string | null;
  before: FigureValue | null;
  after: FigureValue | null;
}

export interface SetSummary {
  huvudman: string;
  service: Service;
  indicatorId: string;
  period: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface FigurePlan {
  sets: SetSummary[];
  added: FigureChange[];
  changed: FigureChange[];
  removed: FigureChange[];
  unchanged: number;
  /** The choice systems (huvudman, service) whose figures change. */
  systems: { huvudman: string; service: Service }[];
}

export type PlanResult = { ok: true; plan: FigurePlan } | { ok: false; problems: RegisterProblem[] };

export interface PlanOptions {
  /**
   * The huvudman whose copy the file's national (`riket`) figures are (see subjects.ts): the editor
   * token's huvudman. Null: the figures are the national figure itself, shown beside every huvudman's
   * units (only the operator's CLI, with a file of nothing but national figures).
   */
  riketOwner: string | null;
}

type UnitRow = Pick<
  typeof units.$inferSelect,
  'id' | 'huvudman' | 'service' | 'hsaId' | 'registerId' | 'koladaOu' | 'kind' | 'status'
>;

const SOURCE_OF = new Map(VARDCENTRAL_INDICATORS.map((i) => [i.id, i.source.id]));

/** Where a row of the file is stored: its scope and subject. */
function subjectOf(row: FigureRow, unitId: string | null, riketOwner: string | null) {
  if (row.scope === 'unit') return { scope: 'unit' as const, subject: unitId! };
  if (row.scope === 'riket')
    return {
      scope: 'riket' as const,
      subject: riketOwner === null ? KOLADA_RIKET : riketCopySubject(riketOwner),
    };
  return { scope: row.scope, subject: areaSubject(row.huvudman) };
}

/**
 * Resolves each unit row to a unit of the register (by HSA id, Kolada OU id or register id), refusing a
 * unit that is not there, that is another huvudman's, or that is only the demo's; then compares the file
 * with what is stored for the sets it contains. Reads only; the import writes the plan.
 */
export async function planFigureImport(
  db: Reader,
  rows: readonly FigureRow[],
  sets: readonly FigureSet[],
  options: PlanOptions,
): Promise<PlanResult> {
  const services = [...new Set(rows.map((r) => r.service))];
  const registered: UnitRow[] =
    services.length === 0
      ? []
      : await db
          .select({
            id: units.id,
            huvudman: units.huvudman,
            service: units.service,
            hsaId: units.hsaId,
            registerId: units.registerId,
            koladaOu: units.koladaOu,
            kind: units.kind,
            status: units.status,
          })
          .from(units)
          .where(and(inArray(units.service, services), eq(units.origin, 'register')))
          .all();
  const resolved = resolveUnits(rows, registered);
  if (resolved.problems.length > 0) return { ok: false, problems: resolved.problems };

  const incoming = new Map<string, { set: FigureSet; unitId: string | null; value: FigureValue }>();
  const setByKey = new Map(sets.map((s) => [s.key, s]));
  for (const row of rows) {
    const unitId = resolved.unitOf.get(row.line) ?? null;
    const { scope, subject } = subjectOf(row, unitId, options.riketOwner);
    const value: FigureValue = {
      indicatorId: row.indicatorId,
      scope,
      subject,
      period: row.period,
      value: row.value,
      respondents: row.count,
      status: null,
      sourceId: SOURCE_OF.get(row.indicatorId) ?? 'npe',
      publishedAt: row.publishedAt,
      sourceName: row.source.name,
      sourceUrl: row.source.url,
      ciLow: row.confidenceInterval?.low ?? null,
      ciHigh: row.confidenceInterval?.high ?? null,
    };
    incoming.set(storedKey(value), { set: setByKey.get(row.setKey)!, unitId, value });
  }

  const stored = await storedFigures(db, sets, options.riketOwner);
  const plan: FigurePlan = { sets: [], added: [], changed: [], removed: [], unchanged: 0, systems: [] };
  const counts = new Map<string, SetSummary>(
    sets.map((s) => [
      s.key,
      {
        huvudman: s.huvudman,
        service: s.service,
        indicatorId: s.indicatorId,
        period: s.period,
        added: 0,
        changed: 0,
        removed: 0,
        unchanged: 0,
      },
    ]),
  );
  const storedByKey = new Map(stored.map((s) => [storedKey(s.value), s]));
  for (const [key, { set, unitId, value }] of incoming) {
    const before = storedByKey.get(key)?.value ?? null;
    const summary = counts.get(set.key)!;
    if (before === null) {
      plan.added.push({ set, unitId, before: null, after: value });
      summary.added++;
    } else if (sameFigure(before, value)) {
      plan.unchanged++;
      summary.unchanged++;
    } else {
      plan.changed.push({ set, unitId, before, after: value });
      summary.changed++;
    }
  }
  for (const [key, { set, unitId, value }] of storedByKey) {
    if (incoming.has(key)) continue;
    plan.removed.push({ set, unitId, before: value, after: null });
    counts.get(set.key)!.removed++;
  }
  plan.sets = [...counts.values()];
  const systems = new Map<string, { huvudman: string; service: Service }>();
  for (const change of [...plan.added, ...plan.changed, ...plan.removed]) {
    const huvudman = change.set.huvudman === RIKET ? options.riketOwner : change.set.huvudman;
    if (huvudman !== null)
      systems.set(`${huvudman}|${change.set.service}`, { huvudman, service: change.set.service });
  }
  plan.systems = [...systems.values()];
  return { ok: true, plan };
}

function storedKey(v: Pick<FigureValue, 'scope' | 'subject' | 'indicatorId' | 'period'>): string {
  return `${v.scope}|${v.subject}|${v.indicatorId}|${v.period}`;
}

const FIELDS = [
  'value',
  'respondents',
  'status',
  'sourceId',
  'publishedAt',
  'sourceName',
  'sourceUrl',
  'ciLow',
  'ciHigh',
] as const satisfies readonly (keyof FigureValue)[];

function sameFigure(a: FigureValue, b: FigureValue): boolean {
  return FIELDS.every((field) => a[field] === b[field]);
}

/**
 * The unit of each unit row, by line. A key matches a unit of the same service in any huvudman's
 * register, so a unit of another huvudman is named as such rather than as unknown.
 */
function resolveUnits(
  rows: readonly FigureRow[],
  registered: readonly UnitRow[],
): { unitOf: Map<number, string>; problems: RegisterProblem[] } {
  const index = new Map<string, UnitRow[]>();
  const add = (key: string, unit: UnitRow) => index.set(key, [...(index.get(key) ?? []), unit]);
  for (const unit of registered) {
    if (unit.hsaId) add(`${unit.service}|hsa|${unit.hsaId.toUpperCase()}`, unit);
    if (unit.registerId) add(`${unit.service}|register_id|${unit.registerId}`, unit);
    for (const ou of unit.koladaOu) add(`${unit.service}|kolada_ou|${ou.toUpperCase()}`, unit);
  }
  const unitOf = new Map<number, string>();
  const problems: RegisterProblem[] = [];
  const NAMES = { hsa: 'HSA-id', kolada_ou: 'Kolada-id', register_id: 'id' } as const;
  for (const row of rows) {
    if (row.unit === null) continue;
    const field = { hsa: 'hsa_id', kolada_ou: 'kolada_ou', register_id: 'id' }[row.unit.kind];
    const matches = index.get(`${row.service}|${row.unit.kind}|${row.unit.id}`) ?? [];
    // An ended unit may share its id with the unit that took its place: the active one is meant.
    const ownAll = matches.filter((u) => u.huvudman === row.huvudman);
    const active = ownAll.filter((u) => u.status === 'aktiv');
    const own = active.length > 0 ? active : ownAll;
    const report = (message: string) => problems.push(problem(row.line, 'enhet', message, row.unit!.id));
    if (own.length === 0 && matches.length > 0) {
      const others = [...new Set(matches.map((u) => u.huvudman))].join(', ');
      report(
        `enheten med ${NAMES[row.unit.kind]} ${row.unit.id} hör till huvudman ${others}, inte ${row.huvudman}: ` +
          'en huvudman läser bara in siffror för sina egna enheter',
      );
    } else if (own.length === 0) {
      report(
        `ingen enhet i registret för ${row.huvudman} (${row.service}) har ${field} ${row.unit.id}; ` +
          'läs in registret med enheten först, eller rätta id:t',
      );
    } else if (own.length > 1) {
      report(
        `${own.length} enheter i registret för ${row.huvudman} har ${field} ${row.unit.id}; ` +
          'ange enheten med ett id som bara en enhet har (HSA-id eller registrets id)',
      );
    } else if (own[0]!.kind !== 'live') {
      report(
        `enheten med ${NAMES[row.unit.kind]} ${row.unit.id} finns bara i exempeldata; ` +
          'läs in huvudmannens riktiga register först',
      );
    } else {
      unitOf.set(row.line, own[0]!.id);
    }
  }
  return { unitOf, problems };
}

/**
 * What is stored now for the file's sets, each figure with its set: the units' figures of the set's
 * (huvudman, service), the huvudman's area figure, or the national figure (the owner's copy, or the
 * country's own for the operator). Only a figures file's rows: Kolada's are stored under KPI ids, which
 * are never a catalogue id, and only live figures.
 */
async function storedFigures(
  db: Reader,
  sets: readonly FigureSet[],
  riketOwner: string | null,
): Promise<{ set: FigureSet; unitId: string | null; value: FigureValue }[]> {
  const out: { set: FigureSet; unitId: string | null; value: FigureValue }[] = [];
  const bySystem = new Map<string, FigureSet[]>();
  for (const set of sets) {
    const key = `${set.huvudman}|${set.service}`;
    bySystem.set(key, [...(bySystem.get(key) ?? []), set]);
  }
  const columns = VALUE_COLUMNS;
  for (const system of bySystem.values()) {
    const { huvudman, service } = system[0]!;
    const ids = [...new Set(system.map((s) => s.indicatorId))];
    const wanted = new Map(system.map((s) => [figureSetKey(s), s]));
    const match = (rows: FigureValue[], unitOf: (row: FigureValue) => string | null) => {
      for (const row of rows) {
        const set = wanted.get(
          figureSetKey({ huvudman, service, indicatorId: row.indicatorId, period: row.period }),
        );
        if (set) out.push({ set, unitId: unitOf(row), value: row });
      }
    };
    if (huvudman === RIKET) {
      const subject = riketOwner === null ? KOLADA_RIKET : riketCopySubject(riketOwner);
      const rows = await db
        .select(columns)
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.scope, 'riket'),
            eq(indicatorValues.subject, subject),
            inArray(indicatorValues.indicatorId, ids),
            eq(indicatorValues.kind, 'live'),
          ),
        )
        .all();
      match(rows, () => null);
      continue;
    }
    const [unitRows, areaRows] = await Promise.all([
      db
        .select(columns)
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.scope, 'unit'),
            inArray(
              indicatorValues.subject,
              sql`(SELECT id FROM units WHERE huvudman = ${huvudman} AND service = ${service})`,
            ),
            inArray(indicatorValues.indicatorId, ids),
            eq(indicatorValues.kind, 'live'),
          ),
        )
        .all(),
      db
        .select(columns)
        .from(indicatorValues)
        .where(
          and(
            inArray(indicatorValues.scope, ['kommun', 'region']),
            eq(indicatorValues.subject, areaSubject(huvudman)),
            inArray(indicatorValues.indicatorId, ids),
            eq(indicatorValues.kind, 'live'),
          ),
        )
        .all(),
    ]);
    match(unitRows, (row) => row.subject);
    match(areaRows, () => null);
  }
  return out;
}
