import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { units } from '../db/schema';

/** Whether the unit exists and is one of this huvudman's (in any state). */
export async function unitBelongsTo(db: Database, unitId: string, huvudmanCode: string): Promise<boolean> {
  const row = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.huvudman, huvudmanCode)))
    .get();
  return row !== undefined;
}
