import { describe, expect, it } from 'vitest';
import { KoladaRequestError, KoladaUnavailableError } from '../../api/kolada';
import { offlineKolada } from '../fixtures/kolada/offline-kolada';

const OU_URL = 'https://api.kolada.se/v3/ou?municipality=0581&per_page=5000';
const PAGE_2 = 'https://api.kolada.se/v3/ou?municipality=0581&page=2&per_page=5';

/** Virtual time between the starts of two recorded requests. */
const gap = (fake: { requests: { at: number }[] }, i: number) =>
  fake.requests[i + 1]!.at - fake.requests[i]!.at;

describe('retries', () => {
  it('waits as long as Retry-After (seconds) says after a 429, then succeeds', async () => {
    const { client, fake } = offlineKolada();
    fake.queue(OU_URL, { status: 429, headers: { 'Retry-After': '3' } });

    expect(await client.ous('0581')).toHaveLength(15);
    expect(fake.urls().slice(0, 2)).toEqual([OU_URL, OU_URL]);
    expect(gap(fake, 0)).toBe(3000);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const { client, fake, clock } = offlineKolada();
    const in7s = new Date(clock.now() + 7000).toUTCString();
    fake.queue(PAGE_2, { status: 429, headers: { 'Retry-After': in7s } });

    expect(await client.ous('0581')).toHaveLength(15);
    expect(fake.urls()).toEqual([OU_URL, PAGE_2, PAGE_2, expect.stringContaining('page=3')]);
    expect(fake.requests[2]!.at).toBeGreaterThanOrEqual(Date.parse(in7s));
  });

  it('gives up at once when Retry-After asks for longer than it will wait', async () => {
    const { client, fake } = offlineKolada({ maxRetryAfterMs: 60_000 });
    fake.queue(OU_URL, { status: 429, headers: { 'Retry-After': '3600' } });

    await expect(client.ous('0581')).rejects.toThrow(/vänta 3600 s efter 1 försök/);
    expect(fake.requests).toHaveLength(1);
  });

  it('backs off exponentially after 5xx answers, then succeeds', async () => {
    const { client, fake, clock } = offlineKolada({ retryBaseMs: 1000 });
    fake.queue(OU_URL, { status: 503 }, { status: 502 }, { status: 500 });

    expect(await client.ous('0581')).toHaveLength(15);
    expect(fake.requests.filter((r) => r.url === OU_URL)).toHaveLength(4);
    // random() is 0.5 in tests: 3/4 of each ceiling (1 s, 2 s, 4 s).
    expect(clock.sleeps.filter((ms) => ms >= 500)).toEqual([750, 1500, 3000]);
  });

  it('retries a network error', async () => {
    const { client, fake } = offlineKolada();
    fake.queue(OU_URL, { networkError: 'ECONNRESET' });
    expect(await client.ous('0581')).toHaveLength(15);
    expect(fake.requests.filter((r) => r.url === OU_URL)).toHaveLength(2);
  });

  it('retries a request that times out, then succeeds', async () => {
    const { client, fake } = offlineKolada({ timeoutMs: 10 });
    fake.queue(OU_URL, { hang: true });
    expect(await client.ous('0581')).toHaveLength(15);
    expect(fake.requests.filter((r) => r.url === OU_URL)).toHaveLength(2);
  });

  it('throws KoladaUnavailableError naming URL, reason and attempts when every try times out', async () => {
    const { client, fake } = offlineKolada({ timeoutMs: 5, maxRetries: 4 });
    fake.route(OU_URL, { hang: true });

    const error = await client.ous('0581').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoladaUnavailableError);
    expect((error as KoladaUnavailableError).message).toBe(
      `Kolada svarar inte: inget svar inom 5 ms efter 5 försök (${OU_URL})`,
    );
    expect(error).toMatchObject({ url: OU_URL, attempts: 5 });
    expect(fake.requests).toHaveLength(5);
  });

  it('says which status kept coming back when 5xx never stops', async () => {
    const { client, fake } = offlineKolada({ maxRetries: 2 });
    fake.route(PAGE_2, { status: 503 });
    await expect(client.ous('0581')).rejects.toThrow(
      new KoladaUnavailableError(PAGE_2, 3, 'HTTP 503').message,
    );
  });

  it('does not retry a 4xx other than 429', async () => {
    const { client, fake } = offlineKolada();
    fake.route(OU_URL, { status: 400, body: { detail: 'bad municipality' } });
    const error = await client.ous('0581').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoladaRequestError);
    expect((error as Error).message).toContain('HTTP 400');
    expect((error as Error).message).toContain(OU_URL);
    expect(fake.requests).toHaveLength(1);
  });

  it('stops at once, without retrying, when the caller aborts', async () => {
    const controller = new AbortController();
    const { client, fake } = offlineKolada({ signal: controller.signal, timeoutMs: 60_000 });
    fake.route(OU_URL, { hang: true });
    const pending = client.ous('0581');
    setTimeout(() => controller.abort(new Error('synken avbröts')), 5);
    await expect(pending).rejects.toThrow('synken avbröts');
    expect(fake.requests).toHaveLength(1);
  });

  it('reports each attempt, with the reason for a retry', async () => {
    const events: { attempt: number; retryReason?: string }[] = [];
    const { client, fake } = offlineKolada({
      onRequest: ({ attempt, retryReason }) => events.push({ attempt, retryReason }),
    });
    fake.queue(OU_URL, { status: 503 });
    await client.ous('0581');
    expect(events.slice(0, 2)).toEqual([
      { attempt: 1, retryReason: undefined },
      { attempt: 2, retryReason: 'HTTP 503' },
    ]);
  });
});
