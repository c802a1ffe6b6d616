import type { SiteAdapter } from '../adapter';
import { kommunFromHost, kommunFromPage, serviceFromPage } from '../detect';
import { CONTENT_ROOTS, contentRoot, findListings } from '../listings';
import { apiPagePatterns } from '../match-pattern';
import { allKommuner } from '../places';

/**
 * Every kommun site: the kommun from the hostname (any subdomain), else from the page's footer or
 * title; the service from the heading and URL; listings in every common shape (lists, tables, card
 * grids, definition lists, accordions, running text, a page per provider). Also the API's own demo
 * pages, which look like a kommun's.
 */
export const adapter: SiteAdapter = {
  priority: 0,
  matches({ apiUrl }) {
    const hosts = new Set(allKommuner().flatMap((kommun) => kommun.hosts));
    return [
      ...[...hosts].flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]),
      ...apiPagePatterns(apiUrl, '/demo/*'),
    ];
  },
  detect(url, doc) {
    const service = serviceFromPage(url, doc);
    if (!service) return null;
    const byHost = kommunFromHost(url.hostname);
    if (byHost) return { place: byHost, service, via: 'host' };
    const byPage = kommunFromPage(doc);
    return byPage ? { place: byPage, service, via: 'page' } : null;
  },
  listings(doc, seen) {
    const root = contentRoot(doc);
    return root ? findListings(root, seen) : [];
  },
  root: contentRoot,
  entryPoint: true,
  // Without one of these the whole body is read: it still works, but page chrome may come closer.
  expects: [{ selector: CONTENT_ROOTS.join(', '), what: 'sidans huvudinnehåll' }],
};

// Test URLs (shapes seen on real kommun sites; check by hand after CMS changes):
// https://www.norrkoping.se/stod-och-omsorg/aldre/hemtjanst/valj-utforare-i-hemtjansten
// https://www.linkoping.se/omsorg-och-stod/aldreomsorg/hemtjanst/valja-utforare/
// https://www.uppsala.se/omsorg-och-stod/aldre/hemtjanst/valj-utforare-av-hemtjanst/
// https://www.vasteras.se/omsorg-och-stod/aldreomsorg/hemtjanst.html
