import { type Column, type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { chunks } from '../../shared/chunks';
import { SOURCES } from '../../shared/reference';
import type { Transaction } from '../db/client';
import { indicatorValues } from '../db/schema';
import type { StoredValue } from './plan';
import type { SyncValue } from './types';

/**
 * The sync's bulk reads and writes. A national sync writes hundreds of thousands of figures, so rows
 * travel as one JSON array per statement (SQLite's json_each unpacks it) instead of one bound
 * variable per cell: no statement ever binds more than a handful of variables, however many rows.
 */

/** Rows per statement: large enough that the statement overhead vanishes, small enough for a server's limits. */
const ROWS_PER_STATEMENT = 5000;

/** A list of ids (or any texts) as one bound variable, for `IN (SELECT value FROM json_each(?))`. */
export function jsonList(items: readonly string[]) {
  return sql`(SELECT value FROM json_each(${JSON.stringify(items)}))`;
}

/** A row of the given columns, typed as drizzle types a select of them. */
export type RowOf<C extends Record<string, Column>> = {
  [K in keyof C]: C[K]['_']['notNull'] extends true ? C[K]['_']['data'] : C[K]['_']['data'] | null;
};

/**
 * The given columns of a table's rows, read in one query whose answer is one JSON list per column:
 * libSQL's row objects cost tens of microseconds a row, which a national sync would pay for half a
 * million figures and every kommun's units, links and OUs, and lists of plain values are cheaper to
 * build and to parse than a list per row. One list per column, in the order given, a row's values
 * at the same index in each.
 */
async function columnLists(tx: Transaction, table: SQLiteTable, columns: readonly Column[], where: SQL) {
  const row = await tx.get<Record<string, string | null>>(sql`
    SELECT ${sql.join(
      columns.map((column, i) => sql`json_group_array(${column}) AS ${sql.identifier(`c${i}`)}`),
      sql`, `,
    )}
    FROM ${table} WHERE ${where}`);
  return columns.map((_, i) => JSON.parse(row?.[`c${i}`] ?? '[]') as unknown[]);
}

/**
 * The rows of a table as a drizzle select of the same columns gives them (each value decoded by its
 * column: JSON columns parsed, booleans as booleans), read as columnLists reads them.
 */
export async function selectRows<C extends Record<string, Column>>(
  tx: Transaction,
  table: SQLiteTable,
  columns: C,
  where: SQL,
): Promise<RowOf<C>[]> {
  const entries = Object.entries(columns);
  const lists = await columnLists(
    tx,
    table,
    entries.map(([, column]) => column),
    where,
  );
  const rows: RowOf<C>[] = new Array(lists[0]?.length ?? 0);
  for (let r = 0; r < rows.length; r++) {
    const decoded: Record<string, unknown> = {};
    for (let i = 0; i < entries.length; i++) {
      const [name, column] = entries[i]!;
      const value = lists[i]![r];
      decoded[name] = value === null ? null : column.mapFromDriverValue(value);
    }
    rows[r] = decoded as RowOf<C>;
  }
  return rows;
}

/**
 * The stored figures of the given scope and subjects (and KPIs). Half a million of them in a national
 * sync, so they are built by a loop of their own: their columns need no decoding, and selectRows's
 * decoding of four million values cost an unchanged national run about a fifth of its speed.
 */
export async function readValues(
  tx: Transaction,
  where: { scope: SyncValue['scope']; subjects: readonly string[]; kpis: readonly string[] },
): Promise<StoredValue[]> {
  if (where.subjects.length === 0 || where.kpis.length === 0) return [];
  const v = indicatorValues;
  const [subject, indicatorId, period, value, respondents, status, publishedAt, kind] = (await columnLists(
    tx,
    v,
    [v.subject, v.indicatorId, v.period, v.value, v.respondents, v.status, v.publishedAt, v.kind],
    sql`${v.scope} = ${where.scope} AND ${v.subject} IN ${jsonList(where.subjects)} AND ${v.indicatorId} IN ${jsonList(where.kpis)}`,
  )) as [
    string[],
    string[],
    string[],
    (number | null)[],
    (number | null)[],
    (string | null)[],
    (string | null)[],
    StoredValue['kind'][],
  ];
  const { scope } = where;
  const values: StoredValue[] = new Array(subject.length);
  for (let i = 0; i < subject.length; i++) {
    // The same property order as the incoming figures', so comparing the two stays monomorphic.
    values[i] = {
      indicatorId: indicatorId[i]!,
      scope,
      subject: subject[i]!,
      period: period[i]!,
      value: value[i]!,
      respondents: respondents[i]!,
      status: status[i]!,
      publishedAt: publishedAt[i]!,
      kind: kind[i]!,
    };
  }
  return values;
}

/** Upserts figures as live Kolada figures, fetched now. */
export async function upsertValues(tx: Transaction, values: readonly SyncValue[], fetchedAt: string) {
  const source = SOURCES.kolada.id;
  for (const slice of chunks(values, ROWS_PER_STATEMENT)) {
    const json = JSON.stringify(
      slice.map((v) => [
        v.scope,
        v.subject,
        v.indicatorId,
        v.period,
        v.value,
        v.respondents,
        v.status,
        v.publishedAt,
      ]),
    );
    await tx.run(sql`
      INSERT INTO indicator_values
        (scope, subject, indicator_id, period, value, respondents, status, published_at, kind, source_id, fetched_at)
      SELECT j.value->>0, j.value->>1, j.value->>2, j.value->>3, j.value->>4, j.value->>5, j.value->>6,
             j.value->>7, 'live', ${source}, ${fetchedAt}
      FROM json_each(${json}) j WHERE true
      ON CONFLICT (scope, subject, indicator_id, period) DO UPDATE SET
        value = excluded.value, respondents = excluded.respondents, status = excluded.status,
        published_at = excluded.published_at, kind = excluded.kind, source_id = excluded.source_id,
        fetched_at = excluded.fetched_at`);
  }
}

/** Deletes figures by their key. */
export async function deleteValues(
  tx: Transaction,
  values: readonly Pick<SyncValue, 'scope' | 'subject' | 'indicatorId' | 'period'>[],
) {
  for (const slice of chunks(values, ROWS_PER_STATEMENT)) {
    const json = JSON.stringify(slice.map((v) => [v.scope, v.subject, v.indicatorId, v.period]));
    await tx.run(sql`
      DELETE FROM indicator_values
      WHERE (scope, subject, indicator_id, period) IN
        (SELECT j.value->>0, j.value->>1, j.value->>2, j.value->>3 FROM json_each(${json}) j)`);
  }
}

/** One row of the public change history, as api/history/changes.ts stores them. */
export interface ChangeRow {
  unitId: string;
  huvudman: string;
  service: string;
  kind: 'added' | 'changed' | 'ended' | 'indicator';
  field: string;
  from: unknown;
  to: unknown;
}

/** Appends history rows, in order; old and new values are stored as JSON, null as SQL NULL. */
export async function insertChanges(tx: Transaction, rows: readonly ChangeRow[], actor: string, at: string) {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  for (const slice of chunks(rows, ROWS_PER_STATEMENT)) {
    const payload = JSON.stringify(
      slice.map((r) => [r.unitId, r.huvudman, r.service, r.kind, r.field, json(r.from), json(r.to)]),
    );
    await tx.run(sql`
      INSERT INTO changes (at, actor, unit_id, huvudman, service, kind, field, old_value, new_value)
      SELECT ${at}, ${actor}, j.value->>0, j.value->>1, j.value->>2, j.value->>3, j.value->>4,
             j.value->>5, j.value->>6
      FROM json_each(${payload}) j ORDER BY j.key`);
  }
}
