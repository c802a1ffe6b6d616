import { and, eq, sql } from 'drizzle-orm';
import { KOLADA_RIKET, koladaIdForRegion } from '../../shared/domain/huvudman';
import { REGIONER } from '../../shared/reference';
import { VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';
import type { Database } from '../db/client';
import { bumpDataVersion } from '../db/data-version';
import { datasets } from '../db/schema';
import type { KoladaClient, KoladaDataRow } from '../kolada';
import { deleteValues, readValues, upsertValues } from './bulk';
import type { FetchOptions } from './fetch';
import { planSize, planValues } from './plan';
import type { RiketSummary, StoreOptions } from './store';
import type { SyncValue } from './types';
import { cataloguePublicationDate, collectValues } from './values';

/**
 * The region-level Kolada KPIs the vårdcentral catalogue compares with (koladaComparisonKpi): the patient
 * survey's dimension means N78110-N78115, its response rate, the waiting-time shares. Kolada has them per
 * region (type "L") and for the country, not per vårdcentral, so they are stored as the regions' and the
 * country's comparison figures under their KPI ids (scope "region", subject "0005"; scope "riket",
 * subject "0000"). A figures file's figures are stored under the catalogue's ids, so the two never meet.
 */
export function regionKpis(): string[] {
  return [...new Set(VARDCENTRAL_INDICATORS.flatMap((i) => i.kolada.map((k) => k.kpi)))].sort();
}

/** Kolada's ids of the 21 regions ("0001"-"0025"). */
export function regionSubjects(): string[] {
  return REGIONER.map((r) => koladaIdForRegion(r.code));
}

/** One request (22 ids, within Kolada's 25): every region's and the country's figures of those KPIs. */
export async function fetchRegionFigures(
  kolada: KoladaClient,
  options: FetchOptions = {},
): Promise<KoladaDataRow[]> {
  return kolada.municipalityData({
    kpis: regionKpis(),
    municipalities: [...regionSubjects(), KOLADA_RIKET],
    years: options.years,
    fromDate: options.fromDate,
  });
}

/** Kolada's region and country rows as stored figures; rows of any other subject are dropped. Pure. */
export function toRegionValues(
  rows: readonly KoladaDataRow[],
  publicationDate = cataloguePublicationDate,
): { values: SyncValue[]; deleted: SyncValue[] } {
  const regions = new Set(regionSubjects());
  const collected = collectValues(publicationDate);
  for (const row of rows) {
    const scope = row.subject === KOLADA_RIKET ? 'riket' : regions.has(row.subject) ? 'region' : null;
    if (scope !== null) collected.put(row, scope);
  }
  const { values, deleted } = collected.result();
  return { values, deleted };
}

/**
 * Writes the regions' and the country's comparison figures of the vårdcentral measures in one
 * transaction, as the national figures are written: only what differs, nothing at all on a repeat; the
 * live vårdcentral lists get a new version when any moved.
 */
export async function storeRegionFigures(
  db: Database,
  rows: readonly KoladaDataRow[],
  options: Pick<StoreOptions, 'mode' | 'years' | 'now' | 'publicationDate'>,
): Promise<RiketSummary> {
  const nowIso = options.now.toISOString();
  const incoming = toRegionValues(rows, options.publicationDate);
  const kpis = regionKpis();
  const periods = options.years?.map(String);
  return db.transaction(async (tx) => {
    const stored = [
      ...(await readValues(tx, { scope: 'region', subjects: regionSubjects(), kpis })),
      ...(await readValues(tx, { scope: 'riket', subjects: [KOLADA_RIKET], kpis })),
    ].filter((v) => !periods || periods.includes(v.period));
    const plan = planValues({
      stored,
      incoming: incoming.values,
      deleted: incoming.deleted,
      mode: options.mode,
    });
    const summary = {
      added: plan.added.length,
      changed: plan.changed.length,
      removed: plan.removed.length,
      unchanged: plan.unchanged,
    };
    if (planSize(plan) === 0) return summary;
    await upsertValues(tx, [...plan.added, ...plan.changed.map((c) => c.after)], nowIso);
    await deleteValues(tx, plan.removed);
    await tx
      .update(datasets)
      .set({ version: sql`${datasets.version} + 1`, indicatorsSyncedAt: nowIso, updatedAt: nowIso })
      .where(and(eq(datasets.kind, 'live'), eq(datasets.service, 'vardcentral')));
    await bumpDataVersion(tx);
    return summary;
  });
}
