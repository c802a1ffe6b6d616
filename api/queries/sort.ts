/**
 * How a user may re-sort a list: the one rule in shared/domain/sort.ts, also used by the extension's
 * comparison (key, direction with a leading "-", missing last, Swedish name order for ties).
 */
export {
  sortUnits,
  UNIT_SORT_DESCRIPTION as SORT_DESCRIPTION,
  UNIT_SORT_PATTERN as SORT_PATTERN,
} from '../../shared/domain/sort';

/** `?sort=` as given: "name", "-U21468", ... (checked against SORT_PATTERN by the route) */
export type UnitSort = string;
