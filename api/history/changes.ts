import { and, desc, eq, lt } from 'drizzle-orm';
import type { HistoryEntry, HuvudmanHistoryEntry, Service, UnitChange } from '../../shared/domain';
import { chunks, rowsPerStatement } from '../db/chunks';
import type { Database } from '../db/client';
import { changes, units } from '../db/schema';

export type { UnitChange } from '../../shared/domain';

type Writer = Pick<Database, 'insert'>;

/** Values bound per row of `changes` (every column but the generated id). */
const CHANGE_COLUMNS = 9;

/** Writes the change history of one transaction. Call it inside that transaction. */
export async function recordChanges(tx: Writer, list: readonly UnitChange[], actor: string, at: string) {
  const rows = list.flatMap((change) =>
    change.kind === 'added'
      ? [
          {
            at,
            actor,
            unitId: change.unitId,
            huvudman: change.huvudman,
            service: change.service,
            kind: change.kind,
            field: 'unit',
            oldValue: null,
            newValue: Object.fromEntries(change.changes.map((c) => [c.field, c.to])),
          },
        ]
      : change.changes.map((c) => ({
          at,
          actor,
          unitId: change.unitId,
          huvudman: change.huvudman,
          service: change.service,
          kind: change.kind,
          field: c.field,
          oldValue: c.from ?? null,
          newValue: c.to ?? null,
        })),
  );
  for (const part of chunks(rows, rowsPerStatement(CHANGE_COLUMNS))) await tx.insert(changes).values(part);
}

function present(row: typeof changes.$inferSelect): HistoryEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    unitId: row.unitId,
    kind: row.kind,
    field: row.field,
    from: row.oldValue,
    to: row.newValue,
  };
}

/** A unit's history, newest first; null when no unit has the id. */
export async function unitHistory(db: Database, unitId: string, limit = 200): Promise<HistoryEntry[] | null> {
  const unit = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId)).get();
  if (!unit) return null;
  const rows = await db
    .select()
    .from(changes)
    .where(eq(changes.unitId, unitId))
    .orderBy(desc(changes.id))
    .limit(limit)
    .all();
  return rows.map(present);
}

/** Newest first; pass the last id seen as `before` for the next page. */
export async function huvudmanChanges(
  db: Database,
  huvudmanCode: string,
  options: { limit: number; before?: number },
): Promise<HuvudmanHistoryEntry[]> {
  const rows = await db
    .select()
    .from(changes)
    .where(
      and(eq(changes.huvudman, huvudmanCode), options.before ? lt(changes.id, options.before) : undefined),
    )
    .orderBy(desc(changes.id))
    .limit(options.limit)
    .all();
  return rows.map((row) => ({ ...present(row), service: row.service as Service }));
}
