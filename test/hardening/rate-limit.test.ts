import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { rateLimit } from '../../api/http/rate-limit';
import { createTestDb, testApp } from '../api/helpers';

/** app.request's third argument is the Node adapter's env: the socket the request came in on. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('rate limit on /v1', async () => {
  const db = await createTestDb({ demo: true });

  it('answers 429 with Retry-After once an address has used its share, per address', async () => {
    const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 5 });
    const statuses = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await app.request('/v1/kommuner', {}, from('10.0.0.1'))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await app.request('/v1/indicators', {}, from('10.0.0.1'));
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await app.request('/v1/kommuner', {}, from('10.0.0.2'))).status).toBe(200);
    // Outside /v1 (health checks, docs) is not limited.
    expect((await app.request('/health', {}, from('10.0.0.1'))).status).toBe(200);
  });

  it('does not count 304 revalidations, which cost almost nothing', async () => {
    const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 3 });
    const first = await app.request('/v1/kommuner/0581', {}, from('10.0.1.1'));
    const etag = first.headers.get('ETag')!;
    for (let i = 0; i < 20; i++) {
      const res = await app.request(
        '/v1/kommuner/0581',
        { headers: { 'If-None-Match': etag } },
        from('10.0.1.1'),
      );
      expect(res.status).toBe(304);
    }
    expect((await app.request('/v1/kommuner', {}, from('10.0.1.1'))).status).toBe(200);
  });

  it('is off with 0 (for benchmarks)', async () => {
    const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 0 });
    for (let i = 0; i < 50; i++)
      expect((await app.request('/v1/sources', {}, from('10.0.2.1'))).status).toBe(200);
  });

  it('keeps the stricter feedback limit inside the general one', async () => {
    const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 100, FEEDBACK_PER_MINUTE: 2 });
    const send = () =>
      app.request(
        '/v1/feedback',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            huvudman: '0581',
            service: 'hemtjanst',
            pageHost: 'www.norrkoping.se',
            listingText: 'Alfa',
            kind: 'missing',
          }),
        },
        from('10.0.3.1'),
      );
    expect([(await send()).status, (await send()).status, (await send()).status]).toEqual([201, 201, 429]);
    expect((await app.request('/v1/kommuner', {}, from('10.0.3.1'))).status).toBe(200);
  });

  it('starts a fresh window when the old one is over, and uses X-Forwarded-For only when told to', async () => {
    let time = 0;
    const app = new Hono();
    app.use(rateLimit({ limit: 1, windowMs: 1000, trustProxy: true, now: () => time }));
    app.get('/', (c) => c.text('ok'));
    const viaProxy = (client: string) => ({ headers: { 'X-Forwarded-For': `${client}, 10.9.9.9` } });
    expect((await app.request('/', viaProxy('192.0.2.1'))).status).toBe(200);
    expect((await app.request('/', viaProxy('192.0.2.1'))).status).toBe(429);
    expect((await app.request('/', viaProxy('192.0.2.2'))).status).toBe(200);
    time = 1000;
    expect((await app.request('/', viaProxy('192.0.2.1'))).status).toBe(200);
  });
});
