import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { createApiClient, maxAgeOf } = await import('../../../extension/platform/api-client');
const { apiFailureItem, unitListCacheItem } = await import('../../../extension/platform/storage');
const { unitListFixture } = await import('../fixtures');

const LIST = unitListFixture('units-0581-hemtjanst');
const BASE = 'http://api.test';

function fakeApi() {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  let mode: 'ok' | 'down' | 'error' = 'ok';
  let etag = 'W/"v1"';
  let body: unknown = LIST;
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ url: String(url), headers });
    if (mode === 'down') throw new TypeError('Failed to fetch');
    if (mode === 'error') return new Response('oops', { status: 500 });
    if (headers['If-None-Match'] === etag)
      return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { ETag: etag, 'Cache-Control': 'public, max-age=300, stale-while-revalidate=86400' },
    });
  });
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    calls,
    set mode(value: 'ok' | 'down' | 'error') {
      mode = value;
    },
    change(newBody: unknown) {
      body = newBody;
      etag = 'W/"v2"';
    },
  };
}

describe('background API client: one GET per list, cached with its ETag', () => {
  let now = 1_000_000;
  beforeEach(() => {
    fakeBrowser.reset();
    now = 1_000_000;
  });
  const client = (api: ReturnType<typeof fakeApi>) =>
    createApiClient({ baseUrl: BASE, fetch: api.fetch, now: () => now });

  it('fetches once, then serves from storage.local within max-age', async () => {
    const api = fakeApi();
    const c = client(api);
    const first = await c.getUnitList('0581', 'hemtjanst');
    expect(first).toMatchObject({ ok: true, stale: false });
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]?.url).toBe(`${BASE}/v1/kommuner/0581/units?service=hemtjanst`);
    now += 299_000;
    await c.getUnitList('0581', 'hemtjanst');
    expect(api.calls).toHaveLength(1);
    const stored = await unitListCacheItem('0581', 'hemtjanst').getValue();
    expect(stored).toMatchObject({ etag: 'W/"v1"', maxAgeSeconds: 300 });
    // A new client (a restarted service worker) still uses the stored copy.
    await client(api).getUnitList('0581', 'hemtjanst');
    expect(api.calls).toHaveLength(1);
  });

  it('revalidates with If-None-Match after max-age; 304 keeps the stored list', async () => {
    const api = fakeApi();
    const c = client(api);
    await c.getUnitList('0581', 'hemtjanst');
    now += 301_000;
    const again = await c.getUnitList('0581', 'hemtjanst');
    expect(api.calls).toHaveLength(2);
    expect(api.calls[1]?.headers['If-None-Match']).toBe('W/"v1"');
    expect(again.ok && again.list.items).toHaveLength(LIST.items.length);
    expect((await unitListCacheItem('0581', 'hemtjanst').getValue())?.fetchedAt).toBe(now);
  });

  it('replaces the list when it changed', async () => {
    const api = fakeApi();
    const c = client(api);
    await c.getUnitList('0581', 'hemtjanst');
    api.change({ ...LIST, items: LIST.items.slice(0, 2) });
    now += 301_000;
    const changed = await c.getUnitList('0581', 'hemtjanst');
    expect(changed.ok && changed.list.items).toHaveLength(2);
    expect((await unitListCacheItem('0581', 'hemtjanst').getValue())?.etag).toBe('W/"v2"');
  });

  it('serves the stale copy when offline or the API fails, and fails quietly with nothing cached', async () => {
    const api = fakeApi();
    const c = client(api);
    api.mode = 'down';
    expect(await c.getUnitList('0581', 'hemtjanst')).toMatchObject({ ok: false });
    api.mode = 'ok';
    await c.getUnitList('0581', 'hemtjanst');
    now += 10 * 86_400_000;
    api.mode = 'down';
    expect(await c.getUnitList('0581', 'hemtjanst')).toMatchObject({ ok: true, stale: true });
    api.mode = 'error';
    expect(await c.getUnitList('0581', 'hemtjanst')).toMatchObject({ ok: true, stale: true });
  });

  it('records why a list could not be had, for the popup, and clears it once the API answers', async () => {
    const api = fakeApi();
    const c = client(api);
    api.mode = 'down';
    await c.getUnitList('0581', 'hemtjanst');
    expect(await apiFailureItem.getValue()).toEqual({ at: now, reason: 'unreachable' });
    api.mode = 'ok';
    api.change('not a list');
    await c.getUnitList('0581', 'hemtjanst');
    expect(await apiFailureItem.getValue()).toMatchObject({ reason: 'invalid' });
    api.change(LIST);
    await c.getUnitList('0581', 'hemtjanst');
    expect(await apiFailureItem.getValue()).toBeNull();
  });

  it('gives up on an API that does not answer in time, and says so', async () => {
    const hanging = vi.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
        }),
    );
    const c = createApiClient({ baseUrl: BASE, fetch: hanging as unknown as typeof fetch, timeoutMs: 50 });
    expect(await c.getUnitList('0581', 'hemtjanst')).toMatchObject({ ok: false });
    expect(await apiFailureItem.getValue()).toMatchObject({ reason: 'timeout' });
  });

  it('shares one request between concurrent callers (several frames, one page)', async () => {
    const api = fakeApi();
    const c = client(api);
    const results = await Promise.all([1, 2, 3].map(() => c.getUnitList('0581', 'hemtjanst')));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(api.calls).toHaveLength(1);
  });

  it('rejects a response that breaks the data contract, and bad codes before any request', async () => {
    const api = fakeApi();
    api.change({ huvudman: '0581', items: 'nope' });
    expect(await client(api).getUnitList('0581', 'hemtjanst')).toMatchObject({ ok: false });
    expect(await client(api).getUnitList('../x', 'hemtjanst')).toMatchObject({ ok: false });
    expect(api.calls).toHaveLength(1);
  });

  it('asks regions for vårdcentraler', async () => {
    const api = fakeApi();
    api.change(unitListFixture('units-05-vardcentral'));
    await client(api).getUnitList('05', 'vardcentral');
    expect(api.calls[0]?.url).toBe(`${BASE}/v1/regioner/05/units?service=vardcentral`);
  });

  it('answers the switch-off list from the cache at once and refreshes it in the background', async () => {
    const calls: string[] = [];
    const fetch = (async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify({ disabledAdapters: ['vard-1177'] }), { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const c = createApiClient({ baseUrl: BASE, fetch, now: () => now });
    expect(await c.getConfig()).toEqual({ disabledAdapters: [] });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await vi.waitFor(async () => expect(await c.getConfig()).toEqual({ disabledAdapters: ['vard-1177'] }));
    expect(calls).toHaveLength(1);
  });

  it('reads max-age from Cache-Control', () => {
    expect(maxAgeOf('public, max-age=300, stale-while-revalidate=86400')).toBe(300);
    expect(maxAgeOf(null)).toBe(300);
  });

  it('posts feedback and reports a missing endpoint as not ok', async () => {
    const fetch = (async () => new Response('{}', { status: 404 })) as unknown as typeof globalThis.fetch;
    const c = createApiClient({ baseUrl: BASE, fetch });
    expect(
      await c.postFeedback({
        huvudman: '0581',
        service: 'hemtjanst',
        pageHost: 'www.norrkoping.se',
        listingText: 'X',
        kind: 'missing',
      }),
    ).toEqual({ ok: false, status: 404 });
  });
});
