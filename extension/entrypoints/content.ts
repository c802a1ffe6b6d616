import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { apiBaseUrl } from '../core/api-url';
import type { ConfigResponse, ContentRequest, Request } from '../core/messages';
import { mark, type OverlayHandle, runOverlay } from '../core/overlay';
import { DEFAULT_SETTINGS } from '../core/settings';
import { contentScriptMatches } from '../core/sites/match-patterns';
import { comparisonItem, manualChoicesItem, settingsItem } from '../platform/storage';

export default defineContentScript({
  matches: contentScriptMatches(apiBaseUrl(import.meta.env.WXT_API_URL)),
  runAt: 'document_idle',
  main(ctx) {
    mark('start');
    let view: AbortController | null = null;
    let handle: OverlayHandle | null = null;
    const send = <T>(request: Request) => browser.runtime.sendMessage(request) as Promise<T>;

    const run = async () => {
      view?.abort();
      const controller = new AbortController();
      view = controller;
      handle = null;
      try {
        const [settings, manualChoices, config] = await Promise.all([
          settingsItem.getValue(),
          manualChoicesItem.getValue(),
          send<ConfigResponse>({ type: 'config' }),
        ]);
        if (controller.signal.aborted) return;
        const url = new URL(location.href);
        handle = await runOverlay({
          doc: document,
          url,
          signal: controller.signal,
          send,
          settings: { ...DEFAULT_SETTINGS, ...settings },
          manual: manualChoices[url.hostname] ?? null,
          disabledAdapters: config?.disabledAdapters ?? [],
          getComparison: () => comparisonItem.getValue(),
          setComparison: (value) => comparisonItem.setValue(value),
          setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
        });
      } catch (error) {
        // A broken page or a dead API leaves the page untouched and quiet.
        if (import.meta.env.DEV) console.debug('[utforarkollen]', error);
      }
    };

    // Client-side navigation (1177): abort the page view and run again.
    ctx.addEventListener(window, 'wxt:locationchange', () => void run());
    const unwatch = [settingsItem.watch(() => void run()), manualChoicesItem.watch(() => void run())];
    // An updated or removed extension leaves nothing behind on the page.
    ctx.onInvalidated(() => {
      view?.abort();
      for (const stop of unwatch) stop();
    });

    browser.runtime.onMessage.addListener((message: ContentRequest, _sender, sendResponse) => {
      if (message?.type === 'detected') {
        sendResponse(
          handle?.detected() ?? {
            host: location.hostname,
            huvudman: null,
            service: null,
            via: null,
            matched: 0,
          },
        );
      }
      return undefined;
    });

    void run();
  },
});
