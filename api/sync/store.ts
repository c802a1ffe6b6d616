import { and, eq, inArray, sql } from 'drizzle-orm';
import { KOLADA_RIKET } from '../../shared/domain/huvudman';
import { indicatorsFor } from '../../shared/reference';
import { todayInSweden } from '../../shared/register';
import type { Database, Transaction } from '../db/client';
import { bumpDataVersion } from '../db/data-version';
import { datasets, indicatorValues, units } from '../db/schema';
import type { KoladaDataRow } from '../kolada';
import { baselineIdentity, planBaseline } from './baseline';
import { type ChangeRow, deleteValues, insertChanges, jsonList, readValues, upsertValues } from './bulk';
import { figureHistory, linkHistory } from './history';
import { linkOus } from './link';
import { replaceLinks, replaceUnlinked, storedLinks } from './links-store';
import { recordOus } from './ous-store';
import { planSize, planValues, type StoredValue, type ValuePlan } from './plan';
import {
  type KommunFetch,
  kpisFor,
  type OuLink,
  SYNC_SERVICES,
  type SyncService,
  type SyncUnit,
  type UnlinkedOu,
} from './types';
import { type PublicationDate, toSyncValues, valueKey } from './values';

export const SYNC_ACTOR = 'sync';

export interface StoreOptions {
  mode: 'full' | 'incremental';
  /** With --year: a full sync is the whole truth for these periods only. */
  years?: readonly number[] | undefined;
  now: Date;
  publicationDate?: PublicationDate | undefined;
  /** The kommun's own names, context for the name matcher. */
  contextNames: readonly string[];
}

export interface StoreSummary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** OUs linked to a unit (register units and baseline units alike). */
  linked: number;
  unlinked: number;
  unlinkedOus: UnlinkedOu[];
  /** Listed elderly-care OUs without any figure: not shown as units. */
  withoutFigures: number;
  /** Baseline units that came, and that ended, in this sync. */
  unitsAdded: number;
  unitsEnded: number;
  /** What each service's list rests on after the sync. */
  basis: Partial<Record<SyncService, 'register' | 'kolada' | 'demo'>>;
  /** Choice systems whose dataset version moved. */
  changedServices: SyncService[];
}

/**
 * Writes one kommun's fetch in one transaction: its figures, its OUs, its baseline units (or, where
 * its register has the service, the links of its OUs to the register's units), history, dataset
 * versions and data_version. When nothing differs, nothing is written, so a repeated sync leaves every
 * version and the history as they were.
 */
export async function storeKommun(db: Database, fetched: KommunFetch, options: StoreOptions) {
  return db.transaction((tx) => writeKommun(tx, fetched, options));
}

type UnitRow = Pick<
  typeof units.$inferSelect,
  | 'id'
  | 'service'
  | 'origin'
  | 'kind'
  | 'name'
  | 'aliases'
  | 'koladaOu'
  | 'identityKey'
  | 'status'
  | 'statusDate'
>;

async function unitsOfKommun(tx: Transaction, kommun: string): Promise<SyncUnit[]> {
  const rows: UnitRow[] = await tx
    .select({
      id: units.id,
      service: units.service,
      origin: units.origin,
      kind: units.kind,
      name: units.name,
      aliases: units.aliases,
      koladaOu: units.koladaOu,
      identityKey: units.identityKey,
      status: units.status,
      statusDate: units.statusDate,
    })
    .from(units)
    .where(and(eq(units.huvudman, kommun), inArray(units.service, [...SYNC_SERVICES])))
    .all();
  return rows.map((u) => ({ ...u, service: u.service as SyncService }));
}

export async function writeKommun(
  tx: Transaction,
  fetched: KommunFetch,
  options: StoreOptions,
): Promise<StoreSummary> {
  const { kommun } = fetched;
  const nowIso = options.now.toISOString();
  const today = todayInSweden(options.now);
  const kpis = kpisFor();
  const all = await unitsOfKommun(tx, kommun);

  // 1. Figures: the OUs asked about, and the kommun's comparison figures.
  const ousChanged = await recordOus(tx, kommun, fetched.ous, nowIso);
  const incoming = toSyncValues({ ...fetched, publicationDate: options.publicationDate });
  const complete = new Set(fetched.completeOus);
  const periods = options.years?.map(String);
  const inYears = (v: StoredValue) =>
    !periods || v.kind === 'demo' || complete.has(v.subject) || periods.includes(v.period);
  const storedOu = (await readValues(tx, { scope: 'ou', subjects: fetched.askedOus, kpis })).filter(inYears);
  const plan = planValues({
    stored: storedOu,
    incoming: incoming.values.filter((v) => v.scope === 'ou'),
    deleted: incoming.deleted.filter((v) => v.scope === 'ou'),
    mode: options.mode,
    completeSubjects: complete,
  });

  await upsertValues(tx, [...plan.added, ...plan.changed.map((c) => c.after)], nowIso);
  await deleteValues(tx, plan.removed);

  // 2. Units and links, service by service.
  const withFigures = await ousWithFigures(
    tx,
    fetched.ous.map((ou) => ou.id),
  );
  const formerLinks = await storedLinks(tx, kommun);
  const links: OuLink[] = [];
  const unlinked: UnlinkedOu[] = [];
  const unitChanges: ChangeRow[] = [];
  const changedSystems = new Set<SyncService>();
  const basis: StoreSummary['basis'] = {};
  let unitsAdded = 0;
  let unitsEnded = 0;
  let demoLeft = false;
  for (const service of SYNC_SERVICES) {
    const ofService = all.filter((u) => u.service === service);
    const register = ofService.filter((u) => u.origin === 'register' && u.kind === 'live');
    const baseline = ofService.filter((u) => u.origin === 'kolada' && u.status === 'aktiv');
    const change = (row: Omit<ChangeRow, 'huvudman' | 'service'>) => {
      unitChanges.push({ ...row, huvudman: kommun, service });
      changedSystems.add(service);
    };
    if (register.length > 0) {
      // The register beats the baseline: its units are the list, Kolada's OUs link to them.
      basis[service] = 'register';
      const linked = linkOus({
        kommun,
        service,
        ous: fetched.ous,
        units: register,
        contextNames: options.contextNames,
      });
      links.push(...linked.links);
      unlinked.push(...linked.unlinked);
      for (const unit of baseline) {
        await endUnit(tx, unit.id, today, nowIso);
        change({ unitId: unit.id, kind: 'ended', field: 'status', from: 'aktiv', to: 'avslutad' });
        change({ unitId: unit.id, kind: 'ended', field: 'statusDate', from: unit.statusDate, to: today });
        unitsEnded++;
      }
      continue;
    }
    const planned = planBaseline({ kommun, service, ous: fetched.ous, withFigures, units: ofService });
    links.push(...planned.links);
    const added = planned.added.map(({ id, ou }) =>
      baselineRow(id, kommun, service, ou.id, ou.title, nowIso),
    );
    for (let i = 0; i < added.length; i += 100) await tx.insert(units).values(added.slice(i, i + 100));
    for (const row of added) {
      const ou = baselineOuOf(row.identityKey);
      change({
        unitId: row.id,
        kind: 'added',
        field: 'unit',
        from: null,
        to: { name: row.name, origin: 'kolada', surveyUnit: ou, regi: null, status: 'aktiv' },
      });
    }
    for (const { id, from, to } of planned.renamed) {
      await tx.update(units).set({ name: to, updatedAt: nowIso }).where(eq(units.id, id));
      change({ unitId: id, kind: 'changed', field: 'name', from, to });
    }
    for (const { id, statusDate } of planned.reopened) {
      await tx
        .update(units)
        .set({ status: 'aktiv', statusDate: null, updatedAt: nowIso })
        .where(eq(units.id, id));
      change({ unitId: id, kind: 'changed', field: 'status', from: 'avslutad', to: 'aktiv' });
      change({ unitId: id, kind: 'changed', field: 'statusDate', from: statusDate, to: null });
    }
    for (const { id } of planned.ended) {
      await endUnit(tx, id, today, nowIso);
      const unit = ofService.find((u) => u.id === id);
      change({ unitId: id, kind: 'ended', field: 'status', from: 'aktiv', to: 'avslutad' });
      change({ unitId: id, kind: 'ended', field: 'statusDate', from: unit?.statusDate ?? null, to: today });
    }
    unitsAdded += added.length;
    unitsEnded += planned.ended.length;
    const active = baseline.length + added.length + planned.reopened.length - planned.ended.length;
    const demo = ofService.filter((u) => u.kind === 'demo');
    if (active > 0 && demo.length > 0) {
      // Real units replace the demo's invented ones whole: the two are never listed together.
      await removeDemoUnits(
        tx,
        demo.map((u) => u.id),
      );
      changedSystems.add(service);
    }
    const demoStays = active === 0 && demo.length > 0;
    demoLeft ||= demoStays;
    basis[service] = demoStays ? 'demo' : 'kolada';
  }

  // 3. The kommun's comparison figures. While demo units remain in one of its systems (Kolada has
  // nothing real for it yet), the demo's invented kommun figures stay as they are.
  const areaPlan = demoLeft
    ? emptyPlan()
    : planValues({
        stored: (await readValues(tx, { scope: 'kommun', subjects: [kommun], kpis })).filter(inYears),
        incoming: incoming.values.filter((v) => v.scope === 'kommun'),
        deleted: incoming.deleted.filter((v) => v.scope === 'kommun'),
        mode: options.mode,
      });

  await upsertValues(tx, [...areaPlan.added, ...areaPlan.changed.map((c) => c.after)], nowIso);
  await deleteValues(tx, areaPlan.removed);

  const linksChanged = await replaceLinks(tx, kommun, formerLinks, links, nowIso);
  const unlinkedChanged = await replaceUnlinked(tx, kommun, unlinked, nowIso);
  if (linksChanged) for (const service of servicesOfLinks(links, formerLinks)) changedSystems.add(service);
  const added = new Set(unitChanges.filter((c) => c.kind === 'added').map((c) => c.unitId));
  const history = [
    ...unitChanges,
    ...linkHistory(kommun, formerLinks, links, added),
    ...figureHistory(plan, kommun, links, formerLinks),
  ];
  await insertChanges(tx, history, SYNC_ACTOR, nowIso);

  for (const service of servicesOfFigures(plan, areaPlan, links, formerLinks)) changedSystems.add(service);
  const stillDemo = new Set(SYNC_SERVICES.filter((s) => basis[s] === 'demo'));
  const changedServices = await touchDatasets(tx, kommun, changedSystems, stillDemo, nowIso);

  const wrote =
    planSize(plan) + planSize(areaPlan) + history.length > 0 ||
    ousChanged ||
    linksChanged ||
    unlinkedChanged ||
    changedServices.length > 0;
  if (wrote) await bumpDataVersion(tx);
  return {
    added: plan.added.length + areaPlan.added.length,
    changed: plan.changed.length + areaPlan.changed.length,
    removed: plan.removed.length + areaPlan.removed.length,
    unchanged: plan.unchanged + areaPlan.unchanged,
    linked: links.filter((l) => all.find((u) => u.id === l.unitId)?.status !== 'avslutad').length,
    unlinked: unlinked.length,
    unlinkedOus: unlinked,
    withoutFigures: fetched.ous.filter((ou) => !withFigures.has(ou.id)).length,
    unitsAdded,
    unitsEnded,
    basis,
    changedServices,
  };
}

function emptyPlan(): ValuePlan {
  return { added: [], changed: [], removed: [], unchanged: 0 };
}

/** The listed OUs that have at least one stored figure. */
async function ousWithFigures(tx: Transaction, listed: readonly string[]): Promise<Set<string>> {
  if (listed.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ subject: indicatorValues.subject })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.scope, 'ou'), inArray(indicatorValues.subject, jsonList(listed))))
    .all();
  return new Set(rows.map((r) => r.subject));
}

function baselineOuOf(identityKey: string): string {
  return identityKey.slice(identityKey.lastIndexOf(':') + 1);
}

function baselineRow(
  id: string,
  kommun: string,
  service: SyncService,
  ou: string,
  title: string,
  nowIso: string,
) {
  return {
    id,
    huvudman: kommun,
    service,
    origin: 'kolada' as const,
    identityKey: baselineIdentity(kommun, service, ou),
    registerId: null,
    name: title,
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

async function endUnit(tx: Transaction, id: string, today: string, nowIso: string) {
  await tx
    .update(units)
    .set({ status: 'avslutad', statusDate: today, updatedAt: nowIso })
    .where(eq(units.id, id));
}

async function removeDemoUnits(tx: Transaction, ids: readonly string[]) {
  await tx
    .delete(indicatorValues)
    .where(and(eq(indicatorValues.scope, 'unit'), inArray(indicatorValues.subject, jsonList(ids))));
  await tx.delete(units).where(inArray(units.id, jsonList(ids)));
}

function servicesOfLinks(links: readonly OuLink[], former: readonly { service: string }[]): Set<SyncService> {
  return new Set([...links, ...former].map((l) => l.service as SyncService));
}

/** The systems whose figures moved: those whose units show a changed OU, and those of a changed kommun KPI. */
function servicesOfFigures(
  plan: ValuePlan,
  areaPlan: ValuePlan,
  links: readonly OuLink[],
  former: readonly { ou: string; service: string }[],
): Set<SyncService> {
  const serviceOfOu = new Map<string, SyncService>();
  for (const l of [...former, ...links]) serviceOfOu.set(l.ou, l.service as SyncService);
  const touched = new Set<SyncService>();
  for (const v of [...plan.added, ...plan.changed.map((c) => c.after), ...plan.removed]) {
    const service = serviceOfOu.get(v.subject);
    if (service) touched.add(service);
  }
  const areaKpis = new Set(
    [...areaPlan.added, ...areaPlan.changed.map((c) => c.after), ...areaPlan.removed].map(
      (v) => v.indicatorId,
    ),
  );
  for (const service of SYNC_SERVICES) {
    if (indicatorsFor(service).some((i) => areaKpis.has(i.id))) touched.add(service);
  }
  return touched;
}

/**
 * A system whose list or figures changed gets a new version and indicatorsSyncedAt, and becomes
 * "live"; so does one the sync has never written (its list now rests on the sync). Untouched otherwise.
 */
async function touchDatasets(
  tx: Transaction,
  kommun: string,
  changed: ReadonlySet<SyncService>,
  stillDemo: ReadonlySet<SyncService>,
  nowIso: string,
): Promise<SyncService[]> {
  const current = await tx
    .select({ service: datasets.service, kind: datasets.kind, syncedAt: datasets.indicatorsSyncedAt })
    .from(datasets)
    .where(eq(datasets.huvudman, kommun))
    .all();
  const touched: SyncService[] = [];
  for (const service of SYNC_SERVICES) {
    const row = current.find((d) => d.service === service);
    if (stillDemo.has(service) || (!changed.has(service) && row?.syncedAt)) continue;
    touched.push(service);
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
  return touched;
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
