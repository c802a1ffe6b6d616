import { and, eq, inArray } from 'drizzle-orm';
import { indicatorsFor } from '../../shared/reference';
import { indicatorValues } from '../db/schema';
import type { StoredValue } from './plan';
import type { Transaction } from './store';
import { type KommunSnapshot, kpisFor, type SyncValue } from './types';
import { valueKey } from './values';

const CHUNK = 200;

/**
 * The stored rows this sync answers for: the systems' unit figures and the kommun's comparison
 * figures (any kind, so demo figures go), and the country's live figures. The country's demo figures
 * belong to every demo kommun and are only overwritten where a real figure takes their place.
 */
export async function storedInScope(
  tx: Transaction,
  snapshot: KommunSnapshot,
  systemUnits: { id: string; service: string }[],
  incoming: readonly SyncValue[],
  years: readonly number[] | undefined,
  complete: ReadonlySet<string>,
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
  return periods
    ? rows.filter((r) => r.kind === 'demo' || complete.has(r.subject) || periods.includes(r.period))
    : rows;
}
