import { todayInSweden } from '../../shared/register';

/**
 * Today's date in Sweden, recomputed at most once a second: formatting a date in a time zone costs
 * more than answering a cached list, and every request needs the date (a unit's `stale` depends on it).
 */
export function swedishToday(now: () => number = Date.now): () => string {
  let computedAt = Number.NEGATIVE_INFINITY;
  let today = '';
  return () => {
    const time = now();
    if (time - computedAt >= 1000 || time < computedAt) {
      today = todayInSweden(new Date(time));
      computedAt = time;
    }
    return today;
  };
}
