import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Request, UnitsResponse } from '../../../../../extension/core/messages';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { connectComparison } = await import('../../../../../extension/core/views/comparison/connect');
const { createComparisonModel } = await import('../../../../../extension/core/views/comparison/model');
const { comparisonItem, settingsItem } = await import('../../../../../extension/platform/storage');
const { unitListFixture } = await import('../../../fixtures');

const LIST = unitListFixture('units-0581-hemtjanst');
const [first, second] = LIST.items;

function page() {
  const requests: Request[] = [];
  const tabs: string[] = [];
  const send = (async (request: Request) => {
    requests.push(request);
    return { ok: true, list: LIST, fetchedAt: 0, stale: false } satisfies UnitsResponse;
  }) as never;
  const model = createComparisonModel();
  return {
    model,
    requests,
    tabs,
    connection: connectComparison(model, {
      settings: settingsItem,
      comparison: comparisonItem,
      send,
      openTab: (query) => tabs.push(query),
    }),
  };
}

describe('the comparison page on stored data (fakeBrowser storage)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows the chosen units of the stored comparison, the list asked from the background once', async () => {
    await comparisonItem.setValue({
      huvudman: '0581',
      service: 'hemtjanst',
      unitIds: [second!.id],
      show: 'chosen',
    });
    const { model, requests, connection } = page();
    await connection.load();
    expect(model.mode.value).toBe('chosen');
    expect(model.units.value.map((u) => u.id)).toEqual([second!.id]);
    expect(requests).toEqual([{ type: 'units', huvudman: '0581', service: 'hemtjanst' }]);
    await connection.load();
    expect(requests).toHaveLength(1);
  });

  it('shows every unit after "Se alla utförare", whatever was chosen', async () => {
    await comparisonItem.setValue({
      huvudman: '0581',
      service: 'hemtjanst',
      unitIds: [second!.id],
      show: 'all',
    });
    const { model, connection } = page();
    await connection.load();
    expect(model.mode.value).toBe('all');
    expect(model.units.value).toHaveLength(LIST.items.length);
  });

  it('removes a unit from the stored list and follows the change', async () => {
    await comparisonItem.setValue({
      huvudman: '0581',
      service: 'hemtjanst',
      unitIds: [first!.id, second!.id],
      show: 'chosen',
    });
    const { model, connection } = page();
    const stop = connection.start();
    await vi.waitFor(() => expect(model.units.value).toHaveLength(2));
    await connection.remove(first!.id);
    expect((await comparisonItem.getValue())?.unitIds).toEqual([second!.id]);
    await vi.waitFor(() => expect(model.units.value.map((u) => u.id)).toEqual([second!.id]));
    stop();
  });

  it('says so when there is nothing to compare', async () => {
    const { model, requests, connection } = page();
    await connection.load();
    expect(model.comparison.value).toBeNull();
    expect(requests).toEqual([]);
  });
});
