import { unitId } from '../register/unit-id';
import type { ElderlyOu, OuLink, SyncService, SyncUnit } from './types';

/**
 * Baseline units: where a kommun has no register for a service, its units are Kolada's survey units of
 * that service, one unit per OU, named as Kolada writes the OU's title. What Kolada does not say
 * (regi, who verified it, contact) stays unknown; regi is never guessed from a name.
 */

/** The key a baseline unit is stored under: its kommun, service and OU, so its id never changes. */
export function baselineIdentity(kommun: string, service: SyncService, ou: string): string {
  return `${kommun}/${service}/kolada:${ou}`;
}

export function baselineUnitId(kommun: string, service: SyncService, ou: string): string {
  return unitId(kommun, service, `kolada:${ou}`);
}

/** The OU a baseline unit is, read back from its identity key. */
export function baselineOu(identityKey: string): string | null {
  return /\/kolada:([^/]+)$/.exec(identityKey)?.[1] ?? null;
}

export interface BaselinePlan {
  added: { id: string; ou: ElderlyOu }[];
  renamed: { id: string; from: string; to: string }[];
  /** Listed again (with figures) after having ended. */
  reopened: { id: string; statusDate: string | null }[];
  /** Kolada no longer lists its OU, or no longer has any figure for it. */
  ended: { id: string }[];
  /** One "kolada" link per baseline unit, ended ones included: the unit and its own OU. */
  links: OuLink[];
}

/**
 * What makes the stored baseline units of one service match Kolada. Pure. A unit is listed while
 * Kolada lists its OU and has at least one figure of the configured indicators for it (in any year
 * stored): an OU in the list without any figure is not shown, since nothing says it is a provider
 * in the choice system today (Kolada's list also holds units that have closed).
 */
export function planBaseline(input: {
  kommun: string;
  service: SyncService;
  /** The kommun's listed elderly-care OUs (any service; others are ignored). */
  ous: readonly ElderlyOu[];
  /** OUs with at least one stored figure. */
  withFigures: ReadonlySet<string>;
  /** The kommun's stored units (any origin; only this service's baseline units count). */
  units: readonly SyncUnit[];
}): BaselinePlan {
  const plan: BaselinePlan = { added: [], renamed: [], reopened: [], ended: [], links: [] };
  const existing = new Map<string, SyncUnit>();
  for (const unit of input.units) {
    if (unit.origin !== 'kolada' || unit.service !== input.service) continue;
    const ou = baselineOu(unit.identityKey);
    if (ou) existing.set(ou, unit);
  }
  const wanted = new Set<string>();
  for (const ou of input.ous) {
    if (ou.service !== input.service || !input.withFigures.has(ou.id)) continue;
    wanted.add(ou.id);
    const unit = existing.get(ou.id);
    const id = unit?.id ?? baselineUnitId(input.kommun, input.service, ou.id);
    plan.links.push({ unitId: id, service: input.service, ou: ou.id, ouTitle: ou.title, method: 'kolada' });
    if (!unit) {
      plan.added.push({ id, ou });
      continue;
    }
    if (unit.name !== ou.title) plan.renamed.push({ id, from: unit.name, to: ou.title });
    if (unit.status === 'avslutad') plan.reopened.push({ id, statusDate: unit.statusDate });
  }
  for (const [ou, unit] of existing) {
    if (wanted.has(ou)) continue;
    // An ended unit keeps its OU and the figures it had: they are still what its last survey said.
    plan.links.push({ unitId: unit.id, service: input.service, ou, ouTitle: unit.name, method: 'kolada' });
    if (unit.status === 'aktiv') plan.ended.push({ id: unit.id });
  }
  return plan;
}
