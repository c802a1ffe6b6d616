import type { Comparison } from '../comparison';
import type { DetectedResponse, Send } from '../messages';
import { type ManualChoice, type Settings, withDefaults } from '../settings';
import type { StorageItem } from '../storage-item';
import type { OverlayHandle } from './env';
import { runOverlay } from './run';

export interface PageViewDeps {
  doc: Document;
  /** The page's address now (it changes on client-side navigation) */
  location(): URL;
  /** The API base URL (its /demo/ pages are kommun-like pages) */
  apiUrl: string;
  send: Send;
  settings: StorageItem<Settings>;
  manualChoices: StorageItem<Record<string, ManualChoice>>;
  comparison: StorageItem<Comparison | null>;
  setTimeout(fn: () => void, ms: number): unknown;
  /** A broken page or a dead API leaves the page untouched; this only hears why (dev builds). */
  onError?(error: unknown): void;
}

/**
 * The content script's page views: one AbortController each. `run` aborts the current view
 * (removing everything it added) and starts again, as on 1177's client-side navigation or a changed
 * setting; after each view an open popup hears what was found.
 */
export function createPageViews(deps: PageViewDeps) {
  let view: AbortController | null = null;
  let handle: OverlayHandle | null = null;

  const detected = (): DetectedResponse =>
    handle?.detected() ?? {
      host: deps.location().hostname,
      huvudman: null,
      service: null,
      via: null,
      matched: 0,
    };

  const run = async (): Promise<void> => {
    view?.abort();
    const controller = new AbortController();
    view = controller;
    handle = null;
    try {
      const [settings, manualChoices, config] = await Promise.all([
        deps.settings.getValue(),
        deps.manualChoices.getValue(),
        deps.send({ type: 'config' }),
      ]);
      if (controller.signal.aborted) return;
      const url = deps.location();
      handle = await runOverlay({
        doc: deps.doc,
        url,
        apiUrl: deps.apiUrl,
        signal: controller.signal,
        send: deps.send,
        settings: withDefaults(settings),
        manual: manualChoices[url.hostname] ?? null,
        disabledAdapters: config?.disabledAdapters ?? [],
        getComparison: () => deps.comparison.getValue(),
        setComparison: (value) => deps.comparison.setValue(value),
        setTimeout: deps.setTimeout,
      });
    } catch (error) {
      deps.onError?.(error);
    }
    if (!controller.signal.aborted)
      deps.send({ type: 'detectedChanged', detected: detected() }).catch(() => {});
  };

  return {
    run,
    detected,
    stop() {
      view?.abort();
    },
  };
}
