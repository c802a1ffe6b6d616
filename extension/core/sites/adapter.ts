import type { Service } from '../../../shared/domain/service';
import type { Listing } from './listings';
import type { Place } from './places';

/** What a page is about: whose choice system and which service. */
export interface PageTarget {
  place: Place;
  service: Service;
  /** How the place was found: "host", "page" (title/footer/state) or "manual" (popup choice) */
  via: 'host' | 'page' | 'manual';
}

/** A part of the page an adapter relies on, and what it is in plain Swedish (shown in the popup). */
export interface ExpectedPart {
  /** CSS selector; a page the adapter works on has at least one match */
  selector: string;
  /** E.g. "sidans huvudinnehåll" */
  what: string;
}

/**
 * A site adapter: one small file in sites/adapters/, whose file name is its id (used by the remote
 * switch-off list and in the popup). The generic adapter handles every kommun site; special sites
 * get their own file ending with a comment listing real URLs to check it on.
 */
export interface SiteAdapter {
  /** Higher runs first where the match patterns of two adapters overlap */
  priority: number;
  /**
   * Where it works, as WebExtension match patterns: the content script's `matches` in the manifest
   * are collected from these, and a page goes to the first adapter whose patterns match its URL.
   */
  matches(context: { apiUrl: string }): string[];
  detect(url: URL, doc: Document): PageTarget | null;
  /** Listings under the page's content, skipping ones already handled */
  listings(doc: Document, seen: WeakSet<Element>): Listing[];
  /** The element to observe for late content, and to put an entry point in */
  root(doc: Document): Element | null;
  /** Whether a page with no matched listing should offer the full list (kommun service pages do) */
  entryPoint: boolean;
  /**
   * The parts it relies on. On a page it works on (the page's system and service are known), one that
   * is not found is reported once per page view and shown in the popup: the site may have changed.
   */
  expects: readonly ExpectedPart[];
}
