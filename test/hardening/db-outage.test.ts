import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app';
import { TODAY, testConfig } from '../api/helpers';
import { preparedDatabaseUrl } from './prepared-db';
import { connectionRefused, switchableDb } from './switchable-db';
import { tally } from './tally';

const url = await preparedDatabaseUrl();

const LIST = '/v1/kommuner/0581/units?service=hemtjanst';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function expect503(response: Response) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('unavailable');
  expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|CLIENT_CLOSED|select|\/tmp\//i);
}

describe('while the database is unreachable', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('answers JSON 503 with Retry-After, then recovers by itself when a libSQL server is back', async () => {
    const outage = switchableDb(url);
    const app = createApp({
      db: outage.db,
      today: () => TODAY,
      config: testConfig({ RATE_LIMIT_PER_MINUTE: 0 }),
    });
    expect((await app.request(LIST)).status).toBe(200);

    outage.fail(connectionRefused);
    for (const path of ['/v1/kommuner/0380', '/v1/units/u_x/history', '/demo/norrkoping/hemtjanst']) {
      await expect503(await app.request(path));
      tally('faults', 'server unreachable: request', '503 + Retry-After');
    }
    const match = await app.request('/v1/match', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ huvudman: '0581', names: ['Alfa'] }),
    });
    await expect503(match);
    // While down, answers come without waiting for the database.
    const started = performance.now();
    await expect503(await app.request('/v1/kommuner'));
    expect(performance.now() - started).toBeLessThan(50);
    expect((await app.request('/health')).status).toBe(200);

    outage.heal();
    await sleep(1100); // one probe per second
    expect((await app.request(LIST)).status).toBe(200);
    tally('faults', 'server unreachable, then back', 'recovered without restart');
    outage.dispose();
  });

  it('answers 503 when the client is closed under it, and recovers when a new client is in place', async () => {
    const outage = switchableDb(url);
    const app = createApp({
      db: outage.db,
      today: () => TODAY,
      config: testConfig({ RATE_LIMIT_PER_MINUTE: 0 }),
    });
    expect((await app.request('/v1/kommuner/0581')).status).toBe(200);
    outage.close();
    await expect503(await app.request('/v1/kommuner/0380'));
    await expect503(await app.request('/v1/kommuner/0380'));
    tally('faults', 'client closed (CLIENT_CLOSED)', '503 + Retry-After');
    outage.reopen();
    await sleep(1100);
    expect((await app.request('/v1/kommuner/0380')).status).toBe(200);
    tally('faults', 'client replaced after close', 'recovered without restart');
    outage.dispose();
  });
});

describe('while another writer holds the lock', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('answers that one request 503 and does not take the API down', async () => {
    const busy = switchableDb(url);
    const app = createApp({
      db: busy.db,
      today: () => TODAY,
      config: testConfig({ RATE_LIMIT_PER_MINUTE: 0 }),
    });
    busy.fail(() => Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }));
    await expect503(await app.request('/v1/kommuner/0581'));
    busy.heal();
    expect((await app.request('/v1/kommuner/0380')).status).toBe(200);
    tally('faults', 'database locked by another writer', '503 for that request, next one served');
    busy.dispose();
  });
});
