import { getTableColumns, type Table } from 'drizzle-orm';
/**
 * How many values one statement may bind. SQLite allows 32 766 (SQLITE_MAX_VARIABLE_NUMBER since 3.32);
 * we stay far below it so a statement also stays small over HTTP to a libSQL server.
 */
export const BOUND_VALUES_PER_STATEMENT = 2000;

/** Rows per multi-row INSERT for a table of this many columns, within the budget above. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(BOUND_VALUES_PER_STATEMENT / columns));
}

/** Rows per multi-row INSERT into this table, which binds a value for each of its columns. */
export function rowsPerTable(table: Table): number {
  return rowsPerStatement(Object.keys(getTableColumns(table)).length);
}

/** `for (const part of chunks(rows, rowsPerStatement(9))) await tx.insert(t).values(part)` */
export { chunks } from '../../shared/chunks';

/** Ids per `IN (…)` list: one bound value each. */
export const IDS_PER_STATEMENT = 500;
