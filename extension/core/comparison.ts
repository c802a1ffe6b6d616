import type { Service } from '../../shared/domain/service';

/**
 * The comparison list's rules, in one place for the overlay (details dialog, entry point) and the
 * side panel: one choice system (huvudman and service) at a time; units chosen from another system
 * start a new list; "Se alla utförare" shows every unit of the system, whatever was chosen.
 */

/** A choice system: whose, and which service. A unit list is one. */
export interface ChoiceSystem {
  huvudman: string;
  service: Service;
}

/** The units chosen for side-by-side comparison, and whether the view shows them or all units. */
export interface Comparison extends ChoiceSystem {
  unitIds: string[];
  /** Absent in lists stored before it existed: then an empty list means all. */
  show?: ComparisonMode;
}

export type ComparisonMode = 'chosen' | 'all';

/** Whether the stored comparison is about this choice system. */
export function isSameSystem(comparison: Comparison | null, system: ChoiceSystem): comparison is Comparison {
  return comparison?.huvudman === system.huvudman && comparison.service === system.service;
}

/** The units chosen in this system (none when the comparison is about another one). */
export function chosenIds(comparison: Comparison | null, system: ChoiceSystem): string[] {
  return isSameSystem(comparison, system) ? comparison.unitIds : [];
}

function listOf(system: ChoiceSystem, unitIds: string[], show: ComparisonMode): Comparison {
  return { huvudman: system.huvudman, service: system.service, unitIds, show };
}

export function addUnit(comparison: Comparison | null, system: ChoiceSystem, unitId: string): Comparison {
  const ids = chosenIds(comparison, system);
  return listOf(system, ids.includes(unitId) ? ids : [...ids, unitId], 'chosen');
}

export function removeUnit(comparison: Comparison | null, system: ChoiceSystem, unitId: string): Comparison {
  const ids = chosenIds(comparison, system).filter((id) => id !== unitId);
  return listOf(system, ids, comparison?.show ?? 'chosen');
}

/** Adds the unit, or removes it when it is already chosen (the details' "Lägg till i jämförelse"). */
export function toggleUnit(comparison: Comparison | null, system: ChoiceSystem, unitId: string): Comparison {
  return chosenIds(comparison, system).includes(unitId)
    ? removeUnit(comparison, system, unitId)
    : addUnit(comparison, system, unitId);
}

/** Every unit of the system ("Se alla utförare"); the chosen ones stay chosen for later. */
export function showAll(comparison: Comparison | null, system: ChoiceSystem): Comparison {
  return listOf(system, chosenIds(comparison, system), 'all');
}

/** What the comparison view shows for a stored comparison. */
export function comparisonMode(comparison: Comparison | null): ComparisonMode {
  if (comparison?.show) return comparison.show;
  return comparison && comparison.unitIds.length > 0 ? 'chosen' : 'all';
}
