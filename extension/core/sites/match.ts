import type { UnitList } from '../../../shared/domain/api';
import type { Unit } from '../../../shared/domain/unit';
import type { Listing, ListingContext, ListingKind } from './listings';

// What the content script needs to send listings and pair the answers; the matching itself runs in the
// background (match-texts.ts), so the content script carries none of the matcher's word lists.

/** What matching needs of a listing; plain data, so it can be sent to the background. */
export interface ListingText {
  text: string;
  kind: ListingKind;
  group?: number;
  hsaId?: string;
  context?: ListingContext;
  list?: number;
  item?: number;
  span?: [number, number];
}

export function listingTexts(listings: readonly Listing[]): ListingText[] {
  return listings.map((l) => ({
    text: l.text,
    kind: l.kind,
    group: l.group,
    hsaId: l.hint?.hsaId,
    context: l.context,
    list: l.list,
    item: l.item,
    span: l.span,
  }));
}

/**
 * What a listing names: one unit, or (a chain's brand listed once, in a provider list) every unit
 * of the group in the matcher's Swedish order; `nameEnd` is where the name part ends in the
 * listing's text (the rest is a phone number, an area, a description), so the badge can stand right
 * after the name.
 */
export interface ListingMatch {
  ids: string[];
  nameEnd: number;
}

/** A listing and what it names: one unit, or a chain's units (`units`, Swedish order; `unit` is the first). */
export interface MatchedListing {
  listing: Listing;
  unit: Unit;
  units: Unit[];
  /** Where the name part ends in the listing's text */
  nameEnd: number;
}

/** Pairs listings with their matched units; each element gets each unit (or group) at most once. */
export function pairMatches(
  listings: readonly Listing[],
  matches: readonly (ListingMatch | null)[],
  list: UnitList,
): MatchedListing[] {
  const byId = new Map(list.items.map((u) => [u.id, u]));
  const perElement = new Map<Element, Set<string>>();
  const matched: MatchedListing[] = [];
  listings.forEach((listing, i) => {
    const match = matches[i];
    if (!match) return;
    const units = match.ids.map((id) => byId.get(id)).filter((u): u is Unit => !!u);
    if (units.length === 0 || units.length !== match.ids.length) return;
    const key = match.ids.join(' ');
    // Two spans of running text in one paragraph may name two providers; one provider is badged once
    // per element (per text node for running text).
    const where = listing.textEnd?.node ?? listing.element;
    const seenHere = perElement.get(where as Element) ?? new Set<string>();
    if (seenHere.has(key)) return;
    seenHere.add(key);
    perElement.set(where as Element, seenHere);
    matched.push({ listing, unit: units[0]!, units, nameEnd: match.nameEnd });
  });
  return matched;
}
