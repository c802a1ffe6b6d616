import type { Service } from '../../../shared/domain/service';
import { foldText } from '../../../shared/domain/text';
import { allKommuner, allRegioner, type Place } from './places';

/** The kommun whose website this hostname belongs to (any subdomain, any port, http or https). */
export function kommunFromHost(hostname: string): Place | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  let best: Place | null = null;
  let bestLength = 0;
  for (const kommun of allKommuner()) {
    for (const candidate of kommun.hosts) {
      if ((host === candidate || host.endsWith(`.${candidate}`)) && candidate.length > bestLength) {
        best = kommun;
        bestLength = candidate.length;
      }
    }
  }
  return best;
}

let namesIndex: Map<string, Place> | undefined;

/** "norrköping", "norrköpings" -> Norrköping; case-insensitive, diacritics kept (Habo is not Håbo). */
function kommunNames(): Map<string, Place> {
  if (!namesIndex) {
    namesIndex = new Map();
    for (const kommun of allKommuner()) {
      const short = kommun.name.toLowerCase();
      namesIndex.set(short, kommun);
      namesIndex.set(`${short}s`, kommun);
    }
  }
  return namesIndex;
}

const BEFORE_KOMMUN = /((?:[\p{L}-]+ ){0,2}[\p{L}-]+) (?:kommun|stad)(?![\p{L}])/giu;

/** Finds "Norrköpings kommun" (or "Malmö stad") in a text, e.g. a footer or the page title. */
export function kommunFromText(text: string): Place | null {
  const names = kommunNames();
  for (const match of text.matchAll(BEFORE_KOMMUN)) {
    const words = (match[1] ?? '').toLowerCase().split(' ');
    // Longest name first: "Upplands Väsby kommun" before "Väsby kommun".
    for (let i = 0; i < words.length; i++) {
      const hit = names.get(words.slice(i).join(' '));
      if (hit) return hit;
    }
  }
  return null;
}

/** Fallback when the hostname is not a known kommun site: footer, site name, then title. */
export function kommunFromPage(doc: Document): Place | null {
  const texts = [
    ...Array.from(doc.querySelectorAll('footer, [role="contentinfo"]'), (el) => el.textContent ?? ''),
    doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '',
    doc.title,
  ];
  for (const text of texts) {
    const hit = text && kommunFromText(text);
    if (hit) return hit;
  }
  return null;
}

export function regionFromText(text: string): Place | null {
  const folded = foldText(text);
  for (const region of allRegioner()) {
    const lan = foldText(region.lanName ?? '');
    const short = lan.replace(/s? lan$/, '');
    if (folded.includes(foldText(region.name)) || folded.includes(lan) || folded === short) return region;
  }
  return null;
}

const SERVICE_WORDS: [Service, RegExp][] = [
  [
    'sarskilt_boende',
    /sarskil(?:t|da) boende|vard[- ]och[- ]omsorgsboende|omsorgsboende|aldreboende|demensboende/,
  ],
  ['hemtjanst', /hemtjanst/],
];

function serviceInText(text: string): Service | null {
  const folded = foldText(text).replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
  for (const [service, pattern] of SERVICE_WORDS) {
    if (pattern.test(folded) || pattern.test(folded.replace(/ /g, '-'))) return service;
  }
  return null;
}

/**
 * Which kommun service a page is about: the main heading first, then the URL path from its most
 * specific segment, then the title and the other headings. Null when the page is about neither.
 */
export function serviceFromPage(url: URL, doc: Document): Service | null {
  const h1 = doc.querySelector('h1')?.textContent ?? '';
  const segments = decodeURIComponent(url.pathname).split('/').filter(Boolean).reverse();
  const headings = Array.from(doc.querySelectorAll('h2'), (h) => h.textContent ?? '');
  for (const text of [h1, ...segments, doc.title, ...headings]) {
    const service = text && serviceInText(text);
    if (service) return service;
  }
  return null;
}
