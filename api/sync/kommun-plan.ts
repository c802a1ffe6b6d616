import { indicatorsFor } from '../../shared/reference';
import { todayInSweden } from '../../shared/register';
import { planBaseline } from './baseline';
import type { ChangeRow } from './bulk';
import { figureHistory, linkHistory } from './history';
import { linkOus } from './link';
import { planSize, planValues, type StoredValue, type ValuePlan } from './plan';
import type { KommunState, StoredLink, StoredUnlinked } from './state';
import {
  type ElderlyOu,
  type KommunFetch,
  type OuLink,
  SYNC_SERVICES,
  type SyncService,
  type UnlinkedOu,
} from './types';
import { type PublicationDate, toSyncValues } from './values';

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
  /** OUs linked to a unit that is listed (register units and baseline units alike). */
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
  /** Choice systems whose dataset version moves. */
  changedServices: SyncService[];
}

export interface BaselineRow {
  id: string;
  service: SyncService;
  ou: string;
  title: string;
}

/** Everything one kommun's sync writes, decided before anything is written. */
export interface KommunPlan {
  kommun: string;
  nowIso: string;
  today: string;
  values: ValuePlan;
  areaValues: ValuePlan;
  ous: { upserts: ElderlyOu[]; gone: string[] };
  units: {
    added: BaselineRow[];
    renamed: { id: string; to: string }[];
    reopened: string[];
    ended: string[];
    demoRemoved: string[];
  };
  /** The kommun's links and unlinked OUs, or null where they stay as stored. */
  links: { rows: (OuLink & { linkedAt: string })[] } | null;
  unlinked: { rows: (UnlinkedOu & { seenAt: string })[] } | null;
  history: ChangeRow[];
  summary: StoreSummary;
}

const linkKey = (l: Pick<OuLink, 'unitId' | 'ou' | 'ouTitle' | 'method' | 'service'>) =>
  `${l.unitId}|${l.ou}|${l.ouTitle}|${l.method}|${l.service}`;
const unlinkedKey = (u: Pick<UnlinkedOu, 'ou' | 'service' | 'title' | 'reason' | 'candidates'>) =>
  JSON.stringify([u.ou, u.service, u.title, u.reason, u.candidates]);

function sameSet<T>(stored: readonly T[], wanted: readonly T[], key: (t: T) => string): boolean {
  if (stored.length !== wanted.length) return false;
  const keys = new Set(stored.map(key));
  return wanted.every((w) => keys.has(key(w)));
}

/** The listed OUs with at least one figure once `plan` is written over `stored`. */
function withFiguresAfter(stored: readonly StoredValue[], plan: ValuePlan): Set<string> {
  const count = new Map<string, number>();
  for (const v of stored) count.set(v.subject, (count.get(v.subject) ?? 0) + 1);
  for (const v of plan.removed) count.set(v.subject, (count.get(v.subject) ?? 0) - 1);
  for (const v of plan.added) count.set(v.subject, (count.get(v.subject) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n > 0).map(([subject]) => subject));
}

/**
 * What makes one kommun's stored data match its fetch. Pure: figures, its OUs, its baseline units
 * (or, where its register has the service, the links of its OUs to the register's units), history
 * and which dataset versions move. An empty plan writes nothing.
 */
export function planKommun(state: KommunState, fetched: KommunFetch, options: StoreOptions): KommunPlan {
  const { kommun } = fetched;
  const nowIso = options.now.toISOString();
  const today = todayInSweden(options.now);

  // Figures: those of the OUs asked about; an OU Kolada no longer lists keeps what it had.
  const incoming = toSyncValues({
    kommun,
    unitRows: fetched.unitRows,
    areaRows: [],
    publicationDate: options.publicationDate,
  });
  const incomingArea = toSyncValues({
    kommun,
    unitRows: [],
    areaRows: fetched.areaRows,
    publicationDate: options.publicationDate,
  });
  const complete = new Set(fetched.completeOus);
  const periods = options.years && new Set(options.years.map(String));
  const inYears = (stored: readonly StoredValue[]) =>
    periods
      ? stored.filter((v) => v.kind === 'demo' || complete.has(v.subject) || periods.has(v.period))
      : stored;
  const values = planValues({
    stored: inYears(state.ouValues),
    incoming: incoming.keyed,
    deleted: incoming.deleted,
    mode: options.mode,
    completeSubjects: complete,
  });
  const withFigures = withFiguresAfter(state.ouValues, values);

  // The OUs Kolada lists.
  const storedOu = new Map(state.ous.map((ou) => [ou.id, ou]));
  const listedIds = new Set(fetched.ous.map((ou) => ou.id));
  const ous = {
    upserts: fetched.ous.filter((ou) => {
      const before = storedOu.get(ou.id);
      return (
        !before ||
        before.huvudman !== ou.huvudman ||
        before.service !== ou.service ||
        before.title !== ou.title ||
        before.goneAt !== null
      );
    }),
    gone: state.ous
      .filter((ou) => ou.huvudman === kommun && ou.goneAt === null && !listedIds.has(ou.id))
      .map((ou) => ou.id),
  };

  // Units and links, service by service.
  const plan: KommunPlan['units'] = { added: [], renamed: [], reopened: [], ended: [], demoRemoved: [] };
  const links: OuLink[] = [];
  const unlinked: UnlinkedOu[] = [];
  const unitChanges: ChangeRow[] = [];
  const changedSystems = new Set<SyncService>();
  const basis: StoreSummary['basis'] = {};
  let demoLeft = false;
  for (const service of SYNC_SERVICES) {
    const ofService = state.units.filter((u) => u.service === service);
    const register = ofService.filter((u) => u.origin === 'register' && u.kind === 'live');
    const baseline = ofService.filter((u) => u.origin === 'kolada' && u.status === 'aktiv');
    const change = (row: Omit<ChangeRow, 'huvudman' | 'service'>) => {
      unitChanges.push({ ...row, huvudman: kommun, service });
      changedSystems.add(service);
    };
    const end = (id: string, statusDate: string | null) => {
      plan.ended.push(id);
      change({ unitId: id, kind: 'ended', field: 'status', from: 'aktiv', to: 'avslutad' });
      change({ unitId: id, kind: 'ended', field: 'statusDate', from: statusDate, to: today });
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
      for (const unit of baseline) end(unit.id, unit.statusDate);
      continue;
    }
    const planned = planBaseline({ kommun, service, ous: fetched.ous, withFigures, units: ofService });
    links.push(...planned.links);
    for (const { id, ou } of planned.added) {
      plan.added.push({ id, service, ou: ou.id, title: ou.title });
      change({
        unitId: id,
        kind: 'added',
        field: 'unit',
        from: null,
        to: { name: ou.title, origin: 'kolada', surveyUnit: ou.id, regi: null, status: 'aktiv' },
      });
    }
    for (const { id, from, to } of planned.renamed) {
      plan.renamed.push({ id, to });
      change({ unitId: id, kind: 'changed', field: 'name', from, to });
    }
    for (const { id, statusDate } of planned.reopened) {
      plan.reopened.push(id);
      change({ unitId: id, kind: 'changed', field: 'status', from: 'avslutad', to: 'aktiv' });
      change({ unitId: id, kind: 'changed', field: 'statusDate', from: statusDate, to: null });
    }
    for (const { id } of planned.ended) end(id, ofService.find((u) => u.id === id)?.statusDate ?? null);
    const active = baseline.length + planned.added.length + planned.reopened.length - planned.ended.length;
    const demo = ofService.filter((u) => u.kind === 'demo');
    if (active > 0 && demo.length > 0) {
      // Real units replace the demo's invented ones whole: the two are never listed together.
      plan.demoRemoved.push(...demo.map((u) => u.id));
      changedSystems.add(service);
    }
    const demoStays = active === 0 && demo.length > 0;
    demoLeft ||= demoStays;
    basis[service] = demoStays ? 'demo' : 'kolada';
  }

  // The kommun's comparison figures. While demo units remain in one of its systems (Kolada has
  // nothing real for it yet), the demo's invented kommun figures stay as they are.
  const areaValues = demoLeft
    ? { added: [], changed: [], removed: [], unchanged: 0 }
    : planValues({
        stored: inYears(state.kommunValues),
        incoming: incomingArea.keyed,
        deleted: incomingArea.deleted,
        mode: options.mode,
      });

  const linksSame = sameSet<Pick<OuLink, 'unitId' | 'ou' | 'ouTitle' | 'method' | 'service'>>(
    state.links,
    links,
    linkKey,
  );
  const since = new Map(state.links.map((l) => [`${l.unitId}|${l.ou}`, l.linkedAt]));
  const unlinkedSame = sameSet<Pick<UnlinkedOu, 'ou' | 'service' | 'title' | 'reason' | 'candidates'>>(
    state.unlinked,
    unlinked,
    unlinkedKey,
  );
  const seenAt = new Map(state.unlinked.map((u: StoredUnlinked) => [unlinkedKey(u), u.seenAt]));
  if (!linksSame) for (const l of [...links, ...state.links]) changedSystems.add(l.service);

  const added = new Set(plan.added.map((a) => a.id));
  // A unit that comes in this sync comes with its figures: they are recorded in its addition, one
  // row, instead of one row each (a national first run would otherwise write half a million rows).
  const figureRows = figureHistory(values, kommun, links, state.links);
  const figuresOf = new Map<string, Record<string, unknown>>();
  for (const row of figureRows) {
    if (!added.has(row.unitId)) continue;
    let figures = figuresOf.get(row.unitId);
    if (!figures) {
      // A unit's figures are keyed by KPI, period and OU: a hundred keys no other object has. An
      // object without a prototype is a dictionary from the start, instead of V8 making a new hidden
      // class for each key (a third of a national first run's planning).
      figures = Object.create(null) as Record<string, unknown>;
      figuresOf.set(row.unitId, figures);
    }
    figures[row.field] = row.to;
  }
  for (const row of unitChanges) {
    if (row.kind === 'added') row.to = { ...(row.to as object), figures: figuresOf.get(row.unitId) ?? {} };
  }
  const history = [
    ...unitChanges,
    ...linkHistory(kommun, state.links, links, added),
    ...figureRows.filter((row) => !added.has(row.unitId)),
  ];
  for (const service of servicesOfFigures(values, areaValues, links, state.links))
    changedSystems.add(service);
  const stillDemo = new Set(SYNC_SERVICES.filter((s) => basis[s] === 'demo'));
  const changedServices = SYNC_SERVICES.filter((service) => {
    if (stillDemo.has(service)) return false;
    const row = state.datasets.find((d) => d.service === service);
    return changedSystems.has(service) || !row?.indicatorsSyncedAt || row.kind !== 'live';
  });

  const endedIds = new Set(plan.ended);
  const listedUnit = new Set(
    state.units.filter((u) => u.status === 'aktiv' && !endedIds.has(u.id)).map((u) => u.id),
  );
  for (const a of plan.added) listedUnit.add(a.id);
  for (const id of plan.reopened) listedUnit.add(id);
  return {
    kommun,
    nowIso,
    today,
    values,
    areaValues,
    ous,
    units: plan,
    links: linksSame
      ? null
      : { rows: links.map((l) => ({ ...l, linkedAt: since.get(`${l.unitId}|${l.ou}`) ?? nowIso })) },
    unlinked: unlinkedSame
      ? null
      : { rows: unlinked.map((u) => ({ ...u, seenAt: seenAt.get(unlinkedKey(u)) ?? nowIso })) },
    history,
    summary: {
      added: values.added.length + areaValues.added.length,
      changed: values.changed.length + areaValues.changed.length,
      removed: values.removed.length + areaValues.removed.length,
      unchanged: values.unchanged + areaValues.unchanged,
      linked: links.filter((l) => listedUnit.has(l.unitId)).length,
      unlinked: unlinked.length,
      unlinkedOus: unlinked,
      withoutFigures: fetched.ous.filter((ou) => !withFigures.has(ou.id)).length,
      unitsAdded: plan.added.length,
      unitsEnded: plan.ended.length,
      basis,
      changedServices,
    },
  };
}

/** True when the plan writes nothing at all. */
export function isEmptyPlan(plan: KommunPlan): boolean {
  return (
    planSize(plan.values) + planSize(plan.areaValues) + plan.history.length === 0 &&
    plan.ous.upserts.length + plan.ous.gone.length === 0 &&
    plan.units.added.length + plan.units.renamed.length + plan.units.reopened.length === 0 &&
    plan.units.ended.length + plan.units.demoRemoved.length === 0 &&
    plan.links === null &&
    plan.unlinked === null &&
    plan.summary.changedServices.length === 0
  );
}

/** The systems whose figures moved: those whose units show a changed OU, and those of a changed kommun KPI. */
function servicesOfFigures(
  plan: ValuePlan,
  areaPlan: ValuePlan,
  links: readonly OuLink[],
  former: readonly StoredLink[],
): Set<SyncService> {
  const serviceOfOu = new Map<string, SyncService>();
  for (const l of [...former, ...links]) serviceOfOu.set(l.ou, l.service);
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
