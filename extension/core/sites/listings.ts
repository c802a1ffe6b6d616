/**
 * Finds the places on a page where a provider may be named: list items, table rows, definition
 * terms, accordion summaries, card and page headings, links, and names in running text. Pure DOM
 * reading: nothing here changes the page.
 */

export type ListingKind = 'item' | 'heading' | 'link' | 'text';

/**
 * Where a listing sits, for the matcher (shared/matching's MatchContext): an item among its siblings
 * (the same list, table, card grid, definition list or accordion) is "provider-list"; a name in a
 * sentence is "running-text". Page chrome is never read at all. Without a context (a page's own
 * heading, a link on its own) the matcher keeps to the rules every context shares.
 */
export type ListingContext = 'provider-list' | 'running-text';

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
  context?: ListingContext;
  /** Items of one list, table, grid, definition list or accordion share a number */
  list?: number;
  /** The element whose text is the name (a link, a heading, a strong): the badge goes right after it */
  nameElement?: Element;
  /** Running text: the text node the span is in and where it ends there */
  textEnd?: { node: Text; offset: number };
  /** Running text: where the span starts and ends in its text node (spans that overlap compete) */
  span?: [number, number];
  /**
   * The list item, card, row or term the listing is (or, for running text, describes: a card's
   * paragraph, a term's dd), numbered: a description never badges again what its item names.
   */
  item?: number;
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

/**
 * Page chrome that never lists providers: navigation, header, footer, asides, forms, breadcrumbs and
 * contact boxes ("Kontakta kommunen", by their CMS class names: sv-contact-portlet, contact-block,
 * kontaktruta...) and news modules (lk-news, env-news, nyheter: a news item about a provider is not
 * a listing of it).
 */
const EXCLUDED = [
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]',
  '[class*="crumb" i], [class*="contact" i], [class*="kontakt" i]',
  '[class*="news" i], [class*="nyhet" i]',
  '[data-utforarkollen], [data-utforarkollen-unit], script, style, noscript, template, [hidden], [aria-hidden="true"]',
].join(', ');

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

/**
 * The name shown in a container: its first link, else its first emphasis or heading (then the badge
 * goes right after that element), else its own text.
 */
function containerName(el: Element): { text: string; nameElement?: Element } {
  const named = el.querySelector('a[href], strong, b, h2, h3, h4, h5');
  const linkText = clean(named?.textContent);
  if (named && linkText.length >= 3) return { text: nameFromText(linkText), nameElement: named };
  // Its first line: a line break ends the name ("Sjuhärads Hemservice AB<br><small>Service…").
  let line = '';
  for (const node of el.childNodes) {
    if (node.nodeName === 'BR') break;
    line += node.textContent;
  }
  return { text: nameFromText(line) };
}

/**
 * The list an element is an item of: the parent of the nearest element (itself or one of its three
 * nearest ancestors) that has a sibling of the same tag and class. A list item, a table row, a card
 * of a grid, a term of a definition list, a section of an accordion. Null when it stands alone.
 */
function listOf(el: Element, stop: Element): Element | null {
  return itemOf(el, stop)?.parentElement ?? null;
}

/** The repeated element itself (the list item, the card) that `el` is or lies in; see listOf. */
function itemOf(el: Element, stop: Element): Element | null {
  let node: Element | null = el;
  for (let depth = 0; node && node !== stop && depth < 4; depth++, node = node.parentElement) {
    const parent: Element | null = node.parentElement;
    if (!parent) return null;
    for (const sibling of parent.children) {
      if (sibling !== node && sibling.tagName === node.tagName && sibling.className === node.className)
        return node;
    }
  }
  return null;
}

/**
 * Clauses of a text node's text with where each starts and ends: split at punctuation and dashes,
 * not at "och" (names have it: "Alnö Vård och Omsorg AB").
 */
const CLAUSE_BREAK = /[,;:!?()«»"”]|\.(?=\s|$)|\s[–—-]\s/g;
function clausesIn(data: string): { start: number; end: number }[] {
  const clauses: { start: number; end: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(data[a]!)) a++;
    while (b > a && /\s/.test(data[b - 1]!)) b--;
    if (b - a >= 3 && b - a <= MAX_NAME_LENGTH * 3) clauses.push({ start: a, end: b });
  };
  for (const m of data.matchAll(CLAUSE_BREAK)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(data.length);
  return clauses;
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

/**
 * The spans of a clause that may be a name, with where each starts and ends in the text node: from
 * each capitalised word, one to six words, longest first ("Alnö Vård och Omsorg AB har även ..." ->
 * ..., "Alnö Vård och Omsorg AB", ...). At most MAX_SPANS per text node.
 */
const MAX_SPANS = 120;
/** Words a name never ends with in a sentence: "Selångers Omsorg AB och", "Norlena för hemtjänsten i". */
const NOT_AN_END = new Set(
  'och samt eller i på av för till med som har är kan ska hos om vid från en ett även'.split(' '),
);
function spansIn(
  data: string,
  clause: { start: number; end: number },
): { text: string; start: number; end: number }[] {
  const words = [...data.slice(clause.start, clause.end).matchAll(/\S+/g)];
  const spans: { text: string; start: number; end: number }[] = [];
  for (let i = 0; i < words.length && spans.length < MAX_SPANS; i++) {
    if (!/^\p{Lu}/u.test(words[i]![0])) continue;
    for (let j = Math.min(words.length, i + MAX_NAME_WORDS); j > i; j--) {
      const last = words[j - 1]!;
      if (NOT_AN_END.has(last[0].toLowerCase())) continue;
      const start = clause.start + words[i]!.index;
      const end = clause.start + last.index + last[0].length;
      const text = clean(data.slice(start, end));
      if (usable(text)) spans.push({ text, start, end });
    }
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
  // One number per list (a ul, a tbody, a grid, a dl, an accordion's parent) and per item.
  const numbers = new Map<Element, number>();
  const numberOf = (el: Element | null | undefined) => {
    if (!el) return undefined;
    let n = numbers.get(el);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(el, n);
    }
    return n;
  };
  const listNumber = (el: Element, list?: Element | null) =>
    numberOf(list === undefined ? listOf(el, root) : list);
  const add = (
    element: Element,
    name: { text: string; nameElement?: Element },
    kind: ListingKind,
    placement: Listing['placement'],
    list: number | undefined,
  ) => {
    if (!usable(name.text)) return;
    const listing: Listing = { element, text: name.text, kind, placement };
    const item = list === undefined ? undefined : numberOf(itemOf(element, root) ?? element);
    if (item !== undefined) listing.item = item;
    if (list !== undefined) {
      listing.list = list;
      listing.context = 'provider-list';
    }
    if (name.nameElement) listing.nameElement = name.nameElement;
    listings.push(listing);
    take(element);
  };

  for (const li of root.querySelectorAll('li')) {
    if (!isFree(li) || li.querySelector('li')) continue;
    add(li, containerName(li), 'item', 'append', listNumber(li, li.parentElement));
  }
  for (const row of root.querySelectorAll('tr')) {
    if (!isFree(row) || !row.querySelector('td')) continue;
    const cells = Array.from(row.querySelectorAll('td, th'));
    // The name cell: the one with a link, else the first (a row header or the first data cell).
    const cell = cells.find((c) => c.querySelector('a[href]')) ?? cells[0];
    if (cell) add(cell, containerName(cell), 'item', 'append', listNumber(row, row.closest('table')));
    take(row);
  }
  for (const el of root.querySelectorAll('dt, summary')) {
    if (!isFree(el)) continue;
    const list = el.tagName === 'DT' ? el.closest('dl') : listOf(el.parentElement ?? el, root);
    add(el, containerName(el), 'item', 'append', listNumber(el, list));
  }
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5')) {
    if (!isFree(heading)) continue;
    // A card's heading: the card repeats beside others; a page's own heading stands alone.
    const list = heading.tagName === 'H1' ? undefined : listNumber(heading.parentElement ?? heading);
    add(heading, { text: nameFromText(heading.textContent ?? '') }, 'heading', 'after', list);
  }
  for (const link of root.querySelectorAll('a[href]')) {
    if (!isFree(link)) continue;
    // A link in a paragraph or a description is running text's, not an item of a list.
    const list = link.closest('p, dd') ? undefined : listNumber(link);
    add(link, { text: nameFromText(link.textContent ?? '') }, 'link', 'after', list);
  }
  let group = 0;
  for (const p of root.querySelectorAll('p, dd')) {
    if (blocked(p)) continue;
    // Links inside a paragraph are their own listings; match the remaining running text, each text
    // node on its own (a name does not run across the page's elements), so each span knows where it
    // ends and its badge can stand right after it.
    // What it describes: the card or item it lies in, or for a dd, its term.
    let term: Element | null = p.tagName === 'DD' ? p.previousElementSibling : null;
    while (term && term.tagName !== 'DT') term = term.previousElementSibling;
    const around = term ?? itemOf(p, root);
    const described = around ? numbers.get(around) : undefined;
    const walker = p.ownerDocument.createTreeWalker(p, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement !== p && blocked(node.parentElement ?? p)) continue;
      const data = node.data;
      for (const clause of clausesIn(data)) {
        group++;
        for (const span of spansIn(data, clause)) {
          const listing: Listing = {
            element: p,
            text: span.text,
            kind: 'text',
            placement: 'append',
            group,
            context: 'running-text',
            textEnd: { node, offset: span.end },
            span: [span.start, span.end],
          };
          if (described !== undefined) listing.item = described;
          listings.push(listing);
        }
      }
    }
  }
  return listings;
}
