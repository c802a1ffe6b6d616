import { createPortal, render } from 'preact';
import type { Comparison } from '../comparison';
import type {
  DetectedResponse,
  FeedbackBody,
  FeedbackResponse,
  HistoryResponse,
  Request,
  UnitsResponse,
} from '../messages';
import type { ManualChoice, Settings } from '../settings';
import type { PageTarget } from '../sites/adapter';
import { adapterFor } from '../sites/adapters';
import type { Listing } from '../sites/listings';
import { listingTexts, type MatchedListing, pairMatches } from '../sites/match';
import { kommunOfficialName, placeByCode, placeLabel } from '../sites/places';
import { renderBadge } from '../ui/badge-dom';
import { Details } from '../ui/Details';
import { EntryPoint } from '../ui/EntryPoint';
import type { Messages } from '../ui/i18n';
import { OVERLAY_CSS } from '../ui/styles';
import { type BadgeEntry, createOverlayModel, type OverlayModel } from './model';

/**
 * The overlay on one page view. Imports no WXT: the content-script entrypoint passes in the page,
 * an AbortSignal for the page view, a way to message the background, and the stored settings.
 */
export interface OverlayEnv {
  doc: Document;
  url: URL;
  signal: AbortSignal;
  send: <T>(request: Request) => Promise<T>;
  settings: Settings;
  manual: ManualChoice | null;
  disabledAdapters: readonly string[];
  getComparison(): Promise<Comparison | null>;
  setComparison(value: Comparison): Promise<void>;
  /** Throttle delay for late content (ms) */
  throttleMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  log?: (message: string) => void;
}

export interface OverlayHandle {
  model: OverlayModel;
  target: PageTarget;
  detected(): DetectedResponse;
}

export const UNIT_ATTRIBUTE = 'data-utforarkollen-unit';
/**
 * Badges drawn per frame. Each frame that adds badges lays out and paints the page's list again. On a
 * slow machine with a 500-item list (npm run bench:badge-frames): 25 badges on or near the screen cost
 * about 35 ms of rendering, 50 about 50 ms; 50 far below the screen, with content-visibility, about 25 ms.
 */
const NEAR_BATCH = 25;
const FAR_BATCH = 50;
export const OWN_ATTRIBUTE = 'data-utforarkollen';

let sharedSheet: CSSStyleSheet | null | undefined;

/** Performance marks for bench/overlay.ts: data arrived, badges drawn, next frame. */
export function mark(name: string): void {
  performance.mark?.(`utforarkollen:${name}`);
}

/** Our CSS in a shadow root: one constructed stylesheet shared by all roots, else a <style>. */
function addStyles(root: ShadowRoot): void {
  try {
    if (sharedSheet === undefined) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(OVERLAY_CSS);
    }
    if (sharedSheet) {
      root.adoptedStyleSheets = [sharedSheet];
      if (root.adoptedStyleSheets.length === 1) return;
    }
  } catch {
    sharedSheet = null;
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = OVERLAY_CSS;
  root.append(style);
}

function createHost(
  doc: Document,
  attribute: string,
  value: string,
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('span');
  host.setAttribute(attribute, value);
  const root = host.attachShadow({ mode: 'open' });
  addStyles(root);
  return { host, root };
}

function targetFor(env: OverlayEnv, detect: () => PageTarget | null): PageTarget | null {
  if (env.manual) {
    const place = placeByCode(env.manual.huvudman);
    if (place) return { place, service: env.manual.service, via: 'manual' };
  }
  return detect();
}

export async function runOverlay(env: OverlayEnv): Promise<OverlayHandle | null> {
  const { doc, url, signal } = env;
  const log = env.log ?? (() => {});
  if (!env.settings.badges) return null;
  const adapter = adapterFor(url, env.disabledAdapters);
  if (!adapter) return null;
  const target = targetFor(env, () => adapter.detect(url, doc));
  if (!target) return null;
  // Listings are read while nothing is known yet; matching runs in the background, off this thread.
  const seen = new WeakSet<Element>();
  const contextNames = [target.place.name, placeLabel(target.place), kommunOfficialName(target.place.name)];
  const ask = (listings: Listing[]) =>
    env.send<UnitsResponse>({
      type: 'units',
      huvudman: target.place.code,
      service: target.service,
      listings: listingTexts(listings),
      contextNames,
    });
  const firstListings = adapter.listings(doc, seen);
  for (const listing of firstListings) seen.add(listing.element);
  mark('listings');
  const [response, comparison] = await Promise.all([ask(firstListings), env.getComparison()]);
  if (signal.aborted || !response?.ok) return null;
  mark('data');

  const container = doc.createElement('div');
  const model: OverlayModel = createOverlayModel(() =>
    render(<App model={model} actions={actions} env={env} />, container),
  );
  const list = response.list;
  const english =
    env.settings.language === 'en'
      ? await env.send<Messages | null>({ type: 'messages', language: 'en' })
      : null;
  if (signal.aborted) return null;
  Object.assign(model.state, {
    settings: env.settings,
    english,
    list,
    place: target.place,
    comparisonIds:
      comparison?.huvudman === list.huvudman && comparison.service === list.service ? comparison.unitIds : [],
  });
  const hosts: HTMLElement[] = [];

  const schedule = env.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));

  const drawBatch = (batch: readonly MatchedListing[], near: ReadonlySet<MatchedListing>) => {
    if (signal.aborted || batch.length === 0) return;
    const t = model.t();
    const indicators = model.badgeIndicators();
    const { language, textSize } = model.state.settings;
    const demo = list.dataset.kind === 'demo';
    for (const matchedListing of batch) {
      const { listing, unit } = matchedListing;
      const { host, root } = createHost(doc, UNIT_ATTRIBUTE, unit.id);
      // Far from the screen, the browser may skip the badge's layout and paint until it scrolls near.
      if (!near.has(matchedListing)) {
        host.style.setProperty('content-visibility', 'auto');
        host.style.setProperty('contain-intrinsic-size', 'auto 320px auto 26px');
      }
      const entry: BadgeEntry = { root, unit, listingText: listing.text };
      renderBadge(root, { unit, indicators, demo, language, textSize, t, onOpen: () => actions.open(entry) });
      if (listing.placement === 'append') listing.element.append(host);
      else listing.element.after(host);
      hosts.push(host);
      model.state.badges.push(entry);
    }
  };

  /**
   * Long lists: the badges on screen first, in this frame; the rest one batch per frame, smaller near
   * the screen, so 500 listings never block the page's main thread for long.
   */
  const draw = (listings: readonly Listing[], ids: readonly (string | null)[]) => {
    if (signal.aborted) return;
    const matched = pairMatches(listings, ids, list);
    // Read before any badge is added, so this costs one layout the page has already done.
    const height = doc.defaultView?.innerHeight ?? 1000;
    const rects = matched.map((m) => m.listing.element.getBoundingClientRect());
    const onScreen = matched.filter((_, i) => rects[i]!.bottom >= 0 && rects[i]!.top <= height);
    // content-visibility: auto saves work only far from the screen; near it, it adds some.
    const near = new Set(
      matched.filter((_, i) => rects[i]!.bottom >= -height && rects[i]!.top <= 2 * height),
    );
    if (matched.length <= NEAR_BATCH) {
      drawBatch(matched, near);
      return;
    }
    const first = onScreen.slice(0, NEAR_BATCH);
    const rest = matched.filter((m) => !first.includes(m));
    drawBatch(first, near);
    // One batch per frame, so each rendering update lays out only the badges just added.
    const afterFrame = () => requestAnimationFrame(() => schedule(next, 0));
    const next = () => {
      drawBatch(rest.splice(0, near.has(rest[0]!) ? NEAR_BATCH : FAR_BATCH), near);
      if (rest.length > 0 && !signal.aborted) afterFrame();
      else mark('all');
    };
    afterFrame();
  };

  const ensurePanel = (): ShadowRoot => {
    if (!model.state.panelRoot) {
      const { host, root } = createHost(doc, OWN_ATTRIBUTE, 'panel');
      doc.body.append(host);
      hosts.push(host);
      model.state.panelRoot = root;
    }
    return model.state.panelRoot;
  };
  const actions = {
    open(entry: BadgeEntry) {
      ensurePanel();
      model.update({ open: entry });
    },
    close() {
      const entry = model.state.open;
      model.update({ open: null });
      entry?.root.querySelector('button')?.focus();
    },
    async toggleComparison(unitId: string) {
      const current = await env.getComparison();
      const same = current?.huvudman === list.huvudman && current.service === list.service;
      const ids = same ? current.unitIds : [];
      const next = ids.includes(unitId) ? ids : [...ids, unitId];
      await env.setComparison({ huvudman: list.huvudman, service: list.service, unitIds: next });
      model.update({ comparisonIds: next });
    },
    async showAll() {
      const current = await env.getComparison();
      const same = current?.huvudman === list.huvudman && current.service === list.service;
      await env.setComparison({
        huvudman: list.huvudman,
        service: list.service,
        unitIds: same ? current.unitIds : [],
      });
      env.send({ type: 'openComparison' }).catch(() => {});
    },
  };

  draw(firstListings, response.matches ?? []);
  mark('badges');
  requestAnimationFrame(() => mark('frame'));

  if (model.state.badges.length === 0 && adapter.entryPoint && list.items.length > 0) {
    const root = adapter.root(doc);
    const h1 = root?.querySelector('h1') ?? doc.querySelector('h1');
    const { host, root: shadow } = createHost(doc, OWN_ATTRIBUTE, 'entry');
    if (h1) h1.after(host);
    else root?.prepend(host);
    hosts.push(host);
    model.update({ entryRoot: shadow });
  }

  // Late content (accordions filled by script, re-rendered result lists): one observer on the
  // content root, throttled; our own hosts never trigger it.
  const observed = adapter.root(doc);
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    if (scheduled) return;
    const foreign = records.some((r) =>
      Array.from(r.addedNodes).some(
        (n) => !(n instanceof Element) || !(n.hasAttribute(UNIT_ATTRIBUTE) || n.hasAttribute(OWN_ATTRIBUTE)),
      ),
    );
    if (!foreign) return;
    scheduled = true;
    schedule(async () => {
      scheduled = false;
      const listings = adapter.listings(doc, seen);
      for (const listing of listings) seen.add(listing.element);
      if (listings.length === 0) return;
      const later = await ask(listings).catch(() => null);
      if (later?.ok) draw(listings, later.matches ?? []);
    }, env.throttleMs ?? 300);
  });
  if (observed) observer.observe(observed, { childList: true, subtree: true });
  else log('no content root found: the site may have changed');

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      render(null, container);
      for (const host of hosts) host.remove();
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

function App({
  model,
  actions,
  env,
}: {
  model: OverlayModel;
  actions: {
    open(entry: BadgeEntry): void;
    close(): void;
    toggleComparison(unitId: string): Promise<void>;
    showAll(): Promise<void>;
  };
  env: OverlayEnv;
}) {
  const { list, place, open, panelRoot: panel, entryRoot: entry, comparisonIds } = model.state;
  if (!list || !place) return null;
  const t = model.t();
  const { language, textSize } = model.state.settings;
  const placeName = place.name;
  return (
    <>
      {entry &&
        createPortal(
          <span class={`root size-${textSize}`}>
            <EntryPoint
              service={t(`service_${list.service}`)}
              place={placeName}
              t={t}
              onOpen={() => actions.showAll()}
            />
          </span>,
          entry,
        )}
      {open &&
        panel &&
        createPortal(
          <Details
            key={open.unit.id}
            unit={open.unit}
            list={list}
            place={placeName}
            language={language}
            textSize={textSize}
            inComparison={comparisonIds.includes(open.unit.id)}
            t={t}
            actions={{
              history: (unitId) => env.send<HistoryResponse>({ type: 'history', unitId }),
              report: (kind: FeedbackBody['kind']) =>
                env.send<FeedbackResponse>({
                  type: 'feedback',
                  body: {
                    unitId: open.unit.id,
                    huvudman: list.huvudman,
                    service: list.service,
                    pageHost: env.url.hostname,
                    listingText: open.listingText,
                    kind,
                  },
                }),
              addToComparison: () => actions.toggleComparison(open.unit.id),
              openComparison: () => {
                env.send({ type: 'openComparison' }).catch(() => {});
              },
            }}
            onClose={actions.close}
          />,
          panel,
        )}
    </>
  );
}
