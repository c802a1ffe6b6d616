import { browser } from 'wxt/browser';
import type { ContentRequest, DetectedResponse, Request } from '../core/messages';
import type { PopupTabs } from '../core/views/popup/model';

/** The popup's view of the tabs: the active one, and what its content script found. */
export const popupTabs: PopupTabs = {
  async active() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return { tabId: tab?.id, windowId: tab?.windowId };
  },
  async detected(tabId) {
    try {
      const request: ContentRequest = { type: 'detected' };
      return ((await browser.tabs.sendMessage(tabId, request)) as DetectedResponse | undefined) ?? null;
    } catch {
      return null; // no content script on this page
    }
  },
  onDetected(callback) {
    const listener = (message: Request, sender: { tab?: { id?: number } }) => {
      if (message?.type === 'detectedChanged' && sender.tab?.id !== undefined)
        callback(sender.tab.id, message.detected);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};
