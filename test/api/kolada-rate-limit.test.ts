import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../api/polite-http/rate-limiter';
import { createFakeClock } from '../fixtures/kolada/fake-clock';
import { offlineKolada } from '../fixtures/kolada/offline-kolada';

describe('rate limiter', () => {
  it('spaces starts 1/rps apart on the virtual clock, without waiting when time has passed anyway', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 5, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await limiter.acquire();
      starts.push(clock.elapsed());
    }
    clock.advance(1000);
    await limiter.acquire();
    starts.push(clock.elapsed());
    expect(starts).toEqual([0, 200, 400, 600, 1600]);
  });

  it('queues concurrent callers instead of letting them start together', async () => {
    const clock = createFakeClock();
    const waits: number[] = [];
    const limiter = createRateLimiter({
      requestsPerSecond: 2,
      now: clock.now,
      sleep: async (ms) => void waits.push(ms),
    });
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(waits).toEqual([500, 1000]);
  });

  it('refuses a rate that is not positive', () => {
    const clock = createFakeClock();
    expect(() => createRateLimiter({ requestsPerSecond: 0, now: clock.now, sleep: clock.sleep })).toThrow(
      RangeError,
    );
  });
});

describe('client politeness', () => {
  it.each([5, 2])('N requests at %i/s take at least (N-1)/rps seconds of virtual time', async (rps) => {
    const { client, fake, clock } = offlineKolada({ requestsPerSecond: rps, fixtures: false });
    fake.fallback(() => ({ body: { values: [], next_url: null } }));
    const ous = Array.from({ length: 26 * 10 }, (_, i) => `V21E0581${String(i).padStart(5, '0')}`);

    await client.ouData({ kpis: ['U21468'], ous });

    const n = fake.requests.length;
    expect(n).toBe(11);
    const gaps = fake.requests.slice(1).map((r, i) => r.at - fake.requests[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1000 / rps - 1e-6);
    expect(clock.elapsed()).toBeGreaterThanOrEqual(((n - 1) / rps) * 1000 - 1e-6);
    // Polite, not idle: no more waiting than the spacing needs.
    expect(clock.elapsed()).toBeLessThanOrEqual(((n - 1) / rps) * 1000 + 1e-6);
  });

  it('counts retries as requests too', async () => {
    const { client, fake } = offlineKolada({ requestsPerSecond: 5, retryBaseMs: 1 });
    const url = 'https://api.kolada.se/v3/ou?municipality=0581';
    fake.queue(url, { status: 503 }, { status: 503 });
    await client.ous('0581');
    const gaps = fake.requests.slice(1).map((r, i) => r.at - fake.requests[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(200);
  });
});
