import { lanCodeOfKommun } from '../../../../shared/domain/huvudman-code';
import { foldText } from '../../../../shared/domain/text';
import type { SiteAdapter } from '../adapter';
import { regionFromText } from '../detect';
import type { Listing } from '../listings';
import { apiPagePatterns } from '../match-pattern';
import { allKommuner, type Place, placeByCode } from '../places';

/** A search hit or unit card from 1177's `__PRELOADED_STATE__`, fields as 1177 names them. */
export interface VardUnit {
  name: string;
  url?: string;
  hsaId?: string;
  address?: string;
  municipality?: string;
  county?: string;
}

/** Reads `window.__PRELOADED_STATE__ = {...}` from the page's own script text (never executes it). */
export function readPreloadedState(doc: Document): unknown {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    const at = text.indexOf('__PRELOADED_STATE__');
    if (at < 0) continue;
    const start = text.indexOf('{', at);
    const end = text.lastIndexOf('}');
    if (start < 0 || end < start) continue;
    try {
      return JSON.parse(text.slice(start, end + 1));
    } catch {
      return null;
    }
  }
  return null;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Every search hit (Heading, Url, Address) and unit card (DisplayName, HsaId, ...) in the state. */
export function vardUnitsInState(state: unknown): VardUnit[] {
  const found: VardUnit[] = [];
  const walk = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 12) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    const name = str(o.DisplayName) ?? (str(o.Url) ? str(o.Heading) : undefined);
    if (name) {
      found.push({
        name,
        url: str(o.Url),
        hsaId: str(o.HsaId),
        address: str(o.Address),
        municipality: str(o.Municipality),
        county: str(o.County),
      });
    }
    for (const value of Object.values(o)) walk(value, depth + 1);
  };
  walk(state, 0);
  return found;
}

/**
 * The kommun a name is written for: exactly (case aside) first, so Habo and Håbo stay apart; only a
 * name that fits no kommun as written is compared without diacritics ("Norrkoping").
 */
function kommunByName(name: string): Place | undefined {
  const bare = name
    .replace(/s? kommun$/i, '')
    .trim()
    .toLowerCase();
  const kommuner = allKommuner();
  const exact = kommuner.find((k) => k.name.toLowerCase() === bare);
  if (exact) return exact;
  const folded = foldText(bare);
  return kommuner.find((k) => foldText(k.name) === folded);
}

/** The region from a card's County or Municipality, else from the town in a hit's address. */
export function regionFromUnits(units: readonly VardUnit[]): Place | null {
  for (const u of units) {
    const byCounty = u.county && regionFromText(u.county);
    if (byCounty) return byCounty;
    const kommun = u.municipality && kommunByName(u.municipality);
    if (kommun) return placeByCode(lanCodeOfKommun(kommun.code)) ?? null;
  }
  for (const u of units) {
    const town = u.address?.match(/\d{3}\s?\d{2}\s+(.+)$/)?.[1];
    const kommun = town && kommunByName(town);
    if (kommun) return placeByCode(lanCodeOfKommun(kommun.code)) ?? null;
  }
  return null;
}

function pathOf(href: string, base: string): string {
  try {
    return decodeURIComponent(new URL(href, base).pathname).replace(/\/+$/, '').toLowerCase();
  } catch {
    return '';
  }
}

const UNIT_LINK = 'a[href*="/kontaktkort/"]';

export const adapter: SiteAdapter = {
  priority: 10,
  // Also the API's own 1177-like demo pages (api/routes/demo-page.ts), on both loopback names.
  matches: ({ apiUrl }) => ['*://www.1177.se/*', '*://1177.se/*', ...apiPagePatterns(apiUrl, '/demo/1177/*')],
  detect(_url, doc) {
    const region = regionFromUnits(vardUnitsInState(readPreloadedState(doc)));
    return region ? { place: region, service: 'vardcentral', via: 'page' } : null;
  },
  listings(doc, seen) {
    const root = doc.querySelector('main') ?? doc.body;
    if (!root) return [];
    const units = vardUnitsInState(readPreloadedState(doc));
    const byPath = new Map(units.filter((u) => u.url).map((u) => [pathOf(u.url!, doc.baseURI), u]));
    const listings: Listing[] = [];
    // A unit's own page (kontaktkort): the card in the state carries the HSA id.
    const card = units.find((u) => u.hsaId && !u.url);
    const h1 = root.querySelector('h1');
    if (card && h1 && !seen.has(h1)) {
      listings.push({
        element: h1,
        text: card.name,
        kind: 'heading',
        placement: 'after',
        hint: { hsaId: card.hsaId },
      });
    }
    // Search results: links to unit pages. After client-side navigation the state is stale, so the
    // link text is matched by name when the state does not know the link.
    for (const link of root.querySelectorAll(UNIT_LINK)) {
      const element = link.closest('h2, h3, h4') ?? link;
      if (seen.has(element) || listings.some((l) => l.element === element)) continue;
      const known = byPath.get(pathOf(link.getAttribute('href') ?? '', doc.baseURI));
      const text = known?.name ?? (link.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text.length < 3) continue;
      listings.push({
        element,
        text,
        kind: 'heading',
        placement: 'after',
        hint: known?.hsaId ? { hsaId: known.hsaId } : undefined,
      });
    }
    return listings;
  },
  root: (doc) => doc.querySelector('main') ?? doc.body,
  entryPoint: false,
  expects: [
    { selector: 'main', what: 'sidans huvudinnehåll' },
    // Search results link to unit pages; a unit page has its name as the main heading.
    { selector: `main ${UNIT_LINK}, main h1`, what: 'vårdcentralernas namn' },
  ],
};

// Test URLs:
// https://www.1177.se/hitta-vard/kategori/vardcentral/?location=Norrk%C3%B6ping
// https://www.1177.se/hitta-vard/kontaktkort/Vardcentralen-Eriksberg-Goteborg/
// https://www.1177.se/Ostergotland/hitta-vard/kategori/vardcentral/
