import { COMPARISON_PAGE } from '../core/views/comparison/url';

/**
 * Opening the comparison view: Chrome's side panel, Firefox's sidebar, or a tab with the same page
 * when neither can open. Both browsers open their panel only in response to a user action, and
 * Firefox does not carry that across a message from a page: called straight from a click in the
 * popup it opens the panel; called from the background (a badge's details on a page) it may fall
 * back to the tab.
 */
export interface ComparisonViewApi {
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
  createTab(url: string): Promise<unknown>;
  url: string;
}

export type OpenedIn = 'side panel' | 'sidebar' | 'tab';

export async function openComparisonView(
  api: ComparisonViewApi,
  where: { tabId?: number; windowId?: number },
): Promise<OpenedIn> {
  try {
    // The first call happens before any await, so a user action reaching the caller still counts.
    if (api.sidePanel && (where.tabId !== undefined || where.windowId !== undefined)) {
      await api.sidePanel.open(
        where.tabId !== undefined ? { tabId: where.tabId } : { windowId: where.windowId },
      );
      return 'side panel';
    }
    if (api.sidebarAction) {
      await api.sidebarAction.open();
      return 'sidebar';
    }
  } catch {
    // No user action reached us, or no panel in this browser.
  }
  await api.createTab(api.url);
  return 'tab';
}

/** The browser's own APIs, as far as it has them. */
export function comparisonViewApi(browser: {
  runtime: { getURL(path: '/sidepanel.html'): string };
  tabs: { create(options: { url: string }): Promise<unknown> };
}): ComparisonViewApi {
  const chrome = (globalThis as { chrome?: { sidePanel?: ComparisonViewApi['sidePanel'] } }).chrome;
  const sidebarAction = (browser as { sidebarAction?: ComparisonViewApi['sidebarAction'] }).sidebarAction;
  return {
    ...(chrome?.sidePanel ? { sidePanel: chrome.sidePanel } : {}),
    ...(sidebarAction ? { sidebarAction } : {}),
    createTab: (url) => browser.tabs.create({ url }),
    url: browser.runtime.getURL('/sidepanel.html'),
  };
}

/**
 * The comparison page of its own in a new tab, for a choice system by address
 * (`comparison.html?huvudman=0581&service=hemtjanst`, see core/views/comparison/url.ts).
 */
export function openComparisonTab(
  browser: {
    runtime: { getURL(path: '/comparison.html'): string };
    tabs: { create(options: { url: string }): Promise<unknown> };
  },
  query: string,
): Promise<unknown> {
  return browser.tabs.create({ url: `${browser.runtime.getURL(COMPARISON_PAGE)}${query}` });
}
