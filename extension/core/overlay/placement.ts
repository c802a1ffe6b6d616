import type { MatchedListing } from '../sites/match';

/** On a floating host: the offset, in the text node just before it, of the end of the name it is for. */
export const AT_ATTRIBUTE = 'data-utforarkollen-at';

/**
 * Puts a badge host right after the name it is for, adding nodes only (the page's own nodes and text
 * stay as they were):
 * - the name is an element of its own (a link, a heading, a strong): right after that element;
 * - the name ends where its text node ends (or only punctuation follows): right after the text node;
 * - the name ends inside a text node ("Norlena Sverige AB, telefon ...", two providers in one
 *   sentence): splitting the text node would rewrite the page, so the host goes after the text node
 *   and floats (position: absolute, moved onto the end of the name, raised like a footnote mark,
 *   measured with a Range over the name's last letter, again when the paragraph reflows). It carries AT_ATTRIBUTE, the offset it points at. So as not to hide the page's text
 *   after the name, a floating badge shows a small "i" mark until it is hovered or focused, then
 *   its facts (styles.ts); details open on click or Enter as for every badge;
 * - otherwise as the listing says: the element's last child, or right after it.
 */
export function placeHost(host: HTMLElement, matched: MatchedListing): void {
  const { listing, nameEnd } = matched;
  if (listing.textEnd) {
    placeAtText(host, listing.textEnd.node, listing.textEnd.offset);
    return;
  }
  if (listing.nameElement) {
    listing.nameElement.after(host);
    return;
  }
  const shown = (listing.element.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (listing.kind === 'item' && nameEnd < shown.length) {
    const end = textPositionIn(listing.element, nameEnd);
    if (end) {
      placeAtText(host, end.node, end.offset);
      return;
    }
  }
  if (listing.placement === 'append') listing.element.append(host);
  else listing.element.after(host);
}

const ONLY_PUNCTUATION = /^[\s.,;:!?)\]»”"'–-]*$/;

function placeAtText(host: HTMLElement, node: Text, offset: number): void {
  node.after(host);
  if (ONLY_PUNCTUATION.test(node.data.slice(offset))) return;
  host.setAttribute(AT_ATTRIBUTE, String(offset));
  floatOnto(host, node, offset);
}

/**
 * Where the `index`th character of the element's text, read as listings read it (trimmed, every run
 * of whitespace one space), is in the page: the text node and the offset in it.
 */
export function textPositionIn(element: Element, index: number): { node: Text; offset: number } | null {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let read = 0;
  let space = true;
  let last: { node: Text; offset: number } | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const ws = /\s/.test(data[i]!);
      if (ws && space) continue;
      if (read === index) return last && ws ? last : { node, offset: i };
      read++;
      space = ws;
      last = { node, offset: i + 1 };
    }
  }
  return read === index ? last : null;
}

/** Each floating host's aligner, by the element its text node is in: re-aligned when that element's size changes. */
const byParent = new WeakMap<Element, (() => void)[]>();
let observer: ResizeObserver | undefined;

/**
 * The host's offset is relative to where it would stand in the flow (after the text node), which
 * moves with the paragraph; only a reflow of the paragraph itself (fonts arrive, zoom, a narrower
 * window) moves the name against it, and a ResizeObserver on the paragraph sees that.
 */
function floatOnto(host: HTMLElement, node: Text, offset: number): void {
  const doc = host.ownerDocument;
  const align = () => {
    if (!host.isConnected) return;
    const range = doc.createRange();
    range.setStart(node, Math.max(0, offset - 1));
    range.setEnd(node, offset);
    const rects = range.getClientRects();
    const name = rects[rects.length - 1];
    if (!name) return;
    const style = host.style;
    style.setProperty('--utforarkollen-x', '0px');
    style.setProperty('--utforarkollen-y', '0px');
    const here = host.getBoundingClientRect();
    style.setProperty('--utforarkollen-x', `${Math.round(name.right - here.left + 1)}px`);
    // Raised like a footnote mark: its bottom a third of the way down the name's line, above the
    // x-height of the words that follow.
    style.setProperty(
      '--utforarkollen-y',
      `${Math.round(name.top - here.top - here.height + name.height / 3)}px`,
    );
  };
  align();
  // A ResizeObserver also reports once when it starts observing: after the first layout with the host.
  const view = doc.defaultView;
  const parent = node.parentElement;
  const Observer = (view as unknown as { ResizeObserver?: typeof ResizeObserver } | null)?.ResizeObserver;
  if (!parent || !Observer) return;
  observer ??= new Observer((entries) => {
    for (const entry of entries) for (const a of byParent.get(entry.target) ?? []) a();
  });
  const aligners = byParent.get(parent);
  if (aligners) aligners.push(align);
  else {
    byParent.set(parent, [align]);
    observer.observe(parent);
  }
}
