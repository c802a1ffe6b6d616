import type { UnitChange } from '../history/changes';
import type { ValuePlan } from './plan';
import type { SyncValue } from './types';

/** Unit figures that changed, one history row each: field "KPI period", old and new figure. */
export function historyOf(
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
