import type { UnitList } from '../../shared/domain/api';
import type { Unit } from '../../shared/domain/unit';
import { createMatcher } from '../../shared/matching';
import type { Listing } from './listings';

export interface MatchedListing {
  listing: Listing;
  unit: Unit;
}

/**
 * Matches the page's listings against the huvudman's units with the shared matcher. Running text
 * is matched strictly (a wrong match is worse than none); each element gets each unit at most once.
 */
export function matchListings(
  listings: readonly Listing[],
  list: UnitList,
  contextNames: string[],
): MatchedListing[] {
  if (listings.length === 0 || list.items.length === 0) return [];
  const byId = new Map(list.items.map((u) => [u.id, u]));
  const candidates = list.items.map((u) => ({
    id: u.id,
    huvudman: u.huvudman,
    service: u.service,
    name: u.name,
    aliases: u.aliases,
    hsaId: u.hsaId,
  }));
  const options = { huvudman: list.huvudman, service: list.service, contextNames };
  const loose = createMatcher(candidates, options);
  const strict = listings.some((l) => l.kind === 'text')
    ? createMatcher(candidates, { ...options, strict: true })
    : loose;
  const matched: MatchedListing[] = [];
  const perElement = new Map<Element, Set<string>>();
  const matchedGroups = new Set<number>();
  const structural = new Set<string>();
  for (const listing of listings) {
    if (listing.group !== undefined && matchedGroups.has(listing.group)) continue;
    const matcher = listing.kind === 'text' ? strict : loose;
    const result = matcher.match(listing.text, listing.hint);
    const unit = result.unit && byId.get(result.unit.id);
    if (!unit) continue;
    // A name in running text gets a badge only when no list, table or heading on the page has one.
    if (listing.kind === 'text' && structural.has(unit.id)) continue;
    if (listing.kind !== 'text') structural.add(unit.id);
    if (listing.group !== undefined) matchedGroups.add(listing.group);
    const units = perElement.get(listing.element) ?? new Set<string>();
    if (units.has(unit.id)) continue;
    units.add(unit.id);
    perElement.set(listing.element, units);
    matched.push({ listing, unit });
  }
  return matched;
}
