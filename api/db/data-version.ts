import { eq, sql } from 'drizzle-orm';
import type { Database } from './client';
import { meta } from './schema';

const KEY = 'data_version';
type Writer = Pick<Database, 'insert'>;

/** Every write transaction calls this, so readers can notice a change with one cheap query. */
export async function bumpDataVersion(tx: Writer): Promise<void> {
  await tx
    .insert(meta)
    .values({ key: KEY, value: '1' })
    .onConflictDoUpdate({ target: meta.key, set: { value: sql`CAST(${meta.value} AS INTEGER) + 1` } });
}

export async function readDataVersion(db: Database): Promise<number> {
  const row = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, KEY)).get();
  return row ? Number(row.value) : 0;
}
