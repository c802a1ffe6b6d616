import { inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { units } from '../db/schema';
import { huvudmanChanges } from '../history/changes';

/** The huvudman's change log, newest first, with each unit's current name. */
export async function loadChangeLog(db: Database, code: string, options: { limit: number; before?: number }) {
  const items = await huvudmanChanges(db, code, options);
  const ids = [...new Set(items.map((i) => i.unitId))];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(inArray(units.id, ids.slice(i, i + 500)))
      .all();
    for (const row of rows) names.set(row.id, row.name);
  }
  return items.map((item) => ({ ...item, unitName: names.get(item.unitId) ?? null }));
}
