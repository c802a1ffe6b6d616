import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BOUND_VALUES_PER_STATEMENT, chunks, rowsPerStatement, rowsPerTable } from '../../api/db/chunks';
import { units } from '../../api/db/schema';

describe('chunks for statements that bind one value per item', () => {
  it('covers every item once, in order, in slices of at most the size', () => {
    const items = Array.from({ length: 1001 }, (_, i) => i);
    const parts = [...chunks(items, 250)];
    expect(parts.map((p) => p.length)).toEqual([250, 250, 250, 250, 1]);
    expect(parts.flat()).toEqual(items);
    expect([...chunks([], 10)]).toEqual([]);
    expect(() => [...chunks(items, 0)]).toThrow(RangeError);
  });

  it('sizes multi-row inserts from one budget of bound values', () => {
    expect(rowsPerStatement(9) * 9).toBeLessThanOrEqual(BOUND_VALUES_PER_STATEMENT);
    expect(rowsPerStatement(10 * BOUND_VALUES_PER_STATEMENT)).toBe(1);
  });

  it('sizes an insert into a table by its columns, so a wide table gets fewer rows per statement', () => {
    const columns = Object.keys(getTableColumns(units)).length;
    expect(columns).toBeGreaterThan(10);
    expect(rowsPerTable(units)).toBe(rowsPerStatement(columns));
    expect(rowsPerTable(units) * columns).toBeLessThanOrEqual(BOUND_VALUES_PER_STATEMENT);
  });
});
