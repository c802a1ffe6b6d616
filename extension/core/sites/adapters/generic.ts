import type { SiteAdapter } from '../adapter';
import { kommunFromHost, kommunFromPage, serviceFromPage } from '../detect';
import { contentRoot, findListings } from '../listings';

/**
 * Every kommun site: the kommun from the hostname (any subdomain), else from the page's footer or
 * title; the service from the heading and URL; listings in every common shape (lists, tables, card
 * grids, definition lists, accordions, running text, a page per provider).
 */
export const adapter: SiteAdapter = {
  priority: 0,
  test: (url) => !/(^|\.)1177\.se$/.test(url.hostname),
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
};

// Test URLs (shapes seen on real kommun sites; check by hand after CMS changes):
// https://www.norrkoping.se/stod-och-omsorg/aldre/hemtjanst/valj-utforare-i-hemtjansten
// https://www.linkoping.se/omsorg-och-stod/aldreomsorg/hemtjanst/valja-utforare/
// https://www.uppsala.se/omsorg-och-stod/aldre/hemtjanst/valj-utforare-av-hemtjanst/
// https://www.vasteras.se/omsorg-och-stod/aldreomsorg/hemtjanst.html
