import type { Database } from '../db/client';
import { huvudmanChanges } from '../history/changes';
import { loadUnitNames } from './editor-register';

/** The huvudman's change log, newest first, with each unit's current name. */
export async function loadChangeLog(db: Database, code: string, options: { limit: number; before?: number }) {
  const items = await huvudmanChanges(db, code, options);
  const names = await loadUnitNames(
    db,
    items.map((i) => i.unitId),
  );
  return items.map((item) => ({ ...item, unitName: names.get(item.unitId) ?? null }));
}
