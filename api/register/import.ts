import { eq, inArray, sql } from 'drizzle-orm';
import type { DatasetKind, Service } from '../../shared/domain';
import { parseRegister, type RegisterProblem, type RegisterRow, todayInSweden } from '../../shared/register';
import type { Database } from '../db/client';
import { bumpDataVersion } from '../db/data-version';
import { datasets, indicatorValues, units } from '../db/schema';
import { recordChanges } from '../history/changes';
import { diffRegister, type ExistingUnit, type FieldChange } from './diff';
import { unitId } from './unit-id';

const sqlIncrement = sql`${datasets.version} + 1`;

export interface SystemSummary {
  huvudman: string;
  service: string;
  added: number;
  changed: number;
  ended: number;
  unchanged: number;
}

export interface ImportSummary {
  added: number;
  changed: number;
  ended: number;
  unchanged: number;
  systems: SystemSummary[];
  /** Every field that changed, for the change history. */
  changes: {
    unitId: string;
    huvudman: string;
    service: string;
    kind: 'added' | 'changed' | 'ended';
    changes: FieldChange[];
  }[];
}

export interface ImportOptions {
  /** Who made the change: "cli", a token's name, "demo". */
  actor?: string;
  now?: Date;
  /** "demo" only for the built-in demo dataset. */
  kind?: DatasetKind;
  /** Called inside the transaction with the summary, e.g. to record the change history. */
  onCommit?: (tx: Transaction, summary: ImportSummary, actor: string, now: string) => Promise<void>;
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: RegisterProblem[] };

/** Validates a register file (CSV or JSON) completely, then imports it all-or-nothing. */
export async function importRegister(
  db: Database,
  input: string | Uint8Array,
  options: ImportOptions & { format?: 'csv' | 'json' } = {},
): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const parsed = parseRegister(input, { format: options.format, today: todayInSweden(now) });
  if (!parsed.ok) return parsed;
  return { ok: true, summary: await importRegisterRows(db, parsed.rows, { ...options, now }) };
}

function groupBySystem(rows: readonly RegisterRow[]): Map<string, RegisterRow[]> {
  const groups = new Map<string, RegisterRow[]>();
  for (const row of rows) {
    const key = `${row.huvudman}|${row.service}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return groups;
}

/**
 * Imports validated rows in one transaction. Each (huvudman, service) present in the rows is
 * replaced by the rows' list: new units are added, changed ones updated, absent ones ended.
 * Re-importing the same rows changes nothing (not even the dataset version).
 */
export async function importRegisterRows(
  db: Database,
  rows: readonly RegisterRow[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const kind = options.kind ?? 'live';
  const actor = options.actor ?? 'cli';
  const nowIso = (options.now ?? new Date()).toISOString();
  const today = todayInSweden(options.now ?? new Date());
  const summary: ImportSummary = { added: 0, changed: 0, ended: 0, unchanged: 0, systems: [], changes: [] };

  await db.transaction(async (tx) => {
    const groups = groupBySystem(rows);
    // Every stored unit of the file's huvudmän in one query, not one per system.
    const storedBySystem = new Map<string, (typeof units.$inferSelect)[]>();
    const codes = [...new Set(rows.map((r) => r.huvudman))];
    for (let i = 0; i < codes.length; i += 500) {
      for (const unit of await tx
        .select()
        .from(units)
        .where(inArray(units.huvudman, codes.slice(i, i + 500)))) {
        const key = `${unit.huvudman}|${unit.service}`;
        storedBySystem.set(key, [...(storedBySystem.get(key) ?? []), unit]);
      }
    }
    for (const [key, group] of groups) {
      const [huvudmanCode, service] = key.split('|') as [string, Service];
      let stored = storedBySystem.get(key) ?? [];

      // A real register replaces the demo data of its system entirely: demo rows are not history.
      const demo = stored.filter((u) => u.kind === 'demo');
      if (kind === 'live' && demo.length > 0) {
        const ids = demo.map((u) => u.id);
        await tx.delete(indicatorValues).where(inArray(indicatorValues.subject, ids));
        await tx.delete(units).where(inArray(units.id, ids));
        stored = stored.filter((u) => u.kind !== 'demo');
      }

      const diff = diffRegister(stored as ExistingUnit[], group, today);
      // One multi-row insert per 100 new units: a libSQL server pays a round trip per statement.
      const added = diff.added.map(({ identityKey, fields }) => ({
        id: unitId(huvudmanCode, service, identityKey),
        huvudman: huvudmanCode,
        service,
        identityKey,
        ...fields,
        kind,
        createdAt: nowIso,
        updatedAt: nowIso,
      }));
      for (let i = 0; i < added.length; i += 100) await tx.insert(units).values(added.slice(i, i + 100));
      for (const [i, { fields }] of diff.added.entries()) {
        summary.changes.push({
          unitId: added[i]!.id,
          huvudman: huvudmanCode,
          service,
          kind: 'added',
          changes: Object.entries(fields).map(([field, to]) => ({ field, from: null, to }) as FieldChange),
        });
      }
      for (const [list, label] of [
        [diff.changed, 'changed'],
        [diff.ended, 'ended'],
      ] as const) {
        for (const { id, changes } of list) {
          const set = Object.fromEntries(changes.map((c) => [c.field, c.to]));
          await tx
            .update(units)
            .set({ ...set, updatedAt: nowIso })
            .where(eq(units.id, id));
          summary.changes.push({ unitId: id, huvudman: huvudmanCode, service, kind: label, changes });
        }
      }

      const counts = {
        added: diff.added.length,
        changed: diff.changed.length,
        ended: diff.ended.length,
        unchanged: diff.unchanged.length,
      };
      summary.systems.push({ huvudman: huvudmanCode, service, ...counts });
      summary.added += counts.added;
      summary.changed += counts.changed;
      summary.ended += counts.ended;
      summary.unchanged += counts.unchanged;

      if (counts.added + counts.changed + counts.ended > 0 || demo.length > 0) {
        await tx
          .insert(datasets)
          .values({
            huvudman: huvudmanCode,
            service,
            kind,
            version: 1,
            registerUpdatedAt: nowIso,
            updatedAt: nowIso,
          })
          .onConflictDoUpdate({
            target: [datasets.huvudman, datasets.service],
            set: {
              kind,
              version: sqlIncrement,
              registerUpdatedAt: nowIso,
              updatedAt: nowIso,
            },
          });
      }
    }
    if (summary.changes.length > 0) {
      await recordChanges(tx, summary.changes, actor, nowIso);
      await bumpDataVersion(tx);
      await options.onCommit?.(tx, summary, actor, nowIso);
    }
  });
  return summary;
}
