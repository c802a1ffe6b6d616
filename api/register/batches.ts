/**
 * Consecutive slices of at most `size` items: one multi-row statement per slice, since a libSQL server
 * pays a round trip per statement and SQLite limits the variables one statement may bind.
 */
export function* inBatches<T>(items: readonly T[], size: number): Generator<T[]> {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`batch size must be a positive integer: ${size}`);
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Rows per multi-row INSERT of units (22 columns each: well under SQLite's 32 766 variables). */
export const UNIT_INSERT_BATCH = 100;
/** Ids per `IN (…)` list. */
export const ID_BATCH = 500;
