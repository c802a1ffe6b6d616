import { and, eq, inArray, sql } from 'drizzle-orm';
import { indicatorsFor, SOURCES } from '../../shared/reference';
import type { Database } from '../db/client';
import { bumpDataVersion } from '../db/data-version';
import { datasets, indicatorValues, koladaLinks, koladaUnlinkedOus, units } from '../db/schema';
import { recordChanges, type UnitChange } from '../history/changes';
import { kpisFor } from './fetch';
import { planSize, planValues, type StoredValue, type ValuePlan } from './plan';
import type { KommunSnapshot, OuLink, SyncService, SyncValue, UnlinkedOu } from './types';
import { type PublicationDate, toSyncValues, valueKey } from './values';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

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

const CHUNK = 200;

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

    const stored = await storedInScope(tx, snapshot, systemUnits, incoming.values, options.years);
    const plan = planValues({
      stored,
      incoming: incoming.values,
      deleted: incoming.deleted,
      mode: options.mode,
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
 * The stored rows this sync answers for: the systems' unit figures and the kommun's comparison
 * figures (any kind, so demo figures go), and the country's live figures. The country's demo figures
 * belong to every demo kommun and are only overwritten where a real figure takes their place.
 */
async function storedInScope(
  tx: Transaction,
  snapshot: KommunSnapshot,
  systemUnits: { id: string; service: string }[],
  incoming: readonly SyncValue[],
  years: readonly number[] | undefined,
): Promise<StoredValue[]> {
  const kpis = kpisFor(snapshot.services);
  const rows: StoredValue[] = [];
  const select = {
    indicatorId: indicatorValues.indicatorId,
    scope: indicatorValues.scope,
    subject: indicatorValues.subject,
    period: indicatorValues.period,
    value: indicatorValues.value,
    respondents: indicatorValues.respondents,
    status: indicatorValues.status,
    publishedAt: indicatorValues.publishedAt,
    kind: indicatorValues.kind,
  };
  for (const service of snapshot.services) {
    const serviceKpis = indicatorsFor(service).map((i) => i.id);
    const ids = systemUnits.filter((u) => u.service === service).map((u) => u.id);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const found = await tx
        .select(select)
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.scope, 'unit'),
            inArray(indicatorValues.subject, ids.slice(i, i + CHUNK)),
            inArray(indicatorValues.indicatorId, serviceKpis),
          ),
        )
        .all();
      rows.push(...(found as StoredValue[]));
    }
  }
  const areas = (await tx
    .select(select)
    .from(indicatorValues)
    .where(
      and(
        inArray(indicatorValues.subject, [snapshot.kommun, '0000']),
        inArray(indicatorValues.scope, ['kommun', 'riket']),
        inArray(indicatorValues.indicatorId, kpis),
      ),
    )
    .all()) as StoredValue[];
  const incomingKeys = new Set(incoming.map(valueKey));
  for (const row of areas) {
    if (row.scope === 'kommun' || row.kind === 'live' || incomingKeys.has(valueKey(row))) rows.push(row);
  }
  const periods = years?.map(String);
  return periods ? rows.filter((r) => r.kind === 'demo' || periods.includes(r.period)) : rows;
}

async function writeValues(tx: Transaction, plan: ValuePlan, nowIso: string): Promise<void> {
  const rows = [...plan.added, ...plan.changed.map((c) => c.after)].map((v) => ({
    ...v,
    kind: 'live' as const,
    sourceId: SOURCES.kolada.id,
    fetchedAt: nowIso,
  }));
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(indicatorValues)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [
          indicatorValues.indicatorId,
          indicatorValues.scope,
          indicatorValues.subject,
          indicatorValues.period,
        ],
        set: {
          value: excluded('value'),
          respondents: excluded('respondents'),
          status: excluded('status'),
          kind: excluded('kind'),
          sourceId: excluded('source_id'),
          publishedAt: excluded('published_at'),
          fetchedAt: excluded('fetched_at'),
        },
      });
  }
  // One statement per subject and KPI: removals come in runs of periods.
  const groups = new Map<string, { v: StoredValue; periods: string[] }>();
  for (const v of plan.removed) {
    const key = `${v.indicatorId}|${v.scope}|${v.subject}`;
    const group = groups.get(key) ?? { v, periods: [] };
    group.periods.push(v.period);
    groups.set(key, group);
  }
  for (const { v, periods } of groups.values()) {
    await tx
      .delete(indicatorValues)
      .where(
        and(
          eq(indicatorValues.indicatorId, v.indicatorId),
          eq(indicatorValues.scope, v.scope),
          eq(indicatorValues.subject, v.subject),
          inArray(indicatorValues.period, periods),
        ),
      );
  }
}

/** Unit figures that changed, one history row each: field "KPI period", old and new figure. */
function historyOf(
  plan: ValuePlan,
  kommun: string,
  systemUnits: { id: string; service: string }[],
): UnitChange[] {
  const serviceOf = new Map(systemUnits.map((u) => [u.id, u.service]));
  const byUnit = new Map<string, UnitChange>();
  const add = (v: SyncValue, from: number | null, to: number | null) => {
    if (v.scope !== 'unit') return;
    const change = byUnit.get(v.subject) ?? {
      unitId: v.subject,
      huvudman: kommun,
      service: serviceOf.get(v.subject) ?? '',
      kind: 'indicator' as const,
      changes: [],
    };
    change.changes.push({ field: `${v.indicatorId} ${v.period}`, from, to });
    byUnit.set(v.subject, change);
  };
  for (const v of plan.added) add(v, null, v.value);
  for (const { before, after } of plan.changed) {
    if (before.kind === 'demo') add(after, null, after.value);
    else if (before.value !== after.value) add(after, before.value, after.value);
  }
  for (const v of plan.removed) if (v.kind === 'live') add(v, v.value, null);
  return [...byUnit.values()];
}

async function replaceLinks(tx: Transaction, kommun: string, links: readonly OuLink[], nowIso: string) {
  const stored = await tx.select().from(koladaLinks).where(eq(koladaLinks.huvudman, kommun)).all();
  const key = (l: Pick<OuLink, 'unitId' | 'ou' | 'ouTitle' | 'method'>) =>
    `${l.unitId}|${l.ou}|${l.ouTitle}|${l.method}`;
  const before = new Map(stored.map((l) => [key(l), l]));
  if (stored.length === links.length && links.every((l) => before.has(key(l)))) return false;
  await tx.delete(koladaLinks).where(eq(koladaLinks.huvudman, kommun));
  const rows = links.map((l) => ({
    ...l,
    huvudman: kommun,
    linkedAt: before.get(key(l))?.linkedAt ?? nowIso,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(koladaLinks).values(rows.slice(i, i + CHUNK));
  return true;
}

async function replaceUnlinked(
  tx: Transaction,
  kommun: string,
  unlinked: readonly UnlinkedOu[],
  nowIso: string,
) {
  const stored = await tx
    .select()
    .from(koladaUnlinkedOus)
    .where(eq(koladaUnlinkedOus.huvudman, kommun))
    .all();
  const key = (u: UnlinkedOu) => JSON.stringify([u.ou, u.service, u.title, u.reason, u.candidates]);
  const before = new Map(stored.map((u) => [key(u as UnlinkedOu), u]));
  if (stored.length === unlinked.length && unlinked.every((u) => before.has(key(u)))) return false;
  await tx.delete(koladaUnlinkedOus).where(eq(koladaUnlinkedOus.huvudman, kommun));
  const rows = unlinked.map((u) => ({
    ...u,
    huvudman: kommun,
    seenAt: before.get(key(u))?.seenAt ?? nowIso,
  }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx.insert(koladaUnlinkedOus).values(rows.slice(i, i + CHUNK));
  return true;
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
