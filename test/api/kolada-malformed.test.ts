import { describe, expect, it } from 'vitest';
import { KoladaResponseError } from '../../api/kolada';
import { fixture } from '../fixtures/kolada/fake-kolada';
import { offlineKolada } from '../fixtures/kolada/offline-kolada';

const BASE = 'https://api.kolada.se/v3';
const OU_URL = `${BASE}/ou?municipality=0581&per_page=5000`;
const PAGE_2 = `${BASE}/ou?municipality=0581&page=2&per_page=5`;
const PAGE_3 = `${BASE}/ou?municipality=0581&page=3&per_page=5`;
const HEMTJANST_KPIS = ['U21468', 'U21466', 'U21467', 'N21608'];
const HEMTJANST_OUS = ['101', '102', '103', '104', '105', '106'].map((n) => `V21E058100${n}`);
const HEMTJANST_PATH = `${BASE}/oudata/kpi/${HEMTJANST_KPIS.join(',')}/ou/${HEMTJANST_OUS.join(',')}/year/2025,2026`;
const HEMTJANST_PAGE_2 = `${HEMTJANST_PATH}?page=2&per_page=30`;

async function failure(promise: Promise<unknown>): Promise<KoladaResponseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KoladaResponseError);
  return error as KoladaResponseError;
}

describe('malformed answers', () => {
  it('a bad row on the last page fails the whole call, naming the URL and what was wrong', async () => {
    const { client, fake } = offlineKolada();
    const page = structuredClone(fixture(HEMTJANST_PAGE_2).body) as {
      values: { period: unknown }[];
    };
    page.values[3]!.period = 'förra året';
    fake.route(HEMTJANST_PAGE_2, { body: page });

    const error = await failure(
      client.ouData({ kpis: HEMTJANST_KPIS, ous: HEMTJANST_OUS, years: [2025, 2026] }),
    );
    expect(error.url).toBe(HEMTJANST_PAGE_2);
    expect(error.message).toContain(HEMTJANST_PAGE_2);
    expect(error.problems[0]).toMatch(/^values\[3\]\.period: /);
  });

  it('a body without values fails rather than returning an empty list', async () => {
    const { client, fake } = offlineKolada();
    fake.route(PAGE_3, { body: { items: [], next_url: null } });
    const error = await failure(client.ous('0581'));
    expect(error.url).toBe(PAGE_3);
    expect(error.problems.join()).toMatch(/^values: /);
  });

  it('a body that is not JSON fails with the URL and the start of what came back', async () => {
    const { client, fake } = offlineKolada();
    fake.route(OU_URL, { text: '<html><body>Underhåll pågår</body></html>' });
    const error = await failure(client.ous('0581'));
    expect(error.message).toContain(OU_URL);
    expect(error.message).toContain('inte JSON');
    expect(error.message).toContain('Underhåll pågår');
  });

  it('an OU without a title is refused', async () => {
    const { client, fake } = offlineKolada();
    fake.route(PAGE_2, { body: { values: [{ id: 'V21E058100199', municipality: '0581' }], next_url: null } });
    const error = await failure(client.ous('0581'));
    expect(error.problems).toEqual([expect.stringMatching(/^values\[0\]\.title: /)]);
  });
});

describe('broken pagination', () => {
  it('a next_url that points back to a page already fetched stops the call', async () => {
    const { client, fake } = offlineKolada();
    fake.route(PAGE_3, { body: { values: [], next_url: OU_URL } });
    const error = await failure(client.ous('0581'));
    expect(error.message).toMatch(/redan hämtats/);
    expect(fake.requests).toHaveLength(3);
  });

  it('a next_url to another host is not followed', async () => {
    const { client, fake } = offlineKolada();
    fake.route(OU_URL, { body: { values: [], next_url: 'https://evil.example/v3/ou?page=2' } });
    const error = await failure(client.ous('0581'));
    expect(error.message).toMatch(/annan värd/);
    expect(fake.requests).toHaveLength(1);
  });

  it('an http:// next_url on Kolada’s host is followed over https', async () => {
    const { client, fake } = offlineKolada();
    fake.route(OU_URL, {
      body: { values: [], next_url: PAGE_2.replace('https:', 'http:') },
    });
    await client.ous('0581');
    expect(fake.urls()[1]).toBe(PAGE_2);
  });

  it('a relative next_url is resolved against the page it came from', async () => {
    const { client, fake } = offlineKolada();
    fake.route(OU_URL, { body: { values: [], next_url: '/v3/ou?municipality=0581&page=2&per_page=5' } });
    await client.ous('0581');
    expect(fake.urls()[1]).toBe(PAGE_2);
  });

  it('a list that never ends is cut off at maxPages', async () => {
    const { client, fake } = offlineKolada({ maxPages: 3, fixtures: false });
    fake.fallback((request) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
      return { body: { values: [], next_url: `${OU_URL}&page=${page + 1}` } };
    });
    const error = await failure(client.ous('0581'));
    expect(error.message).toMatch(/fler än 3 sidor/);
    expect(fake.requests).toHaveLength(3);
  });
});
