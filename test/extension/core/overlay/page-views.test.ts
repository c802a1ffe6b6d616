// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Request, Send } from '../../../../extension/core/messages';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { createPageViews } = await import('../../../../extension/core/overlay/page-views');
const { UNIT_ATTRIBUTE } = await import('../../../../extension/core/overlay');
const { matchTexts } = await import('../../../../extension/core/sites/match-texts');
const storage = await import('../../../../extension/platform/storage');
const { listFor, loadPage } = await import('../../fixtures');

const FILE = 'norrkoping-list.html';
const badges = () => document.querySelectorAll(`[${UNIT_ATTRIBUTE}]`).length;

function views() {
  const url = loadPage(FILE);
  const sent: Request[] = [];
  const send = (async (request: Request) => {
    sent.push(request);
    if (request.type === 'config') return { disabledAdapters: [] };
    if (request.type === 'units') {
      const list = request.service === 'hemtjanst' ? listFor(FILE) : { ...listFor(FILE), items: [] };
      return {
        ok: true,
        list,
        fetchedAt: 0,
        stale: false,
        matches: matchTexts(list, request.listings ?? [], []),
      };
    }
    return undefined;
  }) as Send;
  const pageViews = createPageViews({
    doc: document,
    location: () => url,
    apiUrl: 'http://localhost:8787',
    send,
    settings: storage.settingsItem,
    manualChoices: storage.manualChoicesItem,
    comparison: storage.comparisonItem,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
  });
  return { pageViews, sent, html: document.body.innerHTML };
}

describe('page views in the content script (fakeBrowser storage)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('draws the badges and tells an open popup what it found', async () => {
    const { pageViews, sent } = views();
    await pageViews.run();
    expect(badges()).toBe(6);
    expect(sent.at(-1)).toEqual({
      type: 'detectedChanged',
      detected: {
        host: 'www.norrkoping.se',
        huvudman: '0581',
        service: 'hemtjanst',
        via: 'host',
        matched: 6,
      },
    });
    expect(pageViews.detected().matched).toBe(6);
    pageViews.stop();
  });

  it('runs again with a new manual choice: the old view is gone, the new one says what it found', async () => {
    const { pageViews, sent } = views();
    await pageViews.run();
    await storage.manualChoicesItem.setValue({
      'www.norrkoping.se': { huvudman: '0581', service: 'sarskilt_boende' },
    });
    await pageViews.run();
    expect(badges()).toBe(0);
    expect(sent.filter((r) => r.type === 'detectedChanged').at(-1)).toMatchObject({
      detected: { service: 'sarskilt_boende', via: 'manual', matched: 0 },
    });
    pageViews.stop();
  });

  it('leaves nothing behind when stopped, and answers "nothing here" with badges switched off', async () => {
    const { pageViews, html } = views();
    await pageViews.run();
    pageViews.stop();
    expect(document.body.innerHTML).toBe(html);
    await storage.settingsItem.setValue({ ...(await storage.settingsItem.getValue()), badges: false });
    await pageViews.run();
    expect(badges()).toBe(0);
    expect(pageViews.detected()).toEqual({
      host: 'www.norrkoping.se',
      huvudman: null,
      service: null,
      via: null,
      matched: 0,
    });
  });
});
