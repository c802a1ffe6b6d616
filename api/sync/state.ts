import { getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { datasets, koladaLinks, koladaOus, koladaUnlinkedOus, units } from '../db/schema';
import { jsonList, readValues, selectRows } from './bulk';
import type { StoredValue } from './plan';
import { isSyncService, type KommunFetch, kpisFor, SYNC_SERVICES, type SyncUnit } from './types';

export type StoredLink = typeof koladaLinks.$inferSelect;
export type StoredOu = typeof koladaOus.$inferSelect;
export type StoredUnlinked = typeof koladaUnlinkedOus.$inferSelect;

/** What is stored for one kommun, as far as its sync needs it: read once per batch, not per kommun. */
export interface KommunState {
  units: SyncUnit[];
  links: StoredLink[];
  /** Its OUs, and any OU it lists now that was stored under another kommun. */
  ous: StoredOu[];
  unlinked: StoredUnlinked[];
  datasets: { service: string; kind: 'demo' | 'live'; indicatorsSyncedAt: string | null }[];
  /** Every stored figure of the OUs it asked about, every year. */
  ouValues: StoredValue[];
  /** Its own comparison figures, any kind. */
  kommunValues: StoredValue[];
}

const bySubject = (v: StoredValue) => v.subject;

/** Rows by a key of theirs. A run of rows with the same key costs one lookup, not one each. */
function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  let last: string | undefined;
  let list: T[] = [];
  for (const row of rows) {
    const k = key(row);
    if (k !== last) {
      last = k;
      list = map.get(k) ?? [];
      map.set(k, list);
    }
    list.push(row);
  }
  return map;
}

/**
 * Reads the stored state of a batch of kommuner in a handful of queries, each binding a few JSON
 * lists however many kommuner, units or OUs there are.
 */
export async function loadBatchState(
  tx: Transaction,
  batch: readonly KommunFetch[],
): Promise<Map<string, KommunState>> {
  const kommuner = batch.map((f) => f.kommun);
  const asked = [...new Set(batch.flatMap((f) => f.askedOus))];
  const listed = [...new Set(batch.flatMap((f) => f.ous.map((ou) => ou.id)))];
  const [unitRows, linkRows, ouRows, unlinkedRows, datasetRows, ouValues, kommunValues] = await Promise.all([
    selectRows(
      tx,
      units,
      {
        id: units.id,
        huvudman: units.huvudman,
        service: units.service,
        origin: units.origin,
        kind: units.kind,
        name: units.name,
        aliases: units.aliases,
        koladaOu: units.koladaOu,
        identityKey: units.identityKey,
        status: units.status,
        statusDate: units.statusDate,
      },
      sql`${units.huvudman} IN ${jsonList(kommuner)} AND ${inArray(units.service, [...SYNC_SERVICES])}`,
    ),
    selectRows(
      tx,
      koladaLinks,
      getTableColumns(koladaLinks),
      inArray(koladaLinks.huvudman, jsonList(kommuner)),
    ),
    selectRows(
      tx,
      koladaOus,
      getTableColumns(koladaOus),
      or(inArray(koladaOus.huvudman, jsonList(kommuner)), inArray(koladaOus.id, jsonList(listed)))!,
    ),
    selectRows(
      tx,
      koladaUnlinkedOus,
      getTableColumns(koladaUnlinkedOus),
      inArray(koladaUnlinkedOus.huvudman, jsonList(kommuner)),
    ),
    selectRows(
      tx,
      datasets,
      {
        huvudman: datasets.huvudman,
        service: datasets.service,
        kind: datasets.kind,
        indicatorsSyncedAt: datasets.indicatorsSyncedAt,
      },
      inArray(datasets.huvudman, jsonList(kommuner)),
    ),
    // Two lookups by the key's (scope, subject) prefix: an OR of the two would scan the table. SQLite
    // answers a subject's figures together, so grouping them costs a lookup per subject.
    readValues(tx, { scope: 'ou', subjects: asked, kpis: kpisFor() }).then((v) => group(v, bySubject)),
    readValues(tx, { scope: 'kommun', subjects: kommuner, kpis: kpisFor() }).then((v) => group(v, bySubject)),
  ]);
  const unitsOf = group(unitRows, (u) => u.huvudman);
  const linksOf = group(linkRows, (l) => l.huvudman);
  const unlinkedOf = group(unlinkedRows, (u) => u.huvudman);
  const datasetsOf = group(datasetRows, (d) => d.huvudman);
  const state = new Map<string, KommunState>();
  for (const fetched of batch) {
    const { kommun } = fetched;
    const mine = new Set(fetched.ous.map((ou) => ou.id));
    state.set(kommun, {
      units: (unitsOf.get(kommun) ?? []).flatMap(({ huvudman: _, service, ...u }) =>
        isSyncService(service) ? [{ ...u, service }] : [],
      ),
      links: linksOf.get(kommun) ?? [],
      ous: ouRows.filter((ou) => ou.huvudman === kommun || mine.has(ou.id)),
      unlinked: unlinkedOf.get(kommun) ?? [],
      datasets: datasetsOf.get(kommun) ?? [],
      ouValues: fetched.askedOus.flatMap((id) => ouValues.get(id) ?? []),
      kommunValues: kommunValues.get(kommun) ?? [],
    });
  }
  return state;
}
