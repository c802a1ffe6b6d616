import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { changes, datasets, indicatorValues, units } from '../../api/db/schema';
import { baselineUnitId } from '../../api/sync/baseline';
import { syncKolada } from '../../api/sync/run';
import { KOMMUNER } from '../../shared/reference';
import { createTestDb, json, NOW, testApp } from './helpers';
import { rowsFromFixtures } from './kolada-sync.fake';
import {
  FIXTURE_KOMMUNER,
  HEADER,
  imported,
  indicator,
  kolada,
  LATER,
  list,
  snapshot,
  unitIn,
} from './kolada-sync.setup';

/**
 * Kommuner without a register: their units are Kolada's survey units (synthetic fixtures). 0580 has
 * hemtjänst and särskilt boende OUs (ids of several lengths, one OU without any figure, one with
 * figures in 2025 only, one whose answers are too few), 0117 has only schools and preschools.
 */
const LINKOPING = { kommuner: ['0580'], now: () => NOW };

describe('baseline units: a kommun without a register', () => {
  it('lists one unit per survey unit with figures, as Kolada names it, with real-shaped figures', async () => {
    const db = await createTestDb();
    const report = await syncKolada(db, kolada().client, LINKOPING);
    expect(report.kommuner[0]).toMatchObject({ outcome: 'synced', unitsAdded: 5, withoutFigures: 1 });

    const ht = await list(db, '0580');
    expect(ht.dataset).toMatchObject({ kind: 'live', basis: 'kolada' });
    // Swedish order; the OU Kolada lists without any figure is not shown.
    expect(ht.items.map((u) => u.name)).toEqual([
      'Hemtjänst Ekholmen',
      'Hemtjänst Ryd, Område 1',
      'Lindgårdens Hemtjänst AB',
    ]);
    const ekholmen = unitIn(ht, 'Hemtjänst Ekholmen');
    expect(ekholmen).toMatchObject({
      id: baselineUnitId('0580', 'hemtjanst', 'V21E4471'),
      huvudman: '0580',
      origin: 'kolada',
      regi: null,
      verifiedAt: null,
      stale: false,
      organisationsnummer: null,
      contact: { website: null, phone: null, address: null },
      surveyUnits: [{ id: 'V21E4471', title: 'Hemtjänst Ekholmen', linkedBy: 'kolada' }],
      status: 'aktiv',
    });
    expect(ekholmen.originNote).toMatch(/Socialstyrelsens undersökningar.*senast 2026.*Kolada/);
    expect(ekholmen.originNote).toContain('Linköpings kommun har inte publicerat något utförarregister');
    expect(indicator(ht, 'Hemtjänst Ekholmen', 'U21468')).toMatchObject({
      value: 72,
      period: '2026',
      respondents: 74,
      missingReason: null,
      comparison: { kommun: expect.any(Number), riket: 92 },
    });
    // Kolada sent this unit's 2025 period as a string; it has figures in 2025 only.
    const lindgarden = indicator(ht, 'Lindgårdens Hemtjänst AB', 'U21468');
    expect(lindgarden).toMatchObject({ period: '2025', value: 70, respondents: 67 });
    expect(unitIn(ht, 'Lindgårdens Hemtjänst AB').originNote).toContain('senast 2025');
    // Kolada withholds the values of a unit with 2-4 answers: null, with the count.
    expect(indicator(ht, 'Hemtjänst Ryd, Område 1', 'U21468')).toMatchObject({
      value: null,
      respondents: 3,
      missingReason: 'too_few_respondents',
    });

    const sb = await list(db, '0580', 'sarskilt_boende');
    expect(sb.items.map((u) => [u.name, u.surveyUnits[0]?.id])).toEqual([
      ['Almbackens vård- och omsorgsboende', 'V23E7788'],
      ['Ekbackens äldreboende', 'V23E77890'],
    ]);

    // The addition is in the public history, by the sync.
    const history = await json<{ items: { actor: string; kind: string; to: Record<string, unknown> }[] }>(
      testApp(db).request(`/v1/units/${ekholmen.id}/history`),
    );
    // The addition, by the sync, with the figures the unit came with (one row, not one per figure).
    expect(history.items.find((h) => h.kind === 'added')).toMatchObject({
      actor: 'sync',
      to: {
        name: 'Hemtjänst Ekholmen',
        origin: 'kolada',
        surveyUnit: 'V21E4471',
        regi: null,
        figures: { 'U21468 2026 V21E4471': 72, 'U21468 2025 V21E4471': expect.any(Number) },
      },
    });
    expect(history.items.filter((h) => h.kind === 'indicator')).toEqual([]);
  });

  it('gives baseline and register units exactly the same keys', async () => {
    const db = await imported(await createTestDb(), [
      HEADER,
      '0581;hemtjanst;Kvarnbäckens Omsorg AB;privat;2026-10-01;h4;',
    ]);
    await syncKolada(db, kolada().client, { kommuner: ['0580', '0581'], now: () => NOW });
    const keys = (u: object) => Object.keys(u).sort().join();
    const baseline = (await list(db, '0580')).items;
    const register = (await list(db, '0581')).items;
    expect(baseline.length).toBeGreaterThan(0);
    expect(register.map((u) => u.origin)).toEqual(['register']);
    expect(new Set([...baseline, ...register].map(keys)).size).toBe(1);
    const indicatorKeys = [...baseline, ...register].flatMap((u) => u.indicators.map(keys));
    expect(new Set(indicatorKeys).size).toBe(1);
  });

  it('answers an empty list, said to rest on the survey, for a kommun Kolada has no elderly-care unit for', async () => {
    const db = await createTestDb();
    const before = await list(db, '0117');
    expect(before.dataset).toMatchObject({ kind: 'live', basis: null });
    await syncKolada(db, kolada().client, { kommuner: ['0117'], now: () => NOW });
    const after = await list(db, '0117');
    expect(after.items).toEqual([]);
    expect(after.dataset).toMatchObject({ kind: 'live', basis: 'kolada' });
  });

  it('keeps each unit across syncs, ends one Kolada stops listing (kept, with the date) and follows a new title', async () => {
    const db = await createTestDb();
    const { client } = kolada();
    await syncKolada(db, client, LINKOPING);
    const ids = (await list(db, '0580')).items.map((u) => u.id);

    const rows = rowsFromFixtures();
    const changed = {
      ...rows,
      ous: rows.ous
        .filter((ou) => ou.id !== 'V21E4471')
        .map((ou) => (ou.id === 'V21E44712' ? { ...ou, title: 'Lindgårdens Omsorg AB' } : ou)),
    };
    const later = kolada(changed);
    await syncKolada(db, later.client, { ...LINKOPING, now: () => LATER });

    const ht = await list(db, '0580');
    expect(ht.items.map((u) => u.name)).toEqual(['Hemtjänst Ryd, Område 1', 'Lindgårdens Omsorg AB']);
    expect(unitIn(ht, 'Lindgårdens Omsorg AB').id).toBe(ids[2]);
    const ended = await list(db, '0580', 'hemtjanst', '&includeEnded=true');
    expect(unitIn(ended, 'Hemtjänst Ekholmen')).toMatchObject({
      id: ids[0],
      status: 'avslutad',
      statusDate: '2026-11-24',
    });
    // Its last figures stay: they are what its last survey said.
    expect(indicator(ended, 'Hemtjänst Ekholmen', 'U21468')).toMatchObject({ value: 72, period: '2026' });
    const history = await db
      .select()
      .from(changes)
      .where(and(eq(changes.actor, 'sync'), eq(changes.at, LATER.toISOString())))
      .all();
    expect(history.map((h) => [h.unitId, h.kind, h.field, h.oldValue, h.newValue])).toEqual(
      expect.arrayContaining([
        [ids[0], 'ended', 'status', 'aktiv', 'avslutad'],
        [ids[0], 'ended', 'statusDate', null, '2026-11-24'],
        [ids[2], 'changed', 'name', 'Lindgårdens Hemtjänst AB', 'Lindgårdens Omsorg AB'],
      ]),
    );

    // A later change of a figure is one row of its own.
    const bumped = {
      ...changed,
      base: changed.base.map((r) =>
        r.ou === 'V21E44712' && r.kpi === 'U21468'
          ? { ...r, values: r.values.map((v) => ({ ...v, value: v.value === null ? null : v.value + 1 })) }
          : r,
      ),
    };
    await syncKolada(db, kolada(bumped).client, {
      ...LINKOPING,
      now: () => new Date(LATER.getTime() + 3_600_000),
    });
    const figureRows = await db
      .select()
      .from(changes)
      .where(and(eq(changes.unitId, ids[2]!), eq(changes.kind, 'indicator')))
      .all();
    expect(figureRows.map((r) => [r.field, r.oldValue, r.newValue])).toEqual([
      ['U21468 2025 V21E44712', 70, 71],
    ]);

    // Listed again: the same unit comes back.
    await syncKolada(db, client, { ...LINKOPING, now: () => new Date(LATER.getTime() + 86_400_000) });
    expect(unitIn(await list(db, '0580'), 'Hemtjänst Ekholmen')).toMatchObject({
      id: ids[0],
      status: 'aktiv',
    });
  });

  it('a sync of some years keeps the units whose figures are in other years', async () => {
    const db = await createTestDb();
    const { client } = kolada();
    await syncKolada(db, client, LINKOPING);
    const before = await snapshot(db, ['0580']);
    await syncKolada(db, client, { ...LINKOPING, years: [2026], now: () => LATER });
    expect(unitIn(await list(db, '0580'), 'Lindgårdens Hemtjänst AB').status).toBe('aktiv');
    expect(await snapshot(db, ['0580'])).toEqual(before);
  });
});

describe('baseline units: what beats them', () => {
  it("a kommun's register replaces its survey units for that service at once, and the sync links the OUs to it", async () => {
    const db = await createTestDb();
    const { client } = kolada();
    await syncKolada(db, client, LINKOPING);
    await imported(
      db,
      [
        HEADER,
        '0580;hemtjanst;Hemtjänst Ekholmen;egen_regi;2026-10-01;e1;',
        '0580;hemtjanst;Ryds hemtjänst;egen_regi;2026-10-01;r1;V21E0580003|V21E0580004',
      ],
      LATER,
    );
    // Before any new sync: the register's units, never mixed with the survey units.
    const now = await list(db, '0580');
    expect(now.dataset).toMatchObject({ kind: 'live', basis: 'register' });
    expect(now.items.map((u) => [u.name, u.origin, u.regi])).toEqual([
      ['Hemtjänst Ekholmen', 'register', 'egen_regi'],
      ['Ryds hemtjänst', 'register', 'egen_regi'],
    ]);
    // Figures the baseline brought in already reach the register's kolada_ou.
    expect(
      indicator(now, 'Ryds hemtjänst', 'U21468').figures.map((f) => [f.surveyUnit?.id, f.missingReason]),
    ).toEqual([
      ['V21E0580003', 'too_few_respondents'],
      ['V21E0580004', 'no_data'],
    ]);

    const report = await syncKolada(db, client, { ...LINKOPING, now: () => LATER });
    expect(report.kommuner[0]).toMatchObject({
      basis: { hemtjanst: 'register', sarskilt_boende: 'kolada' },
      unlinkedOus: [{ ou: 'V21E44712', title: 'Lindgårdens Hemtjänst AB', reason: 'no_match' }],
    });
    const after = await list(db, '0580');
    expect(after.items.map((u) => u.name)).toEqual(['Hemtjänst Ekholmen', 'Ryds hemtjänst']);
    expect(unitIn(after, 'Hemtjänst Ekholmen').surveyUnits).toEqual([
      { id: 'V21E4471', title: 'Hemtjänst Ekholmen', linkedBy: 'name' },
    ]);
    // The baseline units are ended, kept; särskilt boende still rests on the survey.
    const baseline = await db.select().from(units).where(eq(units.origin, 'kolada')).all();
    expect(baseline.filter((u) => u.service === 'hemtjanst').every((u) => u.status === 'avslutad')).toBe(
      true,
    );
    expect((await list(db, '0580', 'sarskilt_boende')).dataset.basis).toBe('kolada');
  });

  it('real survey units replace a demo system whole; a demo system Kolada has nothing for stays demo', {
    timeout: 120_000,
  }, async () => {
    const db = await createTestDb({ demo: true });
    const demoUppsala = await list(db, '0380');
    const report = await syncKolada(db, kolada().client, { now: () => NOW });
    expect(report.totals.failed).toBe(0);

    const norrkoping = await list(db, '0581');
    expect(norrkoping.dataset).toMatchObject({ kind: 'live', basis: 'kolada' });
    expect(
      norrkoping.items.every((u) => u.origin === 'kolada' && !/Exempel|Demo|Övning|Påhittad/.test(u.name)),
    ).toBe(true);
    expect(norrkoping.items.length).toBeGreaterThan(5);
    const demoLeft = await db
      .select()
      .from(units)
      .where(and(eq(units.huvudman, '0581'), eq(units.kind, 'demo')))
      .all();
    expect(demoLeft).toEqual([]);
    const demoFigures = await db
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.subject, '0581'), eq(indicatorValues.kind, 'demo')))
      .all();
    expect(demoFigures).toEqual([]);

    // Uppsala (no survey units in the fixtures) stays as it was: invented, labelled, with its own figures.
    const uppsala = await list(db, '0380');
    expect(uppsala.dataset).toMatchObject({ kind: 'demo', basis: 'register' });
    expect(uppsala.items.map((u) => u.id)).toEqual(demoUppsala.items.map((u) => u.id));
    const figures = uppsala.items.flatMap((u) => u.indicators);
    expect(figures.some((i) => i.value !== null && i.source.id === 'demo')).toBe(true);
    expect(figures.filter((i) => i.source.id === 'kolada' && i.value !== null)).toEqual([]);
    expect(
      (
        await json<{ dataset: { kind: string } }>(
          testApp(db).request('/v1/regioner/05/units?service=vardcentral'),
        )
      ).dataset.kind,
    ).toBe('demo');
  });
});

// 290 kommuner, three times over: over a libSQL server (the api-sqld project) that takes a while.
describe('the national sync', { timeout: 120_000 }, () => {
  it('syncs all 290 kommuner in a few requests, at most 25 ids in any segment or list', async () => {
    const db = await createTestDb();
    const { client, fake } = kolada();
    const progress: number[] = [];
    const report = await syncKolada(db, client, { now: () => NOW, onProgress: (p) => progress.push(p.done) });

    expect(report.kommuner).toHaveLength(KOMMUNER.length);
    expect(report.totals).toMatchObject({ synced: 290, failed: 0 });
    expect(report.riket).toMatchObject({ outcome: 'synced' });
    // National figures once; the regions' and the country's vårdcentral comparisons once; per 25
    // kommuner one OU list and one request for their own figures; the fixture kommuner's OUs in one
    // more. Nothing is asked twice.
    expect(report.regioner).toMatchObject({ outcome: 'synced' });
    expect(report.requests).toBe(1 + 1 + 12 * 2 + 1);
    expect(new Set(fake.urls()).size).toBe(fake.urls().length);
    for (const url of fake.urls()) {
      const { pathname, searchParams } = new URL(url);
      for (const segment of pathname.split('/')) expect(segment.split(',').length).toBeLessThanOrEqual(25);
      expect((searchParams.get('municipality') ?? '').split(',').length).toBeLessThanOrEqual(25);
      expect(searchParams.get('per_page')).toBe('5000');
    }
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(290);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const synced = await db.select().from(datasets).all();
    expect(synced.filter((d) => d.service === 'hemtjanst')).toHaveLength(290);
  });

  it('a rerun after an interrupted run converges to the state of one uninterrupted run', async () => {
    const whole = await createTestDb();
    await syncKolada(whole, kolada().client, { now: () => NOW });

    const interrupted = await createTestDb();
    const controller = new AbortController();
    const first = await syncKolada(interrupted, kolada().client, {
      now: () => NOW,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 30) controller.abort();
      },
    });
    expect(first.interrupted).toBe(true);
    expect(first.kommuner.length).toBeLessThan(290);
    await syncKolada(interrupted, kolada().client, { now: () => NOW });

    expect(await snapshot(interrupted, FIXTURE_KOMMUNER)).toEqual(await snapshot(whole, FIXTURE_KOMMUNER));
  });
});
