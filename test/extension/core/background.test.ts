import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, createRequestHandler } from '../../../extension/core/background';
import type { SiteChecks } from '../../../extension/core/data-status';
import { EN } from '../../../extension/core/ui/i18n-en';
import { memoryItem, unitListFixture } from '../fixtures';

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
  const siteChecks = memoryItem<SiteChecks>('siteChecks', {});
  let now = 1_000;
  const handle = createRequestHandler({
    api,
    openComparison: async (where) => opened.push(where),
    siteChecks,
    now: () => now,
  });
  return { handle, opened, asked, siteChecks, later: () => (now += 1_000) };
}

describe('the background answers each request', () => {
  it('gives the list and, for listing texts, what each names and where its name ends', async () => {
    const { handle, asked } = handler();
    const exempel = LIST.items.find((u) => u.name === 'Exempelomsorg AB')!;
    const answer = await handle(
      {
        type: 'units',
        huvudman: '0581',
        service: 'hemtjanst',
        listings: [
          { text: 'Exempelomsorg AB, telefon 011-00 00 02', kind: 'item' },
          { text: 'Ansök om hemtjänst', kind: 'link' },
        ],
        contextNames: ['Norrköping'],
      },
      {},
    );
    expect(answer).toMatchObject({ ok: true, matches: [{ ids: [exempel.id], nameEnd: 16 }, null] });
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

  it('keeps a site that looked different in storage, once, until it looks as expected again', async () => {
    const { handle, siteChecks, later } = handler();
    const report = {
      type: 'siteCheck' as const,
      adapter: 'generic',
      host: 'www.exempel.se',
      missing: ['sidans huvudinnehåll'],
    };
    expect(await handle(report, {})).toBeNull();
    const first = {
      adapter: 'generic',
      host: 'www.exempel.se',
      missing: ['sidans huvudinnehåll'],
      at: 1_000,
    };
    expect(await siteChecks.getValue()).toEqual({ 'generic www.exempel.se': first });
    later();
    await handle(report, {});
    // The same finding again is not written again, and keeps its first date.
    expect(siteChecks.writes).toHaveLength(1);
    await handle({ ...report, host: 'www.annat.se', missing: [] }, {});
    expect(siteChecks.writes).toHaveLength(1);
    await handle({ ...report, missing: [] }, {});
    expect(await siteChecks.getValue()).toEqual({});
  });

  it('remembers at most the 20 most recent sites, and takes reports one at a time', async () => {
    const { handle, siteChecks, later } = handler();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => {
        later();
        return handle(
          { type: 'siteCheck', adapter: 'generic', host: `www.kommun${i}.se`, missing: ['x'] },
          {},
        );
      }),
    );
    const hosts = Object.values(await siteChecks.getValue()).map((c) => c.host);
    expect(hosts).toHaveLength(20);
    expect(hosts).not.toContain('www.kommun0.se');
    expect(hosts).toContain('www.kommun24.se');
  });
});
