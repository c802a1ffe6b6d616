import { and, eq, inArray, sql } from 'drizzle-orm';
import { chunks } from '../../shared/chunks';
import { KOLADA_RIKET } from '../../shared/domain/huvudman';
import { indicatorsFor } from '../../shared/reference';
import type { Database } from '../db/client';
import { bumpDataVersion } from '../db/data-version';
import { datasets } from '../db/schema';
import type { KoladaDataRow } from '../kolada';
import { applyKommunPlan } from './apply';
import { deleteValues, readValues, upsertValues } from './bulk';
import { isEmptyPlan, planKommun, type StoreOptions, type StoreSummary } from './kommun-plan';
import { planSize, planValues, type ValuePlan } from './plan';
import { loadBatchState } from './state';
import { type KommunFetch, kpisFor, SYNC_SERVICES } from './types';
import { toSyncValues, valueKey } from './values';

export { SYNC_ACTOR } from './apply';
export type { StoreOptions, StoreSummary } from './kommun-plan';

/** Kommuner whose stored state is read together: a few queries each, and only their figures in memory. */
const STATE_CHUNK = 5;

/**
 * Writes a batch of kommuner in one transaction: the stored state is read a few kommuner at a time in
 * a few queries, each kommun's plan is made in memory, and only a kommun whose plan writes something gets a
 * savepoint and its statements. A kommun whose write fails is rolled back alone and the others commit;
 * one commit per batch, since each commit waits for the disk. When nothing differs nothing is written,
 * so a repeated sync leaves every version and the history as they were.
 */
export async function storeBatch(
  db: Database,
  batch: readonly KommunFetch[],
  options: (kommun: string) => StoreOptions,
): Promise<Map<string, StoreSummary | Error>> {
  const results = new Map<string, StoreSummary | Error>();
  if (batch.length === 0) return results;
  await db.transaction(async (tx) => {
    let wrote = false;
    for (const part of chunks(batch, STATE_CHUNK)) {
      const state = await loadBatchState(tx, part);
      for (const fetched of part) {
        try {
          const plan = planKommun(state.get(fetched.kommun)!, fetched, options(fetched.kommun));
          if (!isEmptyPlan(plan)) {
            await tx.transaction((savepoint) => applyKommunPlan(savepoint, plan));
            wrote = true;
          }
          results.set(fetched.kommun, plan.summary);
        } catch (error) {
          results.set(fetched.kommun, error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
    if (wrote) await bumpDataVersion(tx);
  });
  return results;
}

/** One kommun, in a transaction of its own; throws if its write fails. */
export async function storeKommun(
  db: Database,
  fetched: KommunFetch,
  options: StoreOptions,
): Promise<StoreSummary> {
  const result = (await storeBatch(db, [fetched], () => options)).get(fetched.kommun)!;
  if (result instanceof Error) throw result;
  return result;
}

export interface RiketSummary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/**
 * Writes the national figures, the comparison beside every unit's. The demo's invented national
 * figures belong to the demo lists and go only where a real figure of the same key takes their place.
 * Every live list of a service whose national figures moved gets a new version.
 */
export async function storeRiket(
  db: Database,
  rows: readonly KoladaDataRow[],
  options: Pick<StoreOptions, 'mode' | 'years' | 'now' | 'publicationDate'>,
): Promise<RiketSummary> {
  const nowIso = options.now.toISOString();
  return db.transaction(async (tx) => {
    const incoming = toSyncValues({
      kommun: KOLADA_RIKET,
      unitRows: [],
      areaRows: rows.filter((r) => r.subject === KOLADA_RIKET),
      publicationDate: options.publicationDate,
    });
    // toSyncValues reads the kommun argument as the kommun; here the rows are the country's.
    const values = incoming.values.map((v) => ({ ...v, scope: 'riket' as const }));
    const deleted = incoming.deleted.map((v) => ({ ...v, scope: 'riket' as const }));
    const incomingKeys = new Set(values.map(valueKey));
    const periods = options.years?.map(String);
    const stored = (
      await readValues(tx, { scope: 'riket', subjects: [KOLADA_RIKET], kpis: kpisFor() })
    ).filter(
      (v) => (v.kind === 'live' || incomingKeys.has(valueKey(v))) && (!periods || periods.includes(v.period)),
    );
    const plan = planValues({ stored, incoming: values, deleted, mode: options.mode });
    if (planSize(plan) === 0) return summaryOf(plan);
    await upsertValues(tx, [...plan.added, ...plan.changed.map((c) => c.after)], nowIso);
    await deleteValues(tx, plan.removed);
    const kpis = new Set(
      [...plan.added, ...plan.changed.map((c) => c.after), ...plan.removed].map((v) => v.indicatorId),
    );
    const services = SYNC_SERVICES.filter((s) => indicatorsFor(s).some((i) => kpis.has(i.id)));
    await tx
      .update(datasets)
      .set({ version: sql`${datasets.version} + 1`, indicatorsSyncedAt: nowIso, updatedAt: nowIso })
      .where(and(eq(datasets.kind, 'live'), inArray(datasets.service, services)));
    await bumpDataVersion(tx);
    return summaryOf(plan);
  });
}

function summaryOf(plan: ValuePlan): RiketSummary {
  return {
    added: plan.added.length,
    changed: plan.changed.length,
    removed: plan.removed.length,
    unchanged: plan.unchanged,
  };
}
