import { and, count, eq, inArray, ne, or } from 'drizzle-orm';
import type { DatasetKind, Service } from '../../shared/domain';
import type { RegisterRow } from '../../shared/register';
import { chunks, IDS_PER_STATEMENT } from '../db/chunks';
import type { Database } from '../db/client';
import { units } from '../db/schema';
import { diffRegister, type ExistingUnit, type RegisterDiff } from './diff';

type Reader = Pick<Database, 'select'>;
type StoredUnit = typeof units.$inferSelect;

/** What importing the rows would do to one choice system (huvudman, tjänst). */
export interface SystemPlan {
  huvudman: string;
  service: Service;
  rows: RegisterRow[];
  /** Demo units a live register removes (they are not history). */
  demoIds: string[];
  /** Units the system keeps stored before the import, ended ones included (demo ones not, for a live import). */
  stored: number;
  /** Of those, the active ones. */
  activeBefore: number;
  diff: RegisterDiff;
  /** The name of every stored unit the diff names by id (changed, ended, unchanged), to show it. */
  names: ReadonlyMap<string, string>;
}

export interface ImportPlan {
  systems: SystemPlan[];
}

/**
 * Decides what an import would do, reading only. What it reads does not grow with a system's ended
 * units: its active units (they end when missing from the file), the ended units the file names again
 * (they come back), the demo units a live register replaces, and a count of everything. A system that
 * has ended 60 000 units costs a 5-row upload as little as one that has ended none.
 */
export async function planImport(
  db: Reader,
  rows: readonly RegisterRow[],
  options: { kind: DatasetKind; today: string },
): Promise<ImportPlan> {
  const groups = groupBy(rows, (row) => systemKey(row.huvudman, row.service));
  const codes = [...new Set(rows.map((r) => r.huvudman))];
  const current = new Map<string, StoredUnit[]>();
  const counts = new Map<string, { total: number; live: number }>();
  for (const batch of chunks(codes, IDS_PER_STATEMENT)) {
    // The register's own units: survey units the sync took from Kolada (origin "kolada") are the sync's to
    // end once a register exists, never the import's (nor do they count towards its guards).
    const inFile = and(inArray(units.huvudman, batch), eq(units.origin, 'register'));
    const found = await db
      .select()
      .from(units)
      .where(and(inFile, or(ne(units.status, 'avslutad'), eq(units.kind, 'demo'))));
    for (const unit of found) push(current, systemKey(unit.huvudman, unit.service), unit);
    const tallies = await db
      .select({ huvudman: units.huvudman, service: units.service, kind: units.kind, n: count() })
      .from(units)
      .where(inFile)
      .groupBy(units.huvudman, units.service, units.kind);
    for (const t of tallies) {
      const key = systemKey(t.huvudman, t.service);
      const tally = counts.get(key) ?? { total: 0, live: 0 };
      tally.total += t.n;
      if (t.kind === 'live') tally.live += t.n;
      counts.set(key, tally);
    }
  }

  const systems: SystemPlan[] = [];
  for (const [key, group] of groups) {
    const [huvudman, service] = key.split('|') as [string, Service];
    const found = current.get(key) ?? [];
    const replacesDemo = options.kind === 'live';
    const demoIds = replacesDemo ? found.filter((u) => u.kind === 'demo').map((u) => u.id) : [];
    const kept = replacesDemo ? found.filter((u) => u.kind !== 'demo') : found;
    const tally = counts.get(key) ?? { total: 0, live: 0 };
    const stored = replacesDemo ? tally.live : tally.total;
    const active = kept.filter((u) => u.status !== 'avslutad');
    // Ended units are read only when the file names them again.
    const ended = stored > active.length ? await endedNamedAgain(db, huvudman, service, group) : [];
    const compared = [...kept, ...ended];
    systems.push({
      huvudman,
      service,
      rows: group,
      demoIds,
      stored,
      activeBefore: active.length,
      diff: diffRegister(compared as ExistingUnit[], group, options.today),
      names: new Map(compared.map((u) => [u.id, u.name])),
    });
  }
  return { systems };
}

async function endedNamedAgain(
  db: Reader,
  huvudman: string,
  service: Service,
  rows: readonly RegisterRow[],
): Promise<StoredUnit[]> {
  const found: StoredUnit[] = [];
  for (const keys of chunks(
    rows.map((r) => r.identityKey),
    IDS_PER_STATEMENT,
  )) {
    found.push(
      ...(await db
        .select()
        .from(units)
        .where(
          and(
            eq(units.huvudman, huvudman),
            eq(units.service, service),
            eq(units.status, 'avslutad'),
            eq(units.kind, 'live'),
            inArray(units.identityKey, keys),
          ),
        )),
    );
  }
  return found;
}

function systemKey(huvudman: string, service: string): string {
  return `${huvudman}|${service}`;
}

function push<T>(groups: Map<string, T[]>, key: string, item: T) {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, [item]);
  else group.push(item);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) push(groups, key(item), item);
  return groups;
}
