/**
 * The items in consecutive slices of at most `size`: for statements that bind one value (or one row)
 * per item (see api/db/chunks.ts), ids per URL segment, kommuner read together.
 */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
