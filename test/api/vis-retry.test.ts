import { describe, expect, it, vi } from 'vitest';
import { createVisClient, VisUnavailableError } from '../../api/vis';
import { createFakeClock } from '../fixtures/kolada/fake-clock';
import { createFakeVis, offlineVisOptions } from '../fixtures/vis/fake-vis';

function offline(overrides: Parameters<typeof createVisClient>[0] = {}) {
  const clock = createFakeClock();
  const fake = createFakeVis({ now: clock.now });
  const client = createVisClient({ ...offlineVisOptions(fake, clock), ...overrides });
  return { client, fake, clock };
}

const PATH = '/api/informationsource';

describe('retries and politeness', () => {
  it('waits what Retry-After asks on 429, then succeeds', async () => {
    const { client, fake, clock } = offline();
    fake.queue(PATH, { status: 429, headers: { 'retry-after': '7' } });
    expect(await client.informationSources()).toHaveLength(3);
    expect(fake.requests).toHaveLength(2);
    expect(clock.sleeps).toContain(7000);
  });

  it('backs off exponentially on 5xx and network errors, and gives up after maxRetries', async () => {
    const { client, fake, clock } = offline({ maxRetries: 3, retryBaseMs: 1000, requestsPerSecond: 1000 });
    fake.queue(PATH, { status: 502 }, { networkError: 'ECONNRESET' }, { status: 503 }, { status: 500 });
    const failure = await client.informationSources().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(VisUnavailableError);
    expect((failure as VisUnavailableError).message).toBe(
      `Vården i siffror svarar inte: HTTP 500 efter 4 försök (GET https://vis.fake/webapi${PATH})`,
    );
    // random() = 0.5: three quarters of each ceiling (1 s, 2 s, 4 s).
    expect(clock.sleeps.filter((ms) => ms >= 100)).toEqual([750, 1500, 3000]);
  });

  it('gives up at once when Retry-After is longer than it will wait', async () => {
    const { client, fake } = offline({ maxRetryAfterMs: 60_000 });
    fake.queue(PATH, { status: 429, headers: { 'retry-after': '3600' } });
    await expect(client.informationSources()).rejects.toThrow(/ber oss vänta 3600 s/);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out an attempt that hangs and retries it', async () => {
    const { client, fake } = offline({ timeoutMs: 20, maxRetries: 1 });
    fake.queue(PATH, { hang: true });
    expect(await client.informationSources()).toHaveLength(3);
    expect(fake.requests).toHaveLength(2);
  });

  it('spaces request starts by the rate limit (2 per second by default), on the virtual clock', async () => {
    const { client, fake } = offline();
    await client.informationSources();
    await client.informationSources();
    await client.informationSources();
    const starts = fake.requests.map((r) => r.at - fake.requests[0]!.at);
    expect(starts).toEqual([0, 500, 1000]);
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    const { client, fake } = offline({ signal: controller.signal });
    fake.queue(PATH, { hang: true });
    const pending = client.informationSources();
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    controller.abort(new Error('avbrutet'));
    await expect(pending).rejects.toThrow('avbrutet');
    expect(fake.requests).toHaveLength(1);
    await expect(client.informationSources()).rejects.toThrow('avbrutet');
    expect(fake.requests).toHaveLength(1);
  });
});
