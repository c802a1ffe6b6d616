import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createApiClient } from '../api';
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
          return openComparison(sender.tab?.id, sender.tab?.windowId);
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

/** Chrome's side panel or Firefox's sidebar; a tab with the same page when neither can open. */
async function openComparison(tabId?: number, windowId?: number): Promise<boolean> {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: object): Promise<void> } } })
    .chrome?.sidePanel;
  try {
    if (chromeSidePanel && windowId !== undefined) {
      await chromeSidePanel.open(tabId !== undefined ? { tabId } : { windowId });
      return true;
    }
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebar) {
      await sidebar.open();
      return true;
    }
  } catch {
    // No user gesture reached the background, or no side panel: fall back to a tab.
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  return true;
}
