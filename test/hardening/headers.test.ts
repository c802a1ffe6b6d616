import { describe, expect, it } from 'vitest';
import { createTestDb, testApp } from '../api/helpers';

const API_CSP = "default-src 'none'";

describe('security headers on every response', async () => {
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 0 });

  const cases: [string, RequestInit?][] = [
    ['/health'],
    ['/v1/kommuner'],
    ['/v1/kommuner/0581/units.csv?service=hemtjanst'],
    ['/v1/kommuner/9999'],
    ['/openapi.json'],
    ['/nowhere'],
    ['/v1/match', { method: 'POST', body: '{', headers: { 'Content-Type': 'application/json' } }],
  ];

  it.each(cases)('%s: nosniff, no framing, no referrer, and a CSP that loads nothing', async (path, init) => {
    const res = await app.request(path, init);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('Strict-Transport-Security')).toMatch(/max-age=\d+/);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain(API_CSP);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('also on a 429', async () => {
    const limited = testApp(db, { RATE_LIMIT_PER_MINUTE: 1 });
    await limited.request('/v1/kommuner');
    const res = await limited.request('/v1/kommuner');
    expect(res.status).toBe(429);
    expect(res.headers.get('Content-Security-Policy')).toContain(API_CSP);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it.each(['/docs', '/demo/', '/demo/norrkoping/hemtjanst'])(
    '%s: a page policy that allows its inline <style> and no script at all',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
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
