import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app';
import { requestTimeout } from '../../api/http/timeout';
import { TODAY, testConfig } from '../api/helpers';
import { preparedDatabaseUrl } from './prepared-db';
import { switchableDb } from './switchable-db';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const url = await preparedDatabaseUrl();

describe('request timeout', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('answers 503 JSON with Retry-After when a handler takes longer than the limit', async () => {
    const app = new Hono();
    app.use(requestTimeout({ ms: 50, exceptPaths: ['/import'] }));
    app.get('/slow', async (c) => {
      await sleep(3000);
      return c.json({ late: true });
    });
    app.get('/fast', (c) => c.json({ ok: true }));
    app.get('/import', async (c) => {
      await sleep(100);
      return c.json({ imported: true });
    });
    const started = performance.now();
    const slow = await app.request('/slow');
    // Answered long before the handler would finish (generous margin: the machine is shared).
    expect(performance.now() - started).toBeLessThan(2000);
    expect(slow.status).toBe(503);
    expect(slow.headers.get('Retry-After')).toBe('5');
    expect(await slow.json()).toMatchObject({ error: { code: 'timeout' } });
    expect((await app.request('/fast')).status).toBe(200);
    expect((await app.request('/import')).status).toBe(200);
  });

  it('is wired into the app: a slow database answers 503, not a hung request', async () => {
    const slowDb = switchableDb(url);
    slowDb.slow(300);
    const app = createApp({
      db: slowDb.db,
      today: () => TODAY,
      config: testConfig({ REQUEST_TIMEOUT_MS: 100, RATE_LIMIT_PER_MINUTE: 0 }),
    });
    const res = await app.request('/v1/sources');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'timeout' } });
    expect((await app.request('/health')).status).toBe(200);
    await sleep(400);
    slowDb.dispose();
  });
});
