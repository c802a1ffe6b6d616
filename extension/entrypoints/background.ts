import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { apiBaseUrl } from '../core/api-url';
import type { Request } from '../core/messages';
import { matchTexts } from '../core/sites/match';
import { EN } from '../core/ui/i18n-en';
import { createApiClient } from '../platform/api-client';
import { comparisonViewApi, openComparisonView } from '../platform/comparison-view';

export default defineBackground({
  type: 'module',
  main() {
    const api = createApiClient({ baseUrl: apiBaseUrl(import.meta.env.WXT_API_URL) });

    const handle = (
      message: Request,
      sender: Browser.runtime.MessageSender,
    ): Promise<unknown> | undefined => {
      switch (message?.type) {
        case 'units':
          return api.getUnitList(message.huvudman, message.service).then((response) =>
            response.ok && message.listings
              ? {
                  ...response,
                  matches: matchTexts(response.list, message.listings, message.contextNames ?? []),
                }
              : response,
          );
        case 'config':
          return api.getConfig();
        case 'history':
          return api.getHistory(message.unitId);
        case 'feedback':
          return api.postFeedback(message.body);
        case 'messages':
          return Promise.resolve(EN);
        case 'openComparison':
          return openComparisonView(comparisonViewApi(browser), {
            tabId: sender.tab?.id,
            windowId: sender.tab?.windowId,
          }).then(() => true);
        default:
          return undefined;
      }
    };
    browser.runtime.onMessage.addListener((message: Request, sender, sendResponse) => {
      // Only our own content scripts and pages talk to the background.
      if (sender.id !== browser.runtime.id) return undefined;
      const result = handle(message, sender);
      if (!result) return undefined;
      result.then(sendResponse, () => sendResponse(undefined));
      return true;
    });
  },
});
