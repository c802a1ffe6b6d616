import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, createRequestHandler } from '../../../extension/core/background';
import { EN } from '../../../extension/core/ui/i18n-en';
import { unitListFixture } from '../fixtures';

const LIST = unitListFixture('units-0581-hemtjanst');

function handler() {
  const opened: unknown[] = [];
  const asked: string[] = [];
  const api: BackgroundDeps['api'] = {
    getUnitList: async (huvudman, service) => {
      asked.push(`${huvudman}:${service}`);
      return { ok: true, list: LIST, fetchedAt: 1, stale: false };
    },
    getConfig: async () => ({ disabledAdapters: ['x'] }),
    getHistory: async () => ({ ok: true, entries: [] }),
    postFeedback: async () => ({ ok: true, status: 201 }),
  };
  const handle = createRequestHandler({ api, openComparison: async (where) => opened.push(where) });
  return { handle, opened, asked };
}

describe('the background answers each request', () => {
  it('gives the list and, for listing texts, the matched unit id of each', async () => {
    const { handle, asked } = handler();
    const exempel = LIST.items.find((u) => u.name === 'Exempelomsorg AB')!;
    const answer = await handle(
      {
        type: 'units',
        huvudman: '0581',
        service: 'hemtjanst',
        listings: [
          { text: 'Exempelomsorg AB', kind: 'item' },
          { text: 'Ansök om hemtjänst', kind: 'link' },
        ],
        contextNames: ['Norrköping'],
      },
      {},
    );
    expect(answer).toMatchObject({ ok: true, matches: [exempel.id, null] });
    expect(asked).toEqual(['0581:hemtjanst']);
    // Without listings (the side panel), just the list.
    expect(await handle({ type: 'units', huvudman: '0581', service: 'hemtjanst' }, {})).not.toHaveProperty(
      'matches',
    );
  });

  it('opens the comparison beside the tab that asked, hands out the English strings, ignores the rest', async () => {
    const { handle, opened } = handler();
    expect(await handle({ type: 'openComparison' }, { tab: { id: 7, windowId: 3 } })).toBe(true);
    expect(opened).toEqual([{ tabId: 7, windowId: 3 }]);
    expect(await handle({ type: 'messages', language: 'en' }, {})).toBe(EN);
    expect(await handle({ type: 'config' }, {})).toEqual({ disabledAdapters: ['x'] });
    expect(
      handle(
        {
          type: 'detectedChanged',
          detected: { host: 'x', huvudman: null, service: null, via: null, matched: 0 },
        },
        {},
      ),
    ).toBeUndefined();
  });
});
