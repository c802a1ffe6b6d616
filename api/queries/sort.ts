import { swedishCollator, type Unit } from '../../shared/domain';

/**
 * How a user may re-sort a list. The default is Swedish alphabetical by name; "-" reverses.
 * Sorting by an indicator is the user's choice of view, never a ranking the product makes; units
 * without a figure always come last, in alphabetical order. A unit whose figures are per survey unit
 * is placed where the first of its figures falls in the chosen order (its highest when descending,
 * its lowest when ascending); its figures are still all shown, side by side. Unknown regi or
 * verifiedAt sort last, like a missing figure.
 */
export type UnitSort = string;

export const SORT_PATTERN = /^-?(name|regi|verifiedAt|[A-Z]\d{5})$/;

export function sortUnits(items: readonly Unit[], sort: UnitSort): Unit[] {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const byName = (a: Unit, b: Unit) => swedishCollator.compare(a.name, b.name);
  const direction = descending ? -1 : 1;
  const compare = (a: Unit, b: Unit): number => {
    if (key === 'name') return direction * byName(a, b);
    if (key === 'regi' || key === 'verifiedAt') {
      const ka = a[key];
      const kb = b[key];
      if (ka === null || kb === null) return ka === kb ? byName(a, b) : ka === null ? 1 : -1;
      const c = ka < kb ? -1 : ka > kb ? 1 : 0;
      return c !== 0 ? direction * c : byName(a, b);
    }
    const va = sortValue(a, key, descending);
    const vb = sortValue(b, key, descending);
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    return va !== vb ? direction * (va - vb) : byName(a, b);
  };
  return [...items].sort(compare);
}

/** The figure a unit is placed by: its one figure, or the first of its survey units' in the chosen order. */
function sortValue(unit: Unit, indicator: string, descending: boolean): number | null {
  const found = unit.indicators.find((i) => i.id === indicator);
  if (!found) return null;
  if (found.value !== null) return found.value;
  const shown = found.figures.map((f) => f.value).filter((v): v is number => v !== null);
  if (shown.length === 0) return null;
  return descending ? Math.max(...shown) : Math.min(...shown);
}
