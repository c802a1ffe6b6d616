/**
 * How many values one statement may bind. SQLite allows 32 766 (SQLITE_MAX_VARIABLE_NUMBER since 3.32);
 * we stay far below it so a statement also stays small over HTTP to a libSQL server.
 */
export const BOUND_VALUES_PER_STATEMENT = 2000;

/** Rows per multi-row INSERT for a table of this many columns, within the budget above. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(BOUND_VALUES_PER_STATEMENT / columns));
}

/**
 * The items in consecutive slices of at most `size`, for statements that bind one value (or one row)
 * per item: `for (const part of chunks(rows, rowsPerStatement(9))) await tx.insert(t).values(part)`.
 */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Ids per `IN (…)` list: one bound value each. */
export const IDS_PER_STATEMENT = 500;
