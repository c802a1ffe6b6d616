import { createHash } from 'node:crypto';
import { asc, eq, inArray, max } from 'drizzle-orm';
import { chunks, IDS_PER_STATEMENT } from '../db/chunks';
import type { Database } from '../db/client';
import { changes, datasets, units } from '../db/schema';
import type { StoredUnit } from '../export/register';

/** Reads work on the database or inside a transaction. */
type Reader = Pick<Database, 'select'>;

/** Every stored unit of a huvudman, all kinds and statuses, in a stable order. */
export async function loadHuvudmanUnits(db: Reader, code: string): Promise<StoredUnit[]> {
  return db.select().from(units).where(eq(units.huvudman, code)).orderBy(asc(units.id)).all();
}

/** The current name of each of these units (an id that names none is left out). */
export async function loadUnitNames(db: Reader, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (const part of chunks(unique, IDS_PER_STATEMENT)) {
    const rows = await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(inArray(units.id, part))
      .all();
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}

/**
 * A fingerprint of a huvudman's register: its stored units and its latest recorded change. Any write
 * to it (an import, another editor's publish, a sync's figures) moves it, so "Publicera" can tell that
 * what was reviewed is no longer what would be changed.
 */
export async function registerState(db: Reader, code: string): Promise<string> {
  // One after the other: inside a transaction the statements share one connection.
  const stored = await loadHuvudmanUnits(db, code);
  const latest = await db
    .select({ id: max(changes.id) })
    .from(changes)
    .where(eq(changes.huvudman, code))
    .get();
  return createHash('sha256')
    .update(JSON.stringify([latest?.id ?? 0, stored]))
    .digest('hex');
}

/** Per choice system of the huvudman: what kind of data it holds and when its register last changed. */
export async function loadDatasets(db: Reader, code: string) {
  return db.select().from(datasets).where(eq(datasets.huvudman, code)).orderBy(asc(datasets.service)).all();
}
