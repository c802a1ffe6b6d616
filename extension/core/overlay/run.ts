import { chosenIds } from '../comparison';
import type { PageTarget } from '../sites/adapter';
import { adapterFor } from '../sites/adapters';
import type { Listing } from '../sites/listings';
import { type ListingMatch, listingTexts, pairMatches } from '../sites/match';
import { kommunOfficialName, placeByCode, placeLabel } from '../sites/places';
import { createActions } from './actions';
import { renderApp } from './app';
import { drawBadges } from './badges';
import { drawInBatches } from './batches';
import type { OverlayEnv, OverlayHandle } from './env';
import { createHosts } from './hosts';
import { watchLateContent } from './late-content';
import { mark } from './marks';
import { createOverlayModel, type OverlayModel } from './model';

function targetFor(env: OverlayEnv, detect: () => PageTarget | null): PageTarget | null {
  if (env.manual) {
    const place = placeByCode(env.manual.huvudman);
    if (place) return { place, service: env.manual.service, via: 'manual' };
  }
  return detect();
}

/**
 * The overlay on one page view: adapter -> detect -> read listings -> ONE message to the background
 * (list + matching) -> draw badges in batches -> watch for late content. Aborting `env.signal`
 * removes everything it added.
 */
export async function runOverlay(env: OverlayEnv): Promise<OverlayHandle | null> {
  const { doc, url, signal } = env;
  if (!env.settings.badges) return null;
  const adapter = adapterFor(url, { apiUrl: env.apiUrl, disabled: env.disabledAdapters });
  if (!adapter) return null;
  const target = targetFor(env, () => adapter.detect(url, doc));
  if (!target) return null;
  // Listings are read while nothing is known yet; matching runs in the background, off this thread.
  const seen = new WeakSet<Element>();
  const contextNames = [target.place.name, placeLabel(target.place), kommunOfficialName(target.place.name)];
  const ask = (listings: Listing[]) =>
    env.send({
      type: 'units',
      huvudman: target.place.code,
      service: target.service,
      listings: listingTexts(listings),
      contextNames,
    });
  const read = () => {
    const listings = adapter.listings(doc, seen);
    for (const listing of listings) seen.add(listing.element);
    return listings;
  };
  const firstListings = read();
  mark('listings');
  const asked = Promise.all([ask(firstListings), env.getComparison()]);
  // A page the adapter works on without a part it relies on: the site may have changed (popup).
  const missing = adapter.expects
    .filter((part) => !doc.querySelector(part.selector))
    .map((part) => part.what);
  env.send({ type: 'siteCheck', adapter: adapter.id, host: url.hostname, missing }).catch(() => {});
  const [response, comparison] = await asked;
  if (signal.aborted || !response?.ok) return null;
  mark('data');

  const list = response.list;
  const english =
    env.settings.language === 'en' ? await env.send({ type: 'messages', language: 'en' }) : null;
  if (signal.aborted) return null;

  const container = doc.createElement('div');
  const hosts = createHosts(doc);
  const model: OverlayModel = createOverlayModel(() => renderApp(container, { model, actions, env }));
  const actions = createActions({ env, model, list, hosts });
  Object.assign(model.state, {
    settings: env.settings,
    english,
    list,
    place: target.place,
    comparisonIds: chosenIds(comparison, list),
  });
  const schedule = env.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const draw = (listings: readonly Listing[], matches: readonly (ListingMatch | null)[]) =>
    drawInBatches(pairMatches(listings, matches, list), {
      doc,
      signal,
      elementOf: (matched) => matched.listing.element,
      draw: (batch, near) => {
        if (!signal.aborted && batch.length > 0)
          drawBadges(batch, near, { list, model, hosts, open: actions.open });
      },
      schedule,
      done: () => mark('all'),
    });

  draw(firstListings, response.matches ?? []);
  mark('badges');
  requestAnimationFrame(() => mark('frame'));

  // A service page that names no provider offers the full list, after its main heading.
  if (model.state.badges.length === 0 && adapter.entryPoint && list.items.length > 0) {
    const root = adapter.root(doc);
    const h1 = root?.querySelector('h1') ?? doc.querySelector('h1');
    const { host, root: shadow } = hosts.own('entry');
    if (h1) h1.after(host);
    else root?.prepend(host);
    model.update({ entryRoot: shadow });
  }

  const observed = adapter.root(doc);
  const stopWatching = observed
    ? watchLateContent(observed, {
        throttleMs: env.throttleMs ?? 300,
        schedule,
        onLate: async () => {
          const listings = read();
          if (listings.length === 0) return;
          const later = await ask(listings).catch(() => null);
          if (later?.ok) draw(listings, later.matches ?? []);
        },
      })
    : () => {};

  signal.addEventListener(
    'abort',
    () => {
      stopWatching();
      renderApp(container, null);
      hosts.removeAll();
    },
    { once: true },
  );

  return {
    model,
    target,
    detected: () => ({
      host: url.hostname,
      huvudman: target.place.code,
      service: target.service,
      via: target.via,
      matched: model.state.badges.length,
    }),
  };
}
