/**
 * Finds the places on a page where a provider may be named: list items, table rows, definition
 * terms, accordion summaries, card and page headings, links, and names in running text. Pure DOM
 * reading: nothing here changes the page.
 */

export type ListingKind = 'item' | 'heading' | 'link' | 'text';

export interface Listing {
  /** The page's element that names the provider */
  element: Element;
  /** The text to match: the name as shown, or one segment of running text */
  text: string;
  kind: ListingKind;
  /** Where the badge host goes: as the element's last child, or directly after it */
  placement: 'append' | 'after';
  hint?: { hsaId?: string };
  /** Spans of the same clause of running text share a group: only the first match in it counts */
  group?: number;
}

/** Where a site's main content lives, most specific first; the body is the last resort. */
export const CONTENT_ROOTS = [
  'main',
  '[role="main"]',
  '#main-content',
  '#content',
  '#main',
  '.sv-layout .pagecontent',
  'article',
];

/** Page chrome that never lists providers. */
const EXCLUDED =
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [data-utforarkollen], [data-utforarkollen-unit], script, style, noscript, template, [hidden], [aria-hidden="true"]';

const MAX_NAME_LENGTH = 90;
const MAX_NAME_WORDS = 6;

export function contentRoot(doc: Document): Element | null {
  for (const selector of CONTENT_ROOTS) {
    const el = doc.querySelector(selector);
    if (el) return el;
  }
  return doc.body;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The name part of a short listing text: "Exempelomsorg AB – hemtjänst i centrum" -> "Exempelomsorg AB". */
export function nameFromText(text: string): string {
  const cut = clean(text).split(/\s[–—-]\s|:\s|\s\(|\|/)[0] ?? '';
  return cut.trim();
}

/** The name shown in a container: its first link, else its first emphasis, else its own text. */
function containerName(el: Element): string {
  const named = el.querySelector('a[href], strong, b, h2, h3, h4, h5');
  const linkText = clean(named?.textContent);
  if (linkText.length >= 3) return nameFromText(linkText);
  return nameFromText(el.textContent ?? '');
}

/** Splits running text into name-sized clauses: "A, B och C." -> ["A", "B", "C"]. */
export function textSegments(text: string): string[] {
  return clean(text)
    .split(/[,;:!?()«»"”]|\.(?:\s|$)|\s(?:och|samt|eller|and)\s|\s[–—-]\s/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 3 && s.length <= MAX_NAME_LENGTH);
}

/**
 * The spans of a clause that may be a name, longest first: the clause, then each tail that starts
 * with a capital letter ("Just nu kan du välja mellan Exempelomsorg AB" -> "Exempelomsorg AB").
 */
export function nameSpans(clause: string): string[] {
  const words = clause.split(' ');
  const spans: string[] = [];
  for (let i = 0; i < words.length; i++) {
    // Names are short: a tail of at most six words, starting with a capital letter.
    if (words.length - i <= MAX_NAME_WORDS && /^\p{Lu}/u.test(words[i] ?? ''))
      spans.push(words.slice(i).join(' '));
  }
  return spans;
}

function usable(text: string): boolean {
  return text.length >= 3 && text.length <= MAX_NAME_LENGTH;
}

/**
 * Every candidate listing under `root`, skipping elements in `seen` (already handled by an
 * earlier run). Containers are found first, so a link inside a handled list item is not a second
 * listing.
 */
export function findListings(root: Element, seen: WeakSet<Element> = new WeakSet()): Listing[] {
  const listings: Listing[] = [];
  // Linear bookkeeping (pages may list hundreds of providers): one walk up from each element checks
  // whether it lies in page chrome, in a listing already taken, or in one handled by an earlier run.
  const taken = new WeakSet<Element>();
  const aboveTaken = new WeakSet<Element>();
  const excluded = new WeakSet<Element>(root.querySelectorAll(EXCLUDED));
  const blocked = (el: Element) => {
    for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
      if (taken.has(node) || seen.has(node) || excluded.has(node)) return true;
    }
    return false;
  };
  const isFree = (el: Element) => !aboveTaken.has(el) && !blocked(el);
  const take = (element: Element) => {
    taken.add(element);
    for (
      let node = element.parentElement;
      node && node !== root && !aboveTaken.has(node);
      node = node.parentElement
    ) {
      aboveTaken.add(node);
    }
  };
  const add = (element: Element, text: string, kind: ListingKind, placement: Listing['placement']) => {
    if (!usable(text)) return;
    listings.push({ element, text, kind, placement });
    take(element);
  };

  for (const li of root.querySelectorAll('li')) {
    if (!isFree(li) || li.querySelector('li')) continue;
    add(li, containerName(li), 'item', 'append');
  }
  for (const row of root.querySelectorAll('tr')) {
    if (!isFree(row) || !row.querySelector('td')) continue;
    const cells = Array.from(row.querySelectorAll('td, th'));
    const cell = cells.find((c) => c.querySelector('a[href]')) ?? row.querySelector('td') ?? cells[0];
    if (cell) add(cell, containerName(cell), 'item', 'append');
    take(row);
  }
  for (const el of root.querySelectorAll('dt, summary')) {
    if (!isFree(el)) continue;
    add(el, containerName(el), 'item', 'append');
  }
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5')) {
    if (!isFree(heading)) continue;
    add(heading, nameFromText(heading.textContent ?? ''), 'heading', 'after');
  }
  for (const link of root.querySelectorAll('a[href]')) {
    if (!isFree(link)) continue;
    add(link, nameFromText(link.textContent ?? ''), 'link', 'after');
  }
  let group = 0;
  for (const p of root.querySelectorAll('p, dd')) {
    if (blocked(p)) continue;
    // Links inside a paragraph are their own listings; match the remaining running text.
    const own = Array.from(p.childNodes)
      .filter((n) => !(n instanceof Element && taken.has(n)))
      .map((n) => n.textContent ?? '')
      .join(' ');
    for (const clause of textSegments(own)) {
      group++;
      for (const text of nameSpans(clause))
        listings.push({ element: p, text, kind: 'text', placement: 'append', group });
    }
  }
  return listings;
}
