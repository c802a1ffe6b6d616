import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { koladaOus } from '../db/schema';
import { jsonList } from './bulk';
import type { ElderlyOu } from './types';

/**
 * Records the kommun's elderly-care OUs as Kolada lists them now: new ones from today, a changed title
 * or service as it now is, and those Kolada no longer lists under the kommun with the time they went.
 * True when anything changed.
 */
export async function recordOus(
  tx: Transaction,
  kommun: string,
  listed: readonly ElderlyOu[],
  nowIso: string,
): Promise<boolean> {
  const ids = listed.map((ou) => ou.id);
  const stored = await tx
    .select()
    .from(koladaOus)
    .where(or(eq(koladaOus.huvudman, kommun), inArray(koladaOus.id, sql`${jsonList(ids)}`)))
    .all();
  const byId = new Map(stored.map((ou) => [ou.id, ou]));
  const upserts = listed.filter((ou) => {
    const before = byId.get(ou.id);
    return (
      !before ||
      before.huvudman !== ou.huvudman ||
      before.service !== ou.service ||
      before.title !== ou.title ||
      before.goneAt !== null
    );
  });
  const listedIds = new Set(ids);
  const gone = stored.filter((ou) => ou.huvudman === kommun && ou.goneAt === null && !listedIds.has(ou.id));
  for (let i = 0; i < upserts.length; i += 200) {
    await tx
      .insert(koladaOus)
      .values(upserts.slice(i, i + 200).map((ou) => ({ ...ou, firstSeenAt: nowIso, goneAt: null })))
      .onConflictDoUpdate({
        target: koladaOus.id,
        set: {
          huvudman: sql.raw('excluded.huvudman'),
          service: sql.raw('excluded.service'),
          title: sql.raw('excluded.title'),
          goneAt: null,
        },
      });
  }
  if (gone.length > 0) {
    await tx
      .update(koladaOus)
      .set({ goneAt: nowIso })
      .where(
        and(
          eq(koladaOus.huvudman, kommun),
          isNull(koladaOus.goneAt),
          inArray(koladaOus.id, sql`${jsonList(gone.map((ou) => ou.id))}`),
        ),
      );
  }
  return upserts.length > 0 || gone.length > 0;
}
