import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DetectedResponse } from '../../../../../extension/core/messages';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { createPopupModel } = await import('../../../../../extension/core/views/popup/model');
const storage = await import('../../../../../extension/platform/storage');
const { popupTabs } = await import('../../../../../extension/platform/tabs');
const { placeByCode } = await import('../../../../../extension/core/sites/places');
const { unitListFixture } = await import('../../../fixtures');

const ON_PAGE: DetectedResponse = {
  host: 'www.norrkoping.se',
  huvudman: '0581',
  service: 'hemtjanst',
  via: 'host',
  matched: 6,
};

/** The popup opened on a tab whose content script answers `detected` with ON_PAGE. */
async function openPopup(answer: DetectedResponse | Error = ON_PAGE) {
  const tab = await fakeBrowser.tabs.create({ url: 'https://www.norrkoping.se/hemtjanst' });
  // fakeBrowser has no way to make a tab active; the popup asks for the active one.
  fakeBrowser.tabs.query = (async () => [tab]) as typeof fakeBrowser.tabs.query;
  const asked: unknown[] = [];
  fakeBrowser.tabs.sendMessage = (async (tabId: number, message: unknown) => {
    asked.push({ tabId, message });
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof fakeBrowser.tabs.sendMessage;
  const opened: unknown[] = [];
  const tabsOpened: string[] = [];
  const model = createPopupModel({
    settings: storage.settingsItem,
    manualChoices: storage.manualChoicesItem,
    apiFailure: storage.apiFailureItem,
    siteChecks: storage.siteChecksItem,
    cachedLists: storage.cachedUnitLists,
    tabs: popupTabs,
    openComparison: async (where) => opened.push(where),
    comparison: storage.comparisonItem,
    openTab: async (query) => tabsOpened.push(query),
  });
  const stop = await model.load();
  return { model, tab, asked, opened, tabsOpened, stop };
}

describe('the popup model (fakeBrowser storage and tabs)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows what the content script of the active tab found, and the stored settings', async () => {
    await storage.settingsItem.setValue({ textSize: 'large' } as never);
    const { model, tab, asked } = await openPopup();
    expect(asked).toEqual([{ tabId: tab.id, message: { type: 'detected' } }]);
    expect(model.detected.value).toEqual(ON_PAGE);
    // Stored settings from an older version get the new fields' defaults.
    expect(model.settings.value).toMatchObject({ textSize: 'large', language: 'sv', badges: true });
  });

  it('says nothing was found where no content script runs', async () => {
    const { model } = await openPopup(new Error('Could not establish connection'));
    expect(model.detected.value).toBeNull();
  });

  it('lists every cached unit list and the last API failure for the data status', async () => {
    const list = unitListFixture('units-0581-hemtjanst');
    const entry = { body: list, etag: 'W/"1"', fetchedAt: 1_000, maxAgeSeconds: 300 };
    await storage.unitListCacheItem('0581', 'hemtjanst').setValue(entry);
    await storage.settingsItem.setValue({ ...(await storage.settingsItem.getValue()) });
    await storage.apiFailureItem.setValue({ at: 2_000, reason: 'timeout' });
    const { model } = await openPopup();
    expect(model.cached.value).toEqual([entry]);
    expect(model.apiFailure.value).toEqual({ at: 2_000, reason: 'timeout' });
  });

  it('lists the sites that looked different than expected, newest first', async () => {
    const older = {
      adapter: 'generic',
      host: 'www.exempel.se',
      missing: ['sidans huvudinnehåll'],
      at: 1_000,
    };
    const newer = {
      adapter: 'vard-1177',
      host: 'www.1177.se',
      missing: ['vårdcentralernas namn'],
      at: 5_000,
    };
    await storage.siteChecksItem.setValue({
      'generic www.exempel.se': older,
      'vard-1177 www.1177.se': newer,
    });
    const { model } = await openPopup();
    expect(model.siteChecks.value).toEqual([newer, older]);
  });

  it('offers the services of the chosen place’s kind, from the domain', async () => {
    const { model } = await openPopup();
    model.choose(placeByCode('05')!);
    expect(model.services.value).toEqual(['vardcentral']);
    expect(model.chosenService.value).toBe('vardcentral');
    model.choose(placeByCode('0580')!);
    expect(model.services.value).toEqual(['hemtjanst', 'sarskilt_boende']);
    expect(model.chosenService.value).toBe('hemtjanst');
  });

  it('stores a manual choice for the site and shows the page’s new result when its content script ran again', async () => {
    const { model, tab } = await openPopup();
    model.choose(placeByCode('0580')!);
    model.chosenService.value = 'sarskilt_boende';
    await model.applyChoice();
    expect(await storage.manualChoicesItem.getValue()).toEqual({
      'www.norrkoping.se': { huvudman: '0580', service: 'sarskilt_boende' },
    });
    const again = {
      ...ON_PAGE,
      huvudman: '0580',
      service: 'sarskilt_boende',
      via: 'manual',
      matched: 0,
    } as const;
    // Another tab's page view is not this popup's business.
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'detectedChanged', detected: ON_PAGE },
      { tab: { ...tab, id: 999 } },
    );
    expect(model.detected.value).toEqual(ON_PAGE);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'detectedChanged', detected: again }, { tab });
    expect(model.detected.value).toEqual(again);
    await model.automatic();
    expect(await storage.manualChoicesItem.getValue()).toEqual({});
  });

  it('stops listening to the page when the popup goes', async () => {
    const { model, tab, stop } = await openPopup();
    stop();
    const later = { ...ON_PAGE, matched: 1 };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'detectedChanged', detected: later }, { tab });
    expect(model.detected.value).toEqual(ON_PAGE);
  });

  it('shows the default indicator until the user picks, and stores the picks per service', async () => {
    const { model } = await openPopup();
    expect(model.badgeIndicators('hemtjanst')).toEqual(['U21468']);
    expect(model.badgeIndicators('sarskilt_boende')).toEqual(['U23471']);
    await model.setBadgeIndicator('hemtjanst', 'U21467', true);
    expect((await storage.settingsItem.getValue()).indicators).toEqual({ hemtjanst: ['U21468', 'U21467'] });
    await model.setBadgeIndicator('hemtjanst', 'U21468', false);
    expect(model.badgeIndicators('hemtjanst')).toEqual(['U21467']);
    await model.saveSettings({ badges: false });
    expect(await storage.settingsItem.getValue()).toMatchObject({
      badges: false,
      indicators: { hemtjanst: ['U21467'] },
    });
  });

  it('opens the comparison for the active tab, before anything else awaits', async () => {
    const { model, tab, opened } = await openPopup();
    void model.openComparison();
    expect(opened).toEqual([{ tabId: tab.id, windowId: tab.windowId }]);
  });

  it('with nothing chosen, opens the comparison on the page’s kommun and service with every provider', async () => {
    const { model } = await openPopup();
    await model.openComparison();
    expect(await storage.comparisonItem.getValue()).toEqual({
      huvudman: '0581',
      service: 'hemtjanst',
      unitIds: [],
      show: 'all',
    });
  });

  it('keeps a choice already made on the same system', async () => {
    const chosen = {
      huvudman: '0581',
      service: 'hemtjanst' as const,
      unitIds: ['u_1'],
      show: 'chosen' as const,
    };
    await storage.comparisonItem.setValue(chosen);
    const { model } = await openPopup();
    await model.openComparison();
    expect(await storage.comparisonItem.getValue()).toEqual(chosen);
  });

  it('opens the page’s system in a tab of its own by address', async () => {
    const { model, tabsOpened } = await openPopup();
    await model.openInTab();
    expect(tabsOpened).toEqual(['?huvudman=0581&service=hemtjanst']);
  });
});
