import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { chunks, rowsPerTable } from '../db/chunks';
import type { Transaction } from '../db/client';
import { datasets, indicatorValues, koladaLinks, koladaOus, koladaUnlinkedOus, units } from '../db/schema';
import { baselineIdentity } from './baseline';
import { deleteValues, insertChanges, jsonList, upsertValues } from './bulk';
import type { BaselineRow, KommunPlan } from './kommun-plan';

export const SYNC_ACTOR = 'sync';

/** Writes one kommun's plan. The caller holds the transaction (and bumps data_version). */
export async function applyKommunPlan(tx: Transaction, plan: KommunPlan): Promise<void> {
  const { kommun, nowIso, today } = plan;

  const { upserts, gone } = plan.ous;
  for (const part of chunks(upserts, rowsPerTable(koladaOus))) {
    await tx
      .insert(koladaOus)
      .values(part.map((ou) => ({ ...ou, firstSeenAt: nowIso, goneAt: null })))
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
        and(eq(koladaOus.huvudman, kommun), isNull(koladaOus.goneAt), inArray(koladaOus.id, jsonList(gone))),
      );
  }

  for (const values of [plan.values, plan.areaValues]) {
    await upsertValues(tx, [...values.added, ...values.changed.map((c) => c.after)], nowIso);
    await deleteValues(tx, values.removed);
  }

  const added = plan.units.added.map((row) => baselineRow(row, kommun, nowIso));
  for (const part of chunks(added, rowsPerTable(units))) await tx.insert(units).values(part);
  for (const { id, to } of plan.units.renamed) {
    await tx.update(units).set({ name: to, updatedAt: nowIso }).where(eq(units.id, id));
  }
  if (plan.units.reopened.length > 0) {
    await tx
      .update(units)
      .set({ status: 'aktiv', statusDate: null, updatedAt: nowIso })
      .where(inArray(units.id, jsonList(plan.units.reopened)));
  }
  if (plan.units.ended.length > 0) {
    await tx
      .update(units)
      .set({ status: 'avslutad', statusDate: today, updatedAt: nowIso })
      .where(inArray(units.id, jsonList(plan.units.ended)));
  }
  if (plan.units.demoRemoved.length > 0) {
    const ids = jsonList(plan.units.demoRemoved);
    await tx
      .delete(indicatorValues)
      .where(and(eq(indicatorValues.scope, 'unit'), inArray(indicatorValues.subject, ids)));
    await tx.delete(units).where(inArray(units.id, ids));
  }

  if (plan.links) {
    await tx.delete(koladaLinks).where(eq(koladaLinks.huvudman, kommun));
    const rows = plan.links.rows.map((l) => ({ ...l, huvudman: kommun }));
    for (const part of chunks(rows, rowsPerTable(koladaLinks))) await tx.insert(koladaLinks).values(part);
  }
  if (plan.unlinked) {
    await tx.delete(koladaUnlinkedOus).where(eq(koladaUnlinkedOus.huvudman, kommun));
    const rows = plan.unlinked.rows.map((u) => ({ ...u, huvudman: kommun }));
    for (const part of chunks(rows, rowsPerTable(koladaUnlinkedOus)))
      await tx.insert(koladaUnlinkedOus).values(part);
  }

  await insertChanges(tx, plan.history, SYNC_ACTOR, nowIso);

  for (const service of plan.summary.changedServices) {
    await tx
      .insert(datasets)
      .values({
        huvudman: kommun,
        service,
        kind: 'live',
        version: 1,
        indicatorsSyncedAt: nowIso,
        updatedAt: nowIso,
      })
      .onConflictDoUpdate({
        target: [datasets.huvudman, datasets.service],
        set: {
          kind: 'live',
          version: sql`${datasets.version} + 1`,
          indicatorsSyncedAt: nowIso,
          updatedAt: nowIso,
        },
      });
  }
}

function baselineRow(row: BaselineRow, kommun: string, nowIso: string) {
  return {
    id: row.id,
    huvudman: kommun,
    service: row.service,
    origin: 'kolada' as const,
    identityKey: baselineIdentity(kommun, row.service, row.ou),
    registerId: null,
    name: row.title,
    regi: null,
    organisationsnummer: null,
    aliases: [],
    areas: [],
    scope: [],
    languages: [],
    extraServices: [],
    acceptsNewClients: null,
    hsaId: null,
    koladaOu: [],
    website: null,
    phone: null,
    address: null,
    verifiedAt: null,
    status: 'aktiv' as const,
    statusDate: null,
    kind: 'live' as const,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
}
