import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Unit, UnitList } from '../../shared/domain';
import { createTestDb, json, testApp } from './helpers';

describe('the comparable list of a choice system', async () => {
  const app = testApp(await createTestDb({ demo: true }));
  const hemtjanst = await json<UnitList>(app.request('/v1/kommuner/0581/units?service=hemtjanst'));

  it('says the demo dataset is demo', () => {
    expect(hemtjanst.dataset.kind).toBe('demo');
    expect(hemtjanst).toMatchObject({ huvudman: '0581', service: 'hemtjanst' });
  });

  it('lists every active unit, egen regi included', () => {
    expect(hemtjanst.items).toHaveLength(6);
    expect(hemtjanst.items.map((u) => u.regi)).toEqual(
      expect.arrayContaining(['egen_regi', 'privat', 'ideburen']),
    );
  });

  it('orders by Swedish collation by default: å, ä, ö after z', () => {
    const names = hemtjanst.items.map((u) => u.name);
    expect(names).toEqual([
      'Demohemtjänst Norr AB',
      'Exempelkommunens hemtjänst',
      'Exempelomsorg AB',
      'Åkerbo Påhittad Hemtjänst AB',
      'Ängsbacka Exempelkooperativ ek. för.',
      'Övningsomsorg & Service AB',
    ]);
  });

  it('gives every unit exactly the same keys and the same indicator ids in the same order', () => {
    const keySets = hemtjanst.items.map((u) => Object.keys(u).sort().join());
    expect(new Set(keySets).size).toBe(1);
    const indicatorIds = hemtjanst.items.map((u) => u.indicators.map((i) => i.id).join());
    expect(new Set(indicatorIds).size).toBe(1);
    expect(indicatorIds[0]).toBe(hemtjanst.indicators.map((d) => d.id).join());
    const indicatorKeySets = hemtjanst.items.flatMap((u) =>
      u.indicators.map((i) => Object.keys(i).sort().join()),
    );
    expect(new Set(indicatorKeySets).size).toBe(1);
  });

  it('makes every missing figure explicit: null with a reason, never left out', () => {
    const all = hemtjanst.items.flatMap((u) => u.indicators);
    const missing = all.filter((i) => i.value === null);
    expect(missing.length).toBeGreaterThan(0);
    for (const i of missing) expect(i.missingReason).toMatch(/^(no_data|too_few_respondents|not_linked)$/);
    for (const i of all.filter((x) => x.value !== null)) expect(i.missingReason).toBeNull();
  });

  it('never shows a figure that rests on fewer than 10 respondents', () => {
    for (const i of hemtjanst.items.flatMap((u) => u.indicators)) {
      if (i.respondents !== null && i.respondents < 10) {
        expect(i.value).toBeNull();
        expect(i.missingReason).toBe('too_few_respondents');
      }
    }
  });

  it('gives every figure its source, period and respondents, with kommun and national comparison', () => {
    const shown = hemtjanst.items.flatMap((u) => u.indicators).filter((i) => i.value !== null);
    expect(shown.length).toBeGreaterThan(10);
    for (const i of shown) {
      expect(i.period).toBe('2025');
      // The unit survey's KPIs (countNoun null) have no respondents; see test/api/demo.test.ts.
      const counted = hemtjanst.indicators.find((d) => d.id === i.id)!.countNoun !== null;
      if (counted) expect(i.respondents).toBeGreaterThanOrEqual(10);
      else expect(i.respondents).toBeNull();
      expect(i.source.attribution).toBeTruthy();
      expect(i.comparison.kommun).toEqual(expect.any(Number));
      expect(i.comparison.riket).toEqual(expect.any(Number));
    }
  });

  it('labels demo figures with the demo source, never as Kolada', () => {
    for (const i of hemtjanst.items.flatMap((u) => u.indicators).filter((x) => x.period !== null)) {
      expect(i.source.id).toBe('demo');
    }
  });

  it('marks records verified more than a year ago as stale', () => {
    const stale = hemtjanst.items.filter((u) => u.stale).map((u) => u.name);
    expect(stale).toEqual(['Övningsomsorg & Service AB']); // verified 2025-06-30
  });

  it('gives language names in Swedish', () => {
    const unit = hemtjanst.items.find((u) => u.name === 'Exempelkommunens hemtjänst')!;
    expect(unit.languages).toEqual([
      { code: 'fi', name: 'finska' },
      { code: 'ar', name: 'arabiska' },
    ]);
  });

  it('re-sorts on request, keeping units without a figure last', async () => {
    const list = await json<UnitList>(app.request('/v1/kommuner/0581/units?service=hemtjanst&sort=-name'));
    expect(list.items.map((u) => u.name)).toEqual(hemtjanst.items.map((u) => u.name).reverse());
    const byFigure = await json<UnitList>(
      app.request('/v1/kommuner/0581/units?service=hemtjanst&sort=-U21468'),
    );
    const values = byFigure.items.map((u) => u.indicators.find((i) => i.id === 'U21468')!.value);
    const shown = values.filter((v) => v !== null) as number[];
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(values.slice(shown.length).every((v) => v === null)).toBe(true);
  });

  it('serves särskilt boende and vårdcentraler the same way', async () => {
    const sabo = await json<UnitList>(app.request('/v1/kommuner/0581/units?service=sarskilt_boende'));
    expect(sabo.items.map((u) => u.service)).toEqual([
      'sarskilt_boende',
      'sarskilt_boende',
      'sarskilt_boende',
    ]);
    expect(sabo.indicators[0]!.id).toBe('U23471');
    const vc = await json<UnitList>(app.request('/v1/regioner/05/units?service=vardcentral'));
    expect(vc.items).toHaveLength(3);
    expect(vc.dataset.kind).toBe('demo');
  });

  it('answers an empty list, not an error, for a kommun without a register', async () => {
    const list = await json<UnitList>(app.request('/v1/kommuner/0114/units?service=hemtjanst'));
    expect(list.items).toEqual([]);
  });

  it.each([
    ['/v1/kommuner/0581/units', 'query.service'],
    ['/v1/kommuner/0581/units?service=hemtjänst', 'query.service'],
    ['/v1/kommuner/0581/units?service=vardcentral', 'query.service'],
    ['/v1/regioner/05/units?service=hemtjanst', 'query.service'],
    ['/v1/kommuner/0581/units?service=hemtjanst&sort=score', 'query.sort'],
    ['/v1/kommuner/0581/units?service=hemtjanst&includeEnded=yes', 'query.includeEnded'],
    ['/v1/kommuner/58/units?service=hemtjanst', 'param.code'],
  ])('rejects %s with 400 naming %s', async (path, field) => {
    const res = await app.request(path);
    expect(res.status).toBe(400);
    expect((await json<{ error: { message: string } }>(res)).error.message).toContain(field);
  });

  it('answers 404 for a kommun that does not exist', async () => {
    expect((await app.request('/v1/kommuner/9999/units?service=hemtjanst')).status).toBe(404);
  });

  describe('GET /v1/units/{id}', () => {
    it('returns one unit in the same shape as in its list', async () => {
      const first = hemtjanst.items[0]!;
      const unit = await json<Unit & { dataset: { kind: string } }>(app.request(`/v1/units/${first.id}`));
      const { dataset, ...rest } = unit;
      expect(rest).toEqual(first);
      expect(dataset.kind).toBe('demo');
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await app.request('/v1/units/u_0000000000000000')).status).toBe(404);
      expect((await app.request('/v1/units/%3Cscript%3E')).status).toBe(400);
    });
  });

  it('documents the shape in the OpenAPI document: origin, survey units and figures per survey unit', async () => {
    const doc = JSON.stringify(await json(app.request('/openapi.json')));
    for (const key of [
      '"origin"',
      '"originNote"',
      '"surveyUnits"',
      '"figures"',
      '"several_survey_units"',
      '"basis"',
    ]) {
      expect(doc).toContain(key);
    }
    expect(doc).toContain('Område 1, 61 svar');
  });

  describe('reference', () => {
    it('lists indicator definitions with Kolada id, title, our label, unit, direction and source', async () => {
      const { items } = await json<{ items: Record<string, unknown>[] }>(app.request('/v1/indicators'));
      expect(items.find((i) => i.id === 'U21468')).toMatchObject({
        service: 'hemtjanst',
        title: expect.stringContaining('helhetssyn'),
        label: 'Nöjd med hemtjänsten som helhet',
        unit: 'percent',
        favourable: 'high',
        isDefault: true,
        source: { id: 'kolada', attribution: 'Källa: Kolada' },
      });
    });

    it('lists sources with licences', async () => {
      const { items } = await json<{ items: { id: string; licence: string }[] }>(app.request('/v1/sources'));
      expect(items.map((s) => s.id)).toEqual(expect.arrayContaining(['kolada', 'register', 'demo']));
      expect(items.every((s) => s.licence.length > 0)).toBe(true);
    });
  });
});

// Reading 33,500 rows takes seconds on a loaded machine; the point is that it answers at all.
describe('a choice system with more units than SQLite binds variables', { timeout: 90_000 }, async () => {
  /** 33,500 units (ended ones kept forever count too): no query may bind one variable per unit. */
  const ACTIVE = 33_000;
  const ENDED = 500;
  const db = await createTestDb();
  const now = '2026-10-01T00:00:00.000Z';
  const rows = Array.from({ length: ACTIVE + ENDED }, (_, i) => [
    `u_bulk${String(i).padStart(11, '0')}`,
    `Vårdcentral nr ${i}`,
    i < ACTIVE ? 'aktiv' : 'avslutad',
  ]);
  for (let i = 0; i < rows.length; i += 5000) {
    await db.run(sql`
      INSERT INTO units (id, huvudman, service, origin, identity_key, name, regi, aliases, areas, scope, languages,
        extra_services, kolada_ou, verified_at, status, status_date, kind, created_at, updated_at)
      SELECT j.value->>0, '05', 'vardcentral', 'register', 'bulk/' || (j.value->>0), j.value->>1, 'privat', '[]', '[]',
        '[]', '[]', '[]', '[]', '2026-10-01', j.value->>2,
        CASE WHEN j.value->>2 = 'avslutad' THEN '2026-09-01' END, 'live', ${now}, ${now}
      FROM json_each(${JSON.stringify(rows.slice(i, i + 5000))}) j`);
  }
  // Over a libSQL server a list this size takes longer than the request timeout; that is not the point here.
  const app = testApp(db, { REQUEST_TIMEOUT_MS: 0 });

  it('serves the whole list, with and without ended units', async () => {
    const list = await app.request('/v1/regioner/05/units?service=vardcentral');
    expect(list.status).toBe(200);
    expect((await json<UnitList>(list)).items).toHaveLength(ACTIVE);
    const all = await json<UnitList>(
      app.request('/v1/regioner/05/units?service=vardcentral&includeEnded=true'),
    );
    expect(all.items).toHaveLength(ACTIVE + ENDED);
    expect(all.items.filter((u) => u.status === 'avslutad')).toHaveLength(ENDED);
  });

  it('exports it as CSV', async () => {
    const csv = await app.request('/v1/regioner/05/units.csv?service=vardcentral');
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(ACTIVE + 1);
  });
});
