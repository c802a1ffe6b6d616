import { describe, expect, it, vi } from 'vitest';
import { type ComparisonViewApi, openComparisonView } from '../../../extension/platform/comparison-view';

const URL = 'chrome-extension://id/sidepanel.html';

function fakeApi(parts: Partial<ComparisonViewApi>) {
  const createTab = vi.fn(async (_url: string) => undefined);
  return { api: { createTab, url: URL, ...parts } as ComparisonViewApi, createTab };
}

describe('opening the comparison view', () => {
  it("opens Chrome's side panel for the tab the user is on", async () => {
    const open = vi.fn(async () => undefined);
    const { api, createTab } = fakeApi({ sidePanel: { open } });
    expect(await openComparisonView(api, { tabId: 7, windowId: 2 })).toBe('side panel');
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
    expect(createTab).not.toHaveBeenCalled();
  });

  it('calls the panel before anything else awaits, so the user action that asked still counts', () => {
    const open = vi.fn(async () => undefined);
    const { api } = fakeApi({ sidePanel: { open } });
    void openComparisonView(api, { windowId: 2 });
    expect(open).toHaveBeenCalledWith({ windowId: 2 });
  });

  it("opens Firefox's sidebar", async () => {
    const open = vi.fn(async () => undefined);
    const { api, createTab } = fakeApi({ sidebarAction: { open } });
    expect(await openComparisonView(api, {})).toBe('sidebar');
    expect(createTab).not.toHaveBeenCalled();
  });

  it('falls back to a tab with the same page when the panel refuses (no user action reached it)', async () => {
    const open = vi.fn(async () => {
      throw new Error('sidebarAction.open may only be called from a user input handler');
    });
    const { api, createTab } = fakeApi({ sidebarAction: { open } });
    expect(await openComparisonView(api, { tabId: 1 })).toBe('tab');
    expect(createTab).toHaveBeenCalledWith(URL);
  });

  it('opens a tab in a browser with neither panel', async () => {
    const { api, createTab } = fakeApi({});
    expect(await openComparisonView(api, { tabId: 1 })).toBe('tab');
    expect(createTab).toHaveBeenCalledWith(URL);
  });
});
