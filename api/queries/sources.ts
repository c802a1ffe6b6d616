import { asc } from 'drizzle-orm';
import type { Database } from '../db/client';
import { sources } from '../db/schema';

/** Every source with its licence and the attribution to show, by id. */
export function listSources(db: Database) {
  return db.select().from(sources).orderBy(asc(sources.id)).all();
}
