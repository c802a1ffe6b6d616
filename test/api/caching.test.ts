import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createResponseCache } from '../../api/http/response-cache';
import { createTestDb, testApp } from './helpers';

const UNITS = '/v1/kommuner/0581/units?service=hemtjanst';

describe('HTTP caching and CORS', async () => {
  const db = await createTestDb({ demo: true });
  const app = testApp(db);

  it('gives every data GET an ETag and a Cache-Control for data that changes daily', async () => {
    for (const path of [
      UNITS,
      '/v1/kommuner',
      '/v1/kommuner/0581',
      '/v1/regioner',
      '/v1/indicators',
      '/v1/sources',
    ]) {
      const res = await app.request(path);
      expect(res.headers.get('etag'), path).toMatch(/^W\/".+"$/);
      expect(res.headers.get('cache-control'), path).toMatch(/max-age=\d+/);
    }
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const first = await app.request(UNITS);
    const etag = first.headers.get('etag')!;
    const again = await app.request(UNITS, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('answers If-None-Match: * with 304 (the client has some version, and the list exists)', async () => {
    const res = await app.request(UNITS, { headers: { 'If-None-Match': '*' } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect((await app.request('/v1/kommuner/9999', { headers: { 'If-None-Match': '*' } })).status).toBe(404);
  });

  it('compares ETags weakly, in a list, with or without W/', async () => {
    const etag = (await app.request(UNITS)).headers.get('etag')!;
    const strongForm = etag.replace(/^W\//, '');
    for (const header of [strongForm, `W/"other", ${etag}`, `"other",${strongForm}`]) {
      expect((await app.request(UNITS, { headers: { 'If-None-Match': header } })).status, header).toBe(304);
    }
  });

  it('answers a stale ETag with the full list', async () => {
    const res = await app.request(UNITS, { headers: { 'If-None-Match': 'W/"not-this-one"' } });
    expect(res.status).toBe(200);
  });

  it('gives different lists different ETags', async () => {
    const a = await app.request(UNITS);
    const b = await app.request('/v1/kommuner/0581/units?service=sarskilt_boende');
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
  });

  it('lets anyone read public data: Access-Control-Allow-Origin *, no credentials, no Vary: Origin', async () => {
    for (const origin of [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'moz-extension://1234-abcd',
      'moz-extension://5678-efgh',
      'https://www.norrkoping.se',
      undefined,
    ]) {
      const res = await app.request(UNITS, { headers: origin ? { Origin: origin } : {} });
      expect(res.headers.get('access-control-allow-origin'), origin).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
      expect(res.headers.get('vary') ?? '').not.toMatch(/origin/i);
    }
  });

  it('gives a CDN an s-maxage and lets it serve stale copies while it revalidates', async () => {
    const cacheControl = (await app.request(UNITS)).headers.get('cache-control') ?? '';
    expect(cacheControl).toMatch(/(^|, )public(,|$)/);
    expect(cacheControl).toMatch(/s-maxage=\d+/);
    expect(cacheControl).toMatch(/stale-while-revalidate=\d+/);
  });

  it('answers a CORS preflight for a read from anyone', async () => {
    const res = await app.request(UNITS, {
      method: 'OPTIONS',
      headers: {
        Origin: 'moz-extension://1234-abcd',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'If-None-Match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('If-None-Match');
  });

  it('lets browser extensions post to /v1/match and /v1/feedback, and no web page', async () => {
    for (const path of ['/v1/match', '/v1/feedback']) {
      const preflight = (origin: string) =>
        app.request(path, {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'content-type',
          },
        });
      const extension = await preflight('moz-extension://1234-abcd');
      expect(extension.status, path).toBe(204);
      expect(extension.headers.get('access-control-allow-origin')).toBe('moz-extension://1234-abcd');
      expect(extension.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
      const page = await preflight('https://evil.example');
      expect(page.headers.get('access-control-allow-origin'), path).toBeNull();
      const posted = await app.request(path, {
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json', Origin: 'chrome-extension://abcdefghijklmnop' },
      });
      expect(posted.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
      expect(posted.headers.get('vary')).toMatch(/Origin/);
    }
  });

  it("gives the admin routes and the editors' page no CORS at all, not even to extensions", async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    for (const path of [
      '/v1/admin/changes?huvudman=0581',
      '/v1/admin/registers/0581',
      '/v1/admin',
      '/editor/',
    ]) {
      const res = await app.request(path, { headers: { Origin: origin, Authorization: 'Bearer uk_x' } });
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
      const preflight = await app.request(path, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    }
  });
});

describe('compression', async () => {
  const app = testApp(await createTestDb({ demo: true }));

  it.each([
    ['gzip;q=0, identity', null],
    ['identity', null],
    ['br;q=1, *;q=0', null],
    ['gzip;q=0.000', null],
    ['*;q=0, gzip;q=0', null],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['gzip;q=0.001', 'gzip'],
    ['br, *;q=0.5', 'gzip'],
    ['deflate, x-gzip', 'gzip'],
    ['gzip ; q=1.0 , identity;q=0', 'gzip'],
  ])('Accept-Encoding: %s gets Content-Encoding %s (q-values honoured)', async (accept, encoding) => {
    const res = await app.request(UNITS, { headers: { 'Accept-Encoding': accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe(encoding);
  });

  it('serves a list gzip-compressed to a client that accepts it, with the same content and ETag', async () => {
    const { gunzipSync } = await import('node:zlib');
    const plain = await app.request(UNITS);
    const gzipped = await app.request(UNITS, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toContain('Accept-Encoding');
    expect(gzipped.headers.get('etag')).toBe(plain.headers.get('etag'));
    const body = gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString('utf8');
    expect(JSON.parse(body)).toEqual(await plain.json());
  });

  it('keeps a list compressed only: a client without gzip gets it decompressed, and few are kept so', async () => {
    const cache = createResponseCache(await createTestDb(), { plainBytes: 150_000 });
    const list = (n: string) => ({
      n,
      units: Array.from({ length: 2000 }, (_, i) => ({ id: `${n}-${i}`, name: 'x'.repeat(40) })),
    });
    const lists = new Hono().get('/lists/:n', (c) =>
      cache.serve(c, c.req.path, async () => list(c.req.param('n'))),
    );
    for (const n of ['a', 'b', 'c', 'a', 'big']) {
      const res = await lists.request(`/lists/${n}`);
      const text = await res.text();
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(JSON.parse(text)).toEqual(list(n));
      expect(text.length).toBeGreaterThan(100_000);
      expect(cache.stats.plainBytes, n).toBeLessThanOrEqual(Math.max(150_000, text.length));
    }
    expect(cache.stats.built).toBe(4);
  });
});

describe('the fast path for cached GETs (a data version check younger than DATA_POLL_MS)', async () => {
  const db = await createTestDb({ demo: true });
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

  it('answers a repeated target before routing, with the same status, headers and bytes', async () => {
    const app = testApp(db, { DATA_POLL_MS: 60_000 });
    const requests: [string, Record<string, string>][] = [
      [UNITS, {}],
      [UNITS, { 'Accept-Encoding': 'gzip' }],
      [`${UNITS}&sort=-name`, {}],
      ['/v1/kommuner/0581', {}],
      ['/v1/indicators', { 'Accept-Encoding': 'gzip;q=0' }],
    ];
    for (const [path, headers] of requests) {
      const routed = await app.request(path, { headers });
      const stats = { ...app.cache.stats };
      const fast = await app.request(path, { headers });
      expect(app.cache.stats.fast, path).toBe(stats.fast + 1);
      expect(fast.status).toBe(routed.status);
      expect(Object.fromEntries(fast.headers)).toEqual(Object.fromEntries(routed.headers));
      expect(Buffer.from(await fast.arrayBuffer())).toEqual(Buffer.from(await routed.arrayBuffer()));
      const etag = routed.headers.get('etag')!;
      const revalidated = await app.request(path, { headers: { ...headers, 'If-None-Match': etag } });
      expect(revalidated.status).toBe(304);
      expect(app.cache.stats.fast).toBe(stats.fast + 2);
    }
  });

  it('never answers what was not answered from memory before: errors, other queries, admin, POST', async () => {
    const app = testApp(db, { DATA_POLL_MS: 60_000 });
    await app.request('/v1/kommuner/9999');
    await app.request(UNITS);
    const before = app.cache.stats.fast;
    expect((await app.request('/v1/kommuner/9999')).status).toBe(404);
    expect((await app.request(`${UNITS}&sort=bogus!`)).status).toBe(400);
    expect((await app.request(UNITS.replace('hemtjanst', 'skola'))).status).toBe(400);
    expect((await app.request('/v1/admin/changes?huvudman=0581')).status).toBe(401);
    expect(app.cache.stats.fast).toBe(before);
  });

  it('still counts against the rate limit (304s free), like any request', async () => {
    const app = testApp(db, { DATA_POLL_MS: 60_000, RATE_LIMIT_PER_MINUTE: 3 });
    const first = await app.request(UNITS, {}, from('10.1.0.1'));
    const etag = first.headers.get('etag')!;
    for (let i = 0; i < 10; i++) {
      expect(
        (await app.request(UNITS, { headers: { 'If-None-Match': etag } }, from('10.1.0.1'))).status,
      ).toBe(304);
    }
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.request(UNITS, {}, from('10.1.0.1'))).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(app.cache.stats.fast).toBeGreaterThan(10);
  });

  it('serves what an import in this process wrote, at once', async () => {
    const own = await createTestDb({ demo: true });
    const app = testApp(own, { DATA_POLL_MS: 60_000 });
    const { createToken } = await import('../../api/editors/tokens');
    const editor = await createToken(own, '0581', 'Norrköping');
    const before = await (await app.request(UNITS)).json();
    await app.request(UNITS);
    const put = await app.request('/v1/admin/registers/0581', {
      method: 'PUT',
      body: 'huvudman;tjanst;namn;regi;verifierad\n0581;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01',
      headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${editor.token}` },
    });
    expect(put.status).toBe(200);
    const after = (await (await app.request(UNITS)).json()) as { items: { name: string }[] };
    expect(after).not.toEqual(before);
    expect(after.items.map((u) => u.name)).toEqual(['Alfa Exempelomsorg AB']);
  });
});
