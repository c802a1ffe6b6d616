import { getTableColumns, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { changes, indicatorDefinitions, units } from '../../api/db/schema';
import { selectRows } from '../../api/sync/bulk';
import { createTestDb } from './helpers';

describe('selectRows: rows read as one JSON text, decoded as drizzle decodes them', async () => {
  const db = await createTestDb({ demo: true });

  it.each([
    ['units (JSON lists, booleans, nulls)', units],
    ['indicator definitions (reals, booleans)', indicatorDefinitions],
    ['changes (JSON values of any shape)', changes],
  ] as const)('%s: the same rows as a drizzle select', async (_, table) => {
    const expected = await db.select().from(table).all();
    const read = await db.transaction((tx) => selectRows(tx, table, getTableColumns(table), sql`true`));
    expect(expected.length).toBeGreaterThan(0);
    expect(read).toEqual(expected);
  });

  it('only the rows the condition names, and none as an empty list', async () => {
    const some = await db.transaction((tx) =>
      selectRows(tx, units, { id: units.id, huvudman: units.huvudman }, sql`${units.huvudman} = '0581'`),
    );
    expect(some.length).toBeGreaterThan(0);
    expect(new Set(some.map((u) => u.huvudman))).toEqual(new Set(['0581']));
    expect(Object.keys(some[0]!)).toEqual(['id', 'huvudman']);
    const none = await db.transaction((tx) => selectRows(tx, units, { id: units.id }, sql`false`));
    expect(none).toEqual([]);
  });
});
