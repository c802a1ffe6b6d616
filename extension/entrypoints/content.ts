import { defineContentScript } from 'wxt/utils/define-content-script';
import { apiBaseUrl } from '../core/api-url';
import { createPageViews, mark } from '../core/overlay';
import { contentScriptMatches } from '../core/sites/adapters';
import { answerContentRequests, sendToBackground } from '../platform/messaging';
import { comparisonItem, manualChoicesItem, settingsItem } from '../platform/storage';

const apiUrl = apiBaseUrl(import.meta.env.WXT_API_URL);

export default defineContentScript({
  // Collected from the adapters (core/sites/adapters/*.ts): kommun sites, 1177, the API's demo pages.
  matches: contentScriptMatches(apiUrl),
  runAt: 'document_idle',
  main(ctx) {
    mark('start');
    const views = createPageViews({
      doc: document,
      location: () => new URL(location.href),
      apiUrl,
      send: sendToBackground,
      settings: settingsItem,
      manualChoices: manualChoicesItem,
      comparison: comparisonItem,
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      onError: (error) => {
        if (import.meta.env.DEV) console.debug('[utforarkollen]', error);
      },
    });
    // Client-side navigation (1177), a changed setting or manual choice: a new page view.
    ctx.addEventListener(window, 'wxt:locationchange', () => void views.run());
    const unwatch = [
      settingsItem.watch(() => void views.run()),
      manualChoicesItem.watch(() => void views.run()),
    ];
    // An updated or removed extension leaves nothing behind on the page.
    ctx.onInvalidated(() => {
      views.stop();
      for (const stop of unwatch) stop();
    });
    answerContentRequests(views.detected);
    void views.run();
  },
});
