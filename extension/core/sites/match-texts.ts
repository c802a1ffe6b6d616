import type { UnitList } from '../../../shared/domain/api';
import { createMatcher, type Matcher, type MatchHint, namePart } from '../../../shared/matching';
import type { Listing } from './listings';
import { type ListingMatch, type ListingText, listingTexts, type MatchedListing, pairMatches } from './match';

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
    // A unit is a match candidate as it is (id, huvudman, service, name, aliases, hsaId, regi).
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

function nameEndIn(text: string): number {
  const part = namePart(text);
  const at = part ? text.indexOf(part) : -1;
  return at >= 0 ? at + part.length : text.length;
}

/**
 * What each listing names (or null), with the shared matcher. Runs in the background service worker,
 * off the page's main thread.
 * - Structural listings (list items, rows, cards, terms, sections, headings, links) are first matched
 *   with no context: the rules that hold everywhere. A list with at least one item so named is a list
 *   of providers; its other items are then matched as "provider-list" items, where the kommun's own
 *   provider ("Laholms kommun", "Kommunens hemtjänst"), short forms ("Attendo") and a chain's brand
 *   listed once (a group of units) are recognised. A list that names no provider by name (news,
 *   related links) never gets those readings.
 * - Running text is matched strictly, as "running-text". Spans of one clause compete: the first
 *   match (longest first from each capitalised word) takes its words, and a span overlapping it is
 *   not read, so two providers in one sentence are each found once. A name already badged by the
 *   item a paragraph describes (a card's text, a term's dd) is not badged again there; a list
 *   elsewhere on the page naming the same provider does not stop it; the page's own heading (a
 *   provider's page) does.
 */
export function matchTexts(
  list: UnitList,
  listings: readonly ListingText[],
  contextNames: readonly string[],
): (ListingMatch | null)[] {
  const matches: (ListingMatch | null)[] = listings.map(() => null);
  if (listings.length === 0 || list.items.length === 0) return matches;
  const { loose, strict } = matchersFor(list, contextNames);
  const hintOf = (listing: ListingText, context?: MatchHint['context']): MatchHint | undefined =>
    listing.hsaId || context
      ? { ...(listing.hsaId ? { hsaId: listing.hsaId } : {}), ...(context ? { context } : {}) }
      : undefined;
  const providerLists = new Set<number>();
  const takenSpans = new Map<number, [number, number][]>();
  const itemUnits = new Map<number, Set<string>>();
  // A heading of its own (a provider's page: its h1) names what the page is about; its text does not
  // list that provider again.
  const pageSubjects = new Set<string>();
  listings.forEach((listing, i) => {
    if (listing.kind === 'text') return;
    const id = loose.match(listing.text, hintOf(listing)).unit?.id;
    if (!id) return;
    // A text that names only the kommun ("Hemtjänst i Falköpings kommun", a related link) may score
    // as the kommun's own unit by name when that unit is called after the kommun; only as an item of
    // a list that names providers is it the kommun's own provider (below).
    if (loose.match(listing.text, hintOf(listing, 'chrome')).reason === 'kommun_only') return;
    matches[i] = { ids: [id], nameEnd: nameEndIn(listing.text) };
    if (listing.list !== undefined) providerLists.add(listing.list);
  });
  const noteItem = (listing: ListingText, ids: readonly string[]) => {
    if (listing.item === undefined) return;
    const units = itemUnits.get(listing.item) ?? new Set<string>();
    for (const id of ids) units.add(id);
    itemUnits.set(listing.item, units);
  };
  listings.forEach((listing, i) => {
    if (matches[i] || listing.kind === 'text') return;
    if (listing.context !== 'provider-list' || listing.list === undefined || !providerLists.has(listing.list))
      return;
    const result = loose.match(listing.text, hintOf(listing, 'provider-list'));
    const ids = result.unit ? [result.unit.id] : (result.group ?? []).map((u) => u.id);
    if (ids.length > 0) matches[i] = { ids, nameEnd: nameEndIn(listing.text) };
  });
  listings.forEach((listing, i) => {
    if (listing.kind !== 'text') {
      const match = matches[i];
      if (match) noteItem(listing, match.ids);
      if (match && listing.kind === 'heading' && listing.list === undefined)
        for (const id of match.ids) pageSubjects.add(id);
      return;
    }
    const group = listing.group ?? -1 - i;
    const span = listing.span ?? [0, listing.text.length];
    const taken = takenSpans.get(group) ?? [];
    if (taken.some(([a, b]) => span[0] < b && a < span[1])) return;
    const id = strict().match(listing.text, hintOf(listing, 'running-text')).unit?.id;
    if (!id) return;
    if (listing.item !== undefined && itemUnits.get(listing.item)?.has(id)) return;
    if (pageSubjects.has(id)) return;
    taken.push(span);
    takenSpans.set(group, taken);
    matches[i] = { ids: [id], nameEnd: listing.text.length };
  });
  return matches;
}

/** Both steps in one place, for tests and callers that hold the list. */
export function matchListings(
  listings: readonly Listing[],
  list: UnitList,
  contextNames: string[],
): MatchedListing[] {
  return pairMatches(listings, matchTexts(list, listingTexts(listings), contextNames), list);
}
