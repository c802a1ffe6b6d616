import { and, eq, inArray, sql } from 'drizzle-orm';
import { SOURCES } from '../../shared/reference';
import { indicatorValues } from '../db/schema';
import type { StoredValue, ValuePlan } from './plan';
import type { Transaction } from './store';

const CHUNK = 200;

/** Upserts the plan's new and changed figures as live Kolada figures, and deletes its removed ones. */
export async function writeValues(tx: Transaction, plan: ValuePlan, nowIso: string): Promise<void> {
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
