import { and, eq, inArray, sql } from 'drizzle-orm';
import { indicatorsFor } from '../../shared/reference';
import type { Database } from '../db/client';
import { bumpDataVersion } from '../db/data-version';
import { datasets, units } from '../db/schema';
import { recordChanges } from '../history/changes';
import { historyOf } from './history';
import { replaceLinks, replaceUnlinked } from './links-store';
import { planSize, planValues, type ValuePlan } from './plan';
import { storedInScope } from './scope';
import type { KommunSnapshot, SyncService } from './types';
import { type PublicationDate, toSyncValues } from './values';
import { writeValues } from './write-values';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export const SYNC_ACTOR = 'sync';

export interface StoreOptions {
  mode: 'full' | 'incremental';
  /** With --year: a full sync is the whole truth for these periods only. */
  years?: readonly number[] | undefined;
  now: Date;
  publicationDate?: PublicationDate;
}

export interface StoreSummary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  linked: number;
  unlinked: number;
  /** Choice systems whose dataset version moved. */
  changedServices: SyncService[];
}

/**
 * Writes one kommun's fetched figures in one transaction: values added, changed and removed so the
 * stored figures match Kolada's, demo figures of the systems removed, links and unlinked OUs replaced,
 * history recorded, dataset versions and data_version bumped. When nothing differs, nothing is
 * written at all, so a repeated sync leaves every version and the history as they were.
 */
export async function storeKommun(
  db: Database,
  snapshot: KommunSnapshot,
  options: StoreOptions,
): Promise<StoreSummary> {
  const nowIso = options.now.toISOString();
  return db.transaction(async (tx) => {
    const systemUnits = await tx
      .select({ id: units.id, service: units.service, kind: units.kind })
      .from(units)
      .where(and(eq(units.huvudman, snapshot.kommun), inArray(units.service, snapshot.services)))
      .all();
    const liveUnits = new Set(systemUnits.filter((u) => u.kind === 'live').map((u) => u.id));
    // A unit removed since the fetch (a register import in between) gets no figures.
    const links = snapshot.links.filter((l) => liveUnits.has(l.unitId));
    const incoming = toSyncValues({ ...snapshot, links, publicationDate: options.publicationDate });

    const complete = new Set(snapshot.relinked);
    const stored = await storedInScope(tx, snapshot, systemUnits, incoming.values, options.years, complete);
    const plan = planValues({
      stored,
      incoming: incoming.values,
      deleted: incoming.deleted,
      mode: options.mode,
      completeSubjects: complete,
    });

    await writeValues(tx, plan, nowIso);
    const history = historyOf(plan, snapshot.kommun, systemUnits);
    if (history.length > 0) await recordChanges(tx, history, SYNC_ACTOR, nowIso);

    const linksChanged = await replaceLinks(tx, snapshot.kommun, links, nowIso);
    const unlinkedChanged = await replaceUnlinked(tx, snapshot.kommun, snapshot.unlinked, nowIso);
    const changedServices = await touchDatasets(tx, snapshot, plan, nowIso);

    if (planSize(plan) > 0 || linksChanged || unlinkedChanged || changedServices.length > 0) {
      await bumpDataVersion(tx);
    }
    return {
      added: plan.added.length,
      changed: plan.changed.length,
      removed: plan.removed.length,
      unchanged: plan.unchanged,
      linked: links.length,
      unlinked: snapshot.unlinked.length,
      changedServices,
    };
  });
}

/**
 * A system whose figures changed (its units', or the kommun's or country's for its KPIs) becomes
 * "live" with a new version and indicatorsSyncedAt; so does one still marked demo. Untouched otherwise.
 */
async function touchDatasets(tx: Transaction, snapshot: KommunSnapshot, plan: ValuePlan, nowIso: string) {
  const touched = new Set<string>();
  for (const v of [...plan.added, ...plan.changed.map((c) => c.after), ...plan.removed])
    touched.add(v.indicatorId);
  const changed: SyncService[] = [];
  for (const service of snapshot.services) {
    const current = await tx
      .select({ kind: datasets.kind })
      .from(datasets)
      .where(and(eq(datasets.huvudman, snapshot.kommun), eq(datasets.service, service)))
      .get();
    const valuesChanged = indicatorsFor(service).some((i) => touched.has(i.id));
    if (!valuesChanged && current?.kind === 'live') continue;
    changed.push(service);
    await tx
      .insert(datasets)
      .values({
        huvudman: snapshot.kommun,
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
  return changed;
}
