import { type Column, type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { chunks } from '../../shared/chunks';
import { SOURCES } from '../../shared/reference';
import type { Transaction } from '../db/client';
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
 * The rows of a table, as a drizzle select of the same columns gives them, read in one query whose
 * answer is one JSON text: libSQL's row objects cost tens of microseconds a row, which a national
 * sync would pay for every kommun's units, links and OUs. Each value is decoded by its column, as
 * drizzle decodes it (JSON columns parsed, booleans as booleans).
 */
export async function selectRows<C extends Record<string, Column>>(
  tx: Transaction,
  table: SQLiteTable,
  columns: C,
  where: SQL,
): Promise<RowOf<C>[]> {
  const entries = Object.entries(columns);
  const row = await tx.get<{ rows: string | null }>(sql`
    SELECT json_group_array(json_array(${sql.join(
      entries.map(([, column]) => column),
      sql`, `,
    )})) AS rows
    FROM ${table} WHERE ${where}`);
  const tuples = JSON.parse(row?.rows ?? '[]') as unknown[][];
  return tuples.map((tuple) => {
    const decoded: Record<string, unknown> = {};
    for (let i = 0; i < entries.length; i++) {
      const [name, column] = entries[i]!;
      const value = tuple[i];
      decoded[name] = value === null ? null : column.mapFromDriverValue(value);
    }
    return decoded as RowOf<C>;
  });
}

/**
 * The stored figures of the given scope and subjects (and KPIs), in one query whose answer is one
 * JSON list per column: reading row objects one by one costs several times more for a whole kommun,
 * and lists of plain values are cheaper to build and to parse than one list per row.
 */
export async function readValues(
  tx: Transaction,
  where: { scope: SyncValue['scope']; subjects: readonly string[]; kpis: readonly string[] },
): Promise<StoredValue[]> {
  if (where.subjects.length === 0 || where.kpis.length === 0) return [];
  const row = await tx.get<Record<keyof typeof COLUMNS, string | null>>(sql`
    SELECT ${sql.raw(
      Object.entries(COLUMNS)
        .map(([name, column]) => `json_group_array(${column}) AS ${name}`)
        .join(', '),
    )}
    FROM indicator_values
    WHERE scope = ${where.scope}
      AND subject IN ${jsonList(where.subjects)}
      AND indicator_id IN ${jsonList(where.kpis)}`);
  const column = <T>(name: keyof typeof COLUMNS) => JSON.parse(row?.[name] ?? '[]') as T[];
  const subject = column<string>('subject');
  const indicatorId = column<string>('indicatorId');
  const period = column<string>('period');
  const value = column<number | null>('value');
  const respondents = column<number | null>('respondents');
  const status = column<string | null>('status');
  const publishedAt = column<string | null>('publishedAt');
  const kind = column<'demo' | 'live'>('kind');
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

/** The columns readValues reads, by the name it gives each. */
const COLUMNS = {
  subject: 'subject',
  indicatorId: 'indicator_id',
  period: 'period',
  value: 'value',
  respondents: 'respondents',
  status: 'status',
  publishedAt: 'published_at',
  kind: 'kind',
} as const;

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
