import { describe, expect, it, vi } from 'vitest';
import { createToken } from '../../api/editors/tokens';
import { createTestDb, json, testApp } from './helpers';

const report = (overrides: Record<string, unknown> = {}) => ({
  huvudman: '0581',
  service: 'hemtjanst',
  pageHost: 'www.norrkoping.se',
  listingText: 'Exempelomsorg',
  kind: 'wrong_match',
  ...overrides,
});

describe('POST /v1/feedback', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { FEEDBACK_PER_MINUTE: 1000 });
  const post = (body: unknown, target = app) =>
    target.request('/v1/feedback', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    });

  it("stores a report for the huvudman's editors", async () => {
    const res = await post(report());
    expect(res.status).toBe(201);
    const token = await createToken(db, '0581', 'Norrköping');
    const { items } = await json<{ items: Record<string, unknown>[] }>(
      app.request('/v1/admin/feedback?huvudman=0581', {
        headers: { Authorization: `Bearer ${token.token}` },
      }),
    );
    expect(items[0]).toMatchObject({
      pageHost: 'www.norrkoping.se',
      listingText: 'Exempelomsorg',
      kind: 'wrong_match',
    });
  });

  it.each([
    ['a URL instead of a host', { pageHost: 'https://www.norrkoping.se/omsorg/hemtjanst?x=1' }, 'pageHost'],
    ['a path in the host', { pageHost: 'www.norrkoping.se/hemtjanst' }, 'pageHost'],
    ['an over-long listing text', { listingText: 'x'.repeat(301) }, 'listingText'],
    ['an unknown kind', { kind: 'complaint' }, 'kind'],
    ['an unknown service', { service: 'skola' }, 'service'],
    ['a malformed huvudman', { huvudman: '581' }, 'huvudman'],
  ])('rejects %s with 400', async (_, overrides, field) => {
    const res = await post(report(overrides));
    expect(res.status).toBe(400);
    expect((await json<{ error: { message: string } }>(res)).error.message).toContain(field);
  });

  it('rejects a body that is not JSON with a clear 400', async () => {
    const res = await app.request('/v1/feedback', {
      method: 'POST',
      body: '{not json',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe('bad_request');
  });

  it("answers 404 for a unit that is not the huvudman's", async () => {
    expect((await post(report({ unitId: 'u_0000000000000000' }))).status).toBe(404);
  });

  it('limits reports per client, with Retry-After', async () => {
    const limited = testApp(db, { FEEDBACK_PER_MINUTE: 2 });
    expect((await post(report(), limited)).status).toBe(201);
    expect((await post(report(), limited)).status).toBe(201);
    const third = await post(report(), limited);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
