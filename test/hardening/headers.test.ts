import { describe, expect, it } from 'vitest';
import { createTestDb, testApp } from '../api/helpers';

const API_CSP = "default-src 'none'";

/** Every header hono/secure-headers gave each response before the chain was rewritten, exactly. */
const SECURITY = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'cross-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

// DATA_POLL_MS 0: every request checks the data version and is routed. 60 000: a repeated GET is
// answered by the cache's fast path, before routing; it must carry exactly the same headers.
describe.each([0, 60_000])('security headers on every response (DATA_POLL_MS=%i)', async (pollMs) => {
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 0, DATA_POLL_MS: pollMs });

  const cases: [string, RequestInit?][] = [
    ['/health'],
    ['/v1/kommuner'],
    ['/v1/kommuner/0581/units?service=hemtjanst'],
    ['/v1/kommuner/0581/units?service=hemtjanst', { headers: { 'Accept-Encoding': 'gzip' } }],
    ['/v1/kommuner/0581/units.csv?service=hemtjanst'],
    ['/v1/kommuner/9999'],
    ['/openapi.json'],
    ['/nowhere'],
    ['/v1/match', { method: 'POST', body: '{', headers: { 'Content-Type': 'application/json' } }],
    ['/v1/admin/changes?huvudman=0581'],
  ];

  it.each(cases)('%s: nosniff, no framing, no referrer, and a CSP that loads nothing', async (path, init) => {
    for (let round = 0; round < 2; round++) {
      const res = await app.request(path, init);
      for (const [name, value] of Object.entries(SECURITY))
        expect(res.headers.get(name), `${path}: ${name}`).toBe(value);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toContain(API_CSP);
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('also on a 304 and a 429', async () => {
    const list = '/v1/kommuner/0581/units?service=hemtjanst';
    const etag = (await app.request(list)).headers.get('ETag')!;
    for (let round = 0; round < 2; round++) {
      const res = await app.request(list, { headers: { 'If-None-Match': etag } });
      expect(res.status).toBe(304);
      for (const [name, value] of Object.entries(SECURITY)) expect(res.headers.get(name), name).toBe(value);
      expect(res.headers.get('Content-Security-Policy')).toContain(API_CSP);
    }
    const limited = testApp(db, { RATE_LIMIT_PER_MINUTE: 1, DATA_POLL_MS: pollMs });
    await limited.request(list);
    const res = await limited.request(list);
    expect(res.status).toBe(429);
    expect(res.headers.get('Content-Security-Policy')).toContain(API_CSP);
    for (const [name, value] of Object.entries(SECURITY)) expect(res.headers.get(name), name).toBe(value);
  });

  it.each(['/', '/docs', '/docs/', '/demo/', '/demo/norrkoping/hemtjanst'])(
    '%s: a page policy that allows its inline <style> and no script at all',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      for (const [name, value] of Object.entries(SECURITY)) expect(res.headers.get(name), name).toBe(value);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("style-src 'unsafe-inline'");
      expect(csp).toContain("script-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'none'");
      const html = await res.text();
      expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    },
  );
});
