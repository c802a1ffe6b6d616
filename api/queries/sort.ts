import { swedishCollator, type Unit } from '../../shared/domain';

/**
 * How a user may re-sort a list. The default is Swedish alphabetical by name; "-" reverses.
 * Sorting by an indicator is the user's choice of view, never a ranking the product makes; units
 * without a figure always come last, in alphabetical order.
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
      const c = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
      return c !== 0 ? direction * c : byName(a, b);
    }
    const va = a.indicators.find((i) => i.id === key)?.value ?? null;
    const vb = b.indicators.find((i) => i.id === key)?.value ?? null;
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    return va !== vb ? direction * (va - vb) : byName(a, b);
  };
  return [...items].sort(compare);
}
