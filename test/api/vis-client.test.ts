import { describe, expect, it } from 'vitest';
import { createVisClient, VisRequestError, VisResponseError } from '../../api/vis';
import { createFakeClock } from '../fixtures/kolada/fake-clock';
import { createFakeVis, offlineVisOptions, visFixture } from '../fixtures/vis/fake-vis';

const A1 = '5e1f0000-0000-4000-8000-00000000a001';
const B1 = '5e1f0000-0000-4000-8000-00000000b001';

function offline(overrides: Parameters<typeof createVisClient>[0] = {}, units: 'hsa' | 'vis-ids' = 'hsa') {
  const clock = createFakeClock();
  const fake = createFakeVis({ now: clock.now, units });
  const client = createVisClient({ ...offlineVisOptions(fake, clock), ...overrides });
  return { client, fake, clock };
}

describe('the Vården i siffror client', () => {
  it('lists the information sources, with the empty x-bvo-ticket header, JSON and who we are', async () => {
    const { client, fake } = offline();
    const sources = await client.informationSources();
    expect(sources.map((s) => s.name)).toEqual([
      'Väntetider i vården',
      'Nationell Patientenkät',
      'Psykiatrin i siffror',
    ]);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/informationsource' });
    expect(fake.requests[0]?.headers).toMatchObject({ 'x-bvo-ticket': '', accept: 'application/json' });
    expect(fake.requests[0]?.headers['user-agent']).toMatch(/^Utforarkollen\//);
  });

  it('asks for measure metadata with a bare JSON array of ids, in chunks', async () => {
    const { client, fake } = offline({ maxIdsPerRequest: 2 });
    const ids = (visFixture('informationsource').body as { measureIds: string[] }[]).flatMap(
      (s) => s.measureIds,
    );
    const measures = await client.measures(ids);
    expect(measures.map((m) => m.measureId)).toEqual(ids);
    expect(fake.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/api/measures/measures', ids.slice(0, 2)],
      ['POST', '/api/measures/measures', ids.slice(2, 4)],
    ]);
    expect(fake.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('asks for measurements with the mandatory periodType and dates, every measure × unit chunk, merged', async () => {
    const { client, fake } = offline({ maxIdsPerRequest: 2 });
    const series = await client.measurements({
      measureIds: [A1, B1],
      units: ['SE', '05', 'SE2321000040-SYNT0001'],
      periodType: 'Year',
      dateFrom: '2024-01-01',
      dateTo: '2025-12-31',
    });
    expect(fake.requests.map((r) => r.body)).toEqual([
      {
        measureIds: [A1, B1],
        units: ['SE', '05'],
        periodType: 'Year',
        dateFrom: '2024-01-01',
        dateTo: '2025-12-31',
      },
      {
        measureIds: [A1, B1],
        units: ['SE2321000040-SYNT0001'],
        periodType: 'Year',
        dateFrom: '2024-01-01',
        dateTo: '2025-12-31',
      },
    ]);
    expect(series.map((s) => `${s.organizationId}/${s.measureId.slice(-4)}`)).toEqual([
      'SE/a001',
      '05/a001',
      'SE/b001',
      '05/b001',
      'SE2321000040-SYNT0001/a001',
      'SE2321000040-SYNT0001/b001',
    ]);
    expect(series[0]?.measurements[0]).toEqual({
      value: 80.4,
      numerator: 562840,
      denominator: 700050,
      confidenceInterval: { low: 80.3, high: 80.5 },
      period: { start: '2024-01-01T00:00:00', end: '2024-12-31T00:00:00' },
      periodType: 'Year',
      type: 'Utfall',
    });
  });

  it('sends nothing for an empty list', async () => {
    const { client, fake } = offline();
    expect(await client.measures([])).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it('rejects an answer not in the documented shape, or not JSON, naming the request', async () => {
    const { client, fake } = offline();
    fake.queue('/api/informationsource', { body: { sources: [] } }, { text: '<html>Underhåll</html>' });
    await expect(client.informationSources()).rejects.toThrow(
      /^Oväntat svar från Vården i siffror \(GET \/api\/informationsource\): \(svaret\): /,
    );
    await expect(client.informationSources()).rejects.toThrow(VisResponseError);
    await expect(client.informationSources()).resolves.toHaveLength(3);
  });

  it('names the measurement field that changed', async () => {
    const { client, fake } = offline();
    fake.queue('/api/measurements/measurementswithmetadata', {
      body: [
        {
          organizationId: '05',
          measureId: A1,
          measurements: [{ value: '84,1', period: { start: '2025-01-01', end: '2025-12-31' } }],
        },
      ],
    });
    await expect(
      client.measurements({
        measureIds: [A1],
        units: ['05'],
        periodType: 'Year',
        dateFrom: '2025-01-01',
        dateTo: '2025-12-31',
      }),
    ).rejects.toThrow(/0\.measurements\.0\.value: /);
  });

  it('does not retry a refused request (4xx), and says so with the status', async () => {
    const { client, fake } = offline();
    fake.queue('/api/informationsource', { status: 403, text: 'Forbidden' });
    await expect(client.informationSources()).rejects.toThrow(VisRequestError);
    expect(fake.requests).toHaveLength(1);
  });

  it('runs the configured unit search with the text URL-encoded', async () => {
    const { client, fake } = offline();
    const answer = await client.searchUnits('Vårdcentralen Norr');
    expect(fake.requests[0]?.path).toBe('/api/organizations?query=V%C3%A5rdcentralen%20Norr');
    expect(answer).toEqual(visFixture('unit-search').body);
    const other = offline({ unitSearch: { method: 'POST', path: '/api/units/search?x={query}' } });
    await expect(other.client.searchUnits('a')).rejects.toThrow(/HTTP 404/);
    expect(other.fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/units/search?x=a',
      body: { query: 'a' },
    });
  });
});
