import type { UnitList } from '../../../shared/domain/api';
import type { Unit } from '../../../shared/domain/unit';
import { createMatcher, type Matcher } from '../../../shared/matching';
import type { Listing, ListingKind } from './listings';

/** What matching needs of a listing; plain data, so it can be sent to the background. */
export interface ListingText {
  text: string;
  kind: ListingKind;
  group?: number;
  hsaId?: string;
}

export function listingTexts(listings: readonly Listing[]): ListingText[] {
  return listings.map((l) => ({ text: l.text, kind: l.kind, group: l.group, hsaId: l.hint?.hsaId }));
}

interface Matchers {
  loose: Matcher;
  strict: () => Matcher;
}

const cache = new Map<string, Matchers>();

/** One matcher pair per list version and context, built once and reused across pages. */
function matchersFor(list: UnitList, contextNames: readonly string[]): Matchers {
  const key = `${list.huvudman}:${list.service}:${list.dataset.version}:${list.items.length}:${contextNames.join('|')}`;
  let matchers = cache.get(key);
  if (!matchers) {
    // A unit is a match candidate as it is (id, huvudman, service, name, aliases, hsaId).
    const candidates = list.items;
    const options = { huvudman: list.huvudman, service: list.service, contextNames };
    let strict: Matcher | undefined;
    matchers = {
      loose: createMatcher(candidates, options),
      strict: () => {
        strict ??= createMatcher(candidates, { ...options, strict: true });
        return strict;
      },
    };
    if (cache.size > 8) cache.clear();
    cache.set(key, matchers);
  }
  return matchers;
}

/**
 * The unit id (or null) for each listing, with the shared matcher. Runs in the background service
 * worker, off the page's main thread. Running text is matched strictly (a wrong match is worse than
 * none), only the first match in a clause counts, and a name in running text is not badged when a
 * list, table or heading names the same unit.
 */
export function matchTexts(
  list: UnitList,
  listings: readonly ListingText[],
  contextNames: readonly string[],
) {
  const ids: (string | null)[] = listings.map(() => null);
  if (listings.length === 0 || list.items.length === 0) return ids;
  const { loose, strict } = matchersFor(list, contextNames);
  const matchedGroups = new Set<number>();
  const structural = new Set<string>();
  listings.forEach((listing, i) => {
    if (listing.group !== undefined && matchedGroups.has(listing.group)) return;
    const matcher = listing.kind === 'text' ? strict() : loose;
    const id =
      matcher.match(listing.text, listing.hsaId ? { hsaId: listing.hsaId } : undefined).unit?.id ?? null;
    if (!id) return;
    if (listing.kind === 'text' && structural.has(id)) return;
    if (listing.kind !== 'text') structural.add(id);
    if (listing.group !== undefined) matchedGroups.add(listing.group);
    ids[i] = id;
  });
  return ids;
}

export interface MatchedListing {
  listing: Listing;
  unit: Unit;
}

/** Pairs listings with their matched units; each element gets each unit at most once. */
export function pairMatches(
  listings: readonly Listing[],
  ids: readonly (string | null)[],
  list: UnitList,
): MatchedListing[] {
  const byId = new Map(list.items.map((u) => [u.id, u]));
  const perElement = new Map<Element, Set<string>>();
  const matched: MatchedListing[] = [];
  listings.forEach((listing, i) => {
    const unit = byId.get(ids[i] ?? '');
    if (!unit) return;
    const units = perElement.get(listing.element) ?? new Set<string>();
    if (units.has(unit.id)) return;
    units.add(unit.id);
    perElement.set(listing.element, units);
    matched.push({ listing, unit });
  });
  return matched;
}

/** Both steps in one place, for tests and callers that hold the list. */
export function matchListings(
  listings: readonly Listing[],
  list: UnitList,
  contextNames: string[],
): MatchedListing[] {
  return pairMatches(listings, matchTexts(list, listingTexts(listings), contextNames), list);
}
