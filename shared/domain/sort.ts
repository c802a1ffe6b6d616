import { swedishCollator } from './collation';
import type { Unit } from './unit';

/**
 * The one order of a list of units, for the API's `?sort=` and the extension's comparison alike.
 *
 * - A key: `name` (the default), `regi`, `verifiedAt` or an indicator id such as `U21468` (a Kolada KPI)
 *   or `npe_vard_och_behandling_medel` (the vårdcentral catalogue's).
 * - A direction: ascending; a leading `-` makes it descending (`-U21468`: the highest figure first).
 * - Units without a value for the key (a missing figure) come last in either direction.
 * - Ties, and the units without a value, go in Swedish alphabetical order by name (å, ä, ö last).
 * - A unit whose figures are per survey unit is placed where the first of its figures falls in the
 *   chosen order (its highest when descending, its lowest when ascending); all its figures are still
 *   shown side by side. Unknown regi or verifiedAt (a Kolada baseline unit) counts as missing.
 *
 * Sorting by an indicator is the user's choice of view, never a ranking the product makes.
 */
export const UNIT_SORT_PATTERN = /^-?(name|regi|verifiedAt|[A-Z]\d{5}|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)$/;

/** The rule in words, for the API reference (the `sort` parameter's description). */
export const UNIT_SORT_DESCRIPTION =
  'Re-sort: name (default), regi, verifiedAt, or an indicator id such as U21468 or npe_vard_och_behandling_medel, ascending; prefix - ' +
  'for descending (-U21468: highest figure first). Units without a figure come last either way; ties ' +
  'are in Swedish alphabetical order by name. A unit with several survey units is placed by the first ' +
  'of its figures in the chosen order.';

export type SortDirection = 'ascending' | 'descending';

export interface UnitOrder {
  key: string;
  direction: SortDirection;
}

/** "-U21468" -> { key: "U21468", direction: "descending" } */
export function parseUnitOrder(sort: string): UnitOrder {
  return sort.startsWith('-')
    ? { key: sort.slice(1), direction: 'descending' }
    : { key: sort, direction: 'ascending' };
}

/** { key: "U21468", direction: "descending" } -> "-U21468" */
export function formatUnitOrder(order: UnitOrder): string {
  return order.direction === 'descending' ? `-${order.key}` : order.key;
}

const byName = (a: Unit, b: Unit) => swedishCollator.compare(a.name, b.name);

function sortValue(unit: Unit, key: string, direction: SortDirection): string | number | null {
  if (key === 'regi' || key === 'verifiedAt') return unit[key];
  const found = unit.indicators.find((i) => i.id === key);
  if (!found) return null;
  if (found.value !== null) return found.value;
  const shown = found.figures.map((f) => f.value).filter((v): v is number => v !== null);
  if (shown.length === 0) return null;
  return direction === 'descending' ? Math.max(...shown) : Math.min(...shown);
}

/** A sorted copy; `order` as in `?sort=` ("name", "-U21468", ...) or parsed. */
export function sortUnits(units: readonly Unit[], order: string | UnitOrder = 'name'): Unit[] {
  const { key, direction } = typeof order === 'string' ? parseUnitOrder(order) : order;
  const sign = direction === 'descending' ? -1 : 1;
  if (key === 'name') return [...units].sort((a, b) => sign * byName(a, b));
  return [...units].sort((a, b) => {
    const va = sortValue(a, key, direction);
    const vb = sortValue(b, key, direction);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    return c !== 0 ? sign * c : byName(a, b);
  });
}
