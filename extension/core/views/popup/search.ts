import { foldText } from '../../../../shared/domain/text';
import type { Place } from '../../sites/places';

/** Places whose name starts with (or contains) the query, starts first; at most `limit`. */
export function searchPlaces(places: readonly Place[], query: string, limit = 8): Place[] {
  const q = foldText(query.trim());
  if (!q) return [];
  const starts: Place[] = [];
  const contains: Place[] = [];
  for (const place of places) {
    const names = [place.name, place.lanName ?? ''].map(foldText);
    if (names.some((n) => n.startsWith(q))) starts.push(place);
    else if (names.some((n) => n.includes(q))) contains.push(place);
  }
  return [...starts, ...contains].slice(0, limit);
}
