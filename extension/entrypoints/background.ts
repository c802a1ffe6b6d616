import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createApiClient } from '../api';
import { comparisonViewApi, openComparisonView } from '../comparison-view';
import type { Request } from '../messages';
import { apiBaseUrl } from '../sites/api-url';
import { matchTexts } from '../sites/match';
import { EN } from '../ui/i18n-en';

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
