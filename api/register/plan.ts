import { inArray } from 'drizzle-orm';
import type { DatasetKind } from '../../shared/domain';
import type { RegisterRow } from '../../shared/register';
import type { Database } from '../db/client';
import { units } from '../db/schema';
import { ID_BATCH, inBatches } from './batches';
import { diffRegister, type ExistingUnit, type RegisterDiff } from './diff';

type Reader = Pick<Database, 'select'>;
type StoredUnit = typeof units.$inferSelect;

/** What importing the rows would do to one choice system (huvudman, tjänst). */
export interface SystemPlan {
  huvudman: string;
  service: string;
  rows: RegisterRow[];
  /** Demo units a live register removes (they are not history). */
  demoIds: string[];
  /** Live units stored before the import, ended ones included. */
  stored: number;
  /** Of those, the active ones. */
  activeBefore: number;
  diff: RegisterDiff;
}

export interface ImportPlan {
  systems: SystemPlan[];
}

/**
 * Decides what an import would do, reading only: for each system in the rows, its stored units against
 * the rows' list. Linear in stored units and rows (each stored unit is looked at once).
 */
export async function planImport(
  db: Reader,
  rows: readonly RegisterRow[],
  options: { kind: DatasetKind; today: string },
): Promise<ImportPlan> {
  const groups = groupBy(rows, (row) => systemKey(row.huvudman, row.service));
  const codes = [...new Set(rows.map((r) => r.huvudman))];
  const stored = new Map<string, StoredUnit[]>();
  for (const batch of inBatches(codes, ID_BATCH)) {
    for (const unit of await db.select().from(units).where(inArray(units.huvudman, batch))) {
      const key = systemKey(unit.huvudman, unit.service);
      if (!groups.has(key)) continue;
      let list = stored.get(key);
      if (list === undefined) stored.set(key, (list = []));
      list.push(unit);
    }
  }

  const systems: SystemPlan[] = [];
  for (const [key, group] of groups) {
    const [huvudman, service] = key.split('|') as [string, string];
    const all = stored.get(key) ?? [];
    const replacesDemo = options.kind === 'live';
    const demoIds = replacesDemo ? all.filter((u) => u.kind === 'demo').map((u) => u.id) : [];
    const kept = replacesDemo ? all.filter((u) => u.kind !== 'demo') : all;
    systems.push({
      huvudman,
      service,
      rows: group,
      demoIds,
      stored: kept.length,
      activeBefore: kept.filter((u) => u.status !== 'avslutad').length,
      diff: diffRegister(kept as ExistingUnit[], group, options.today),
    });
  }
  return { systems };
}

function systemKey(huvudman: string, service: string): string {
  return `${huvudman}|${service}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let group = groups.get(k);
    if (group === undefined) groups.set(k, (group = []));
    group.push(item);
  }
  return groups;
}
