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

/**
 * A site adapter: one small file in sites/adapters/, whose file name is its id (used by the remote
 * switch-off list and in logs). The generic adapter handles every kommun site; special sites get
 * their own file ending with a comment listing real URLs to check it on.
 */
export interface SiteAdapter {
  /** Higher runs first; the generic adapter is the fallback with the lowest priority */
  priority: number;
  /** Whether this adapter handles the page at this URL */
  test(url: URL): boolean;
  detect(url: URL, doc: Document): PageTarget | null;
  /** Listings under the page's content, skipping ones already handled */
  listings(doc: Document, seen: WeakSet<Element>): Listing[];
  /** The element to observe for late content, and to put an entry point in */
  root(doc: Document): Element | null;
  /** Whether a page with no matched listing should offer the full list (kommun service pages do) */
  entryPoint: boolean;
}
