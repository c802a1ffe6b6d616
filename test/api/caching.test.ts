import { describe, expect, it } from 'vitest';
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

  it('allows browser extension origins, without credentials', async () => {
    for (const origin of [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'moz-extension://1234-abcd',
    ]) {
      const res = await app.request(UNITS, { headers: { Origin: origin } });
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    }
  });

  it('answers a CORS preflight from an extension', async () => {
    const res = await app.request(UNITS, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'If-None-Match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('If-None-Match');
  });

  it('does not allow an arbitrary web origin, but allows configured ones', async () => {
    const denied = await app.request(UNITS, { headers: { Origin: 'https://evil.example' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const configured = testApp(db, { CORS_ORIGINS: ['https://www.norrkoping.se'] });
    const allowed = await configured.request(UNITS, { headers: { Origin: 'https://www.norrkoping.se' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.norrkoping.se');
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
});
