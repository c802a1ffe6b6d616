import type { ChangeRow } from './bulk';
import type { ValuePlan } from './plan';
import type { OuLink, SyncValue } from './types';

/**
 * The history rows of changed figures. A figure belongs to a survey unit (OU); each unit that shows
 * it gets one row, field "KPI period OU" ("U21468 2026 V21E058100101"), with the old and new figure.
 * Removed figures also reach the units that showed them before this sync.
 */
export function figureHistory(
  plan: ValuePlan,
  kommun: string,
  links: readonly OuLink[],
  formerLinks: readonly OuLink[],
): ChangeRow[] {
  const unitsOf = (list: readonly OuLink[]) => {
    const map = new Map<string, OuLink[]>();
    for (const link of list) map.set(link.ou, [...(map.get(link.ou) ?? []), link]);
    return map;
  };
  const now = unitsOf(links);
  const before = unitsOf(formerLinks);
  const rows: ChangeRow[] = [];
  const add = (v: SyncValue, from: number | null, to: number | null, reach: Map<string, OuLink[]>[]) => {
    if (v.scope !== 'ou') return;
    const reached: string[] = [];
    for (const map of reach) {
      for (const link of map.get(v.subject) ?? []) {
        // A figure reaches a unit or two: a list, not a set per figure (half a million in a first run).
        if (reached.includes(link.unitId)) continue;
        reached.push(link.unitId);
        rows.push({
          unitId: link.unitId,
          huvudman: kommun,
          service: link.service,
          kind: 'indicator',
          field: `${v.indicatorId} ${v.period} ${v.subject}`,
          from,
          to,
        });
      }
    }
  };
  for (const v of plan.added) add(v, null, v.value, [now]);
  for (const { before: b, after } of plan.changed) {
    if (b.kind === 'demo') add(after, null, after.value, [now]);
    else if (b.value !== after.value) add(after, b.value, after.value, [now]);
  }
  for (const v of plan.removed) if (v.kind === 'live') add(v, v.value, null, [now, before]);
  return rows;
}

/**
 * A unit whose survey units changed (a name link came or went, the editor's kolada_ou took over):
 * one row, field "surveyUnits", the OU ids before and after. Units added in this sync are left out:
 * their addition already says which OU they are.
 */
export function linkHistory(
  kommun: string,
  former: readonly Pick<OuLink, 'unitId' | 'ou' | 'service'>[],
  links: readonly OuLink[],
  added: ReadonlySet<string>,
): ChangeRow[] {
  const setsOf = (list: readonly Pick<OuLink, 'unitId' | 'ou' | 'service'>[]) => {
    const map = new Map<string, { service: string; ous: string[] }>();
    for (const l of list) {
      const entry = map.get(l.unitId) ?? { service: l.service, ous: [] };
      entry.ous.push(l.ou);
      map.set(l.unitId, entry);
    }
    for (const entry of map.values()) entry.ous.sort();
    return map;
  };
  const before = setsOf(former);
  const after = setsOf(links);
  const rows: ChangeRow[] = [];
  for (const unitId of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    if (added.has(unitId)) continue;
    const from = before.get(unitId)?.ous ?? [];
    const to = after.get(unitId)?.ous ?? [];
    if (from.join() === to.join()) continue;
    const service = (after.get(unitId) ?? before.get(unitId))!.service;
    rows.push({ unitId, huvudman: kommun, service, kind: 'changed', field: 'surveyUnits', from, to });
  }
  return rows;
}
