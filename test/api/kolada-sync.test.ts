import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../api/db/client';
import {
  changes,
  datasets,
  indicatorValues,
  koladaLinks,
  koladaUnlinkedOus,
  units,
} from '../../api/db/schema';
import { syncKolada } from '../../api/sync/run';
import { formatSyncReport } from '../../api/sync/summary';
import { createTestDb, NOW } from './helpers';
import { answerFromRows, type RawRow, rowsFromFixtures } from './kolada-sync.fake';
import {
  HEADER,
  imported,
  indicator,
  kolada,
  LATER,
  list,
  snapshot,
  storedValue,
  unitId,
  unitIn,
} from './kolada-sync.setup';

/**
 * A live register for Norrköping (0581) whose names are the providers of the fixture OUs (all
 * synthetic): some units carry kolada_ou (one carries two), some are found by name (one by two OUs
 * that both name it), "Hemtjänst Ängsmyran" has no unit, and "Lindängens Omsorg AB" has no OU.
 */
const REGISTER = [
  HEADER,
  '0581;hemtjanst;Hemtjänstgrupp Norr;egen_regi;2026-10-01;h1;V21E058100101|V21E3300',
  '0581;hemtjanst;Hemtjänstgrupp Söder;egen_regi;2026-10-01;h2;V21E058100102',
  '0581;hemtjanst;Kvarnbäckens Omsorg AB;privat;2026-10-01;h4;',
  '0581;hemtjanst;Solvändans Hemtjänst AB;privat;2026-10-01;h5;',
  '0581;hemtjanst;Hemtjänst Öster och Centrum;privat;2026-10-01;h6;',
  '0581;hemtjanst;Omsorgsgruppen Lind AB;privat;2026-10-01;h8;',
  '0581;hemtjanst;Lindängens Omsorg AB;privat;2026-10-01;h7;',
  '0581;sarskilt_boende;Solgläntans vård- och omsorgsboende;privat;2026-10-01;s1;',
  '0581;sarskilt_boende;Åkerbärets äldreboende;egen_regi;2026-10-01;s2;V23E058100202',
  '0581;sarskilt_boende;Lärkans demensboende;privat;2026-10-01;s3;',
];
const NORRKOPING = { kommuner: ['0581'], now: () => NOW };
const OU_LIST = 'https://api.kolada.se/v3/ou?municipality=0581&per_page=5000';

async function liveDb() {
  return imported(await createTestDb(), REGISTER);
}

async function linksOf(db: Database) {
  const rows = await db
    .select({ name: units.name, ou: koladaLinks.ou, method: koladaLinks.method })
    .from(koladaLinks)
    .innerJoin(units, eq(units.id, koladaLinks.unitId))
    .all();
  return rows.sort((a, b) => (a.ou < b.ou ? -1 : 1));
}

describe('Kolada sync of a kommun with a register: linking', () => {
  it("links OUs by the register's kolada_ou (several per unit), else by name (several per unit), and lists the one left", async () => {
    const db = await liveDb();
    const report = await syncKolada(db, kolada().client, NORRKOPING);

    expect(report.totals).toMatchObject({ synced: 1, failed: 0, linked: 11, unlinked: 1, unitsAdded: 0 });
    expect(await linksOf(db)).toEqual([
      { name: 'Hemtjänstgrupp Norr', ou: 'V21E058100101', method: 'register' },
      { name: 'Hemtjänstgrupp Söder', ou: 'V21E058100102', method: 'register' },
      { name: 'Kvarnbäckens Omsorg AB', ou: 'V21E058100104', method: 'name' },
      { name: 'Solvändans Hemtjänst AB', ou: 'V21E058100105', method: 'name' },
      { name: 'Hemtjänst Öster och Centrum', ou: 'V21E058100106', method: 'name' },
      { name: 'Omsorgsgruppen Lind AB', ou: 'V21E2210', method: 'name' },
      { name: 'Omsorgsgruppen Lind AB', ou: 'V21E22101', method: 'name' },
      { name: 'Hemtjänstgrupp Norr', ou: 'V21E3300', method: 'register' },
      { name: 'Solgläntans vård- och omsorgsboende', ou: 'V23E058100201', method: 'name' },
      { name: 'Åkerbärets äldreboende', ou: 'V23E058100202', method: 'register' },
      { name: 'Lärkans demensboende', ou: 'V23E058100203', method: 'name' },
    ]);

    // Listed for an editor, stored, and printed; schools in the same OU list are not mentioned.
    const unlinked = {
      ou: 'V21E058100103',
      service: 'hemtjanst',
      title: 'Hemtjänst Ängsmyran',
      reason: 'no_match',
    };
    expect(report.kommuner[0]).toMatchObject({ outcome: 'synced', unlinkedOus: [unlinked] });
    expect(await db.select().from(koladaUnlinkedOus).all()).toEqual([
      expect.objectContaining({ huvudman: '0581', ...unlinked }),
    ]);
    const printed = formatSyncReport(report).join('\n');
    expect(printed).toContain('V21E058100103 "Hemtjänst Ängsmyran"');
    expect(printed).not.toContain('skola');

    // A register system gets no baseline units; a name link never rewrites the editor's register.
    expect(await db.select().from(units).where(eq(units.origin, 'kolada')).all()).toEqual([]);
    const kvarn = await db.select().from(units).where(eq(units.name, 'Kvarnbäckens Omsorg AB')).get();
    expect(kvarn?.koladaOu).toEqual([]);
    expect(
      await db
        .select()
        .from(changes)
        .where(and(eq(changes.kind, 'changed'), eq(changes.field, 'koladaOu')))
        .all(),
    ).toEqual([]);
  });

  it("follows an editor's correction at once: the unit shows the register's OU, the sync then moves the name link", async () => {
    const db = await liveDb();
    const { client } = kolada();
    await syncKolada(db, client, NORRKOPING);
    expect(indicator(await list(db, '0581'), 'Kvarnbäckens Omsorg AB', 'U21468').value).toBe(86);

    // The editor says Kvarnbäcken is Kolada's "Ängsmyran" (V21E058100103), whose figures the sync stored.
    const corrected = REGISTER.map((line) =>
      line.includes('Kvarnbäckens') ? line.replace(/;$/, ';V21E058100103') : line,
    );
    await imported(db, corrected, LATER);
    const before = unitIn(await list(db, '0581'), 'Kvarnbäckens Omsorg AB');
    expect(before.surveyUnits).toEqual([
      { id: 'V21E058100103', title: 'Hemtjänst Ängsmyran', linkedBy: 'register' },
    ]);
    expect(before.indicators.find((i) => i.id === 'U21468')).toMatchObject({ value: 62, respondents: 43 });

    const report = await syncKolada(db, client, { ...NORRKOPING, now: () => LATER });
    expect(report.kommuner[0]).toMatchObject({
      outcome: 'synced',
      unlinkedOus: [{ ou: 'V21E058100104', title: 'Kvarnbäckens Omsorg AB', reason: 'no_match' }],
    });
    const kvarn = await unitId(db, 'Kvarnbäckens Omsorg AB');
    const history = await db
      .select()
      .from(changes)
      .where(and(eq(changes.unitId, kvarn), eq(changes.field, 'surveyUnits'), eq(changes.actor, 'sync')))
      .all();
    // First the name link, then the editor's.
    expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([
      [[], ['V21E058100104']],
      [['V21E058100104'], ['V21E058100103']],
    ]);
  });
});

describe('Kolada sync of a kommun with a register: figures', () => {
  it('stores each figure per survey unit with its period, respondents, source, publication date and fetch time', async () => {
    const db = await liveDb();
    await syncKolada(db, kolada().client, NORRKOPING);

    expect(await storedValue(db, 'V21E058100104', 'U21468', '2026')).toEqual({
      indicatorId: 'U21468',
      scope: 'ou',
      subject: 'V21E058100104',
      period: '2026',
      value: 86,
      respondents: 71,
      status: null,
      kind: 'live',
      sourceId: 'kolada',
      publishedAt: '2026-10-04',
      fetchedAt: NOW.toISOString(),
      // A Kolada figure names no source of its own and has no confidence interval.
      sourceName: null,
      sourceUrl: null,
      ciLow: null,
      ciHigh: null,
    });
    // The catalogue dates only its latest period; an older one is not given a wrong date.
    expect(await storedValue(db, 'V21E058100104', 'U21468', '2025')).toMatchObject({
      value: 67,
      respondents: 36,
      publishedAt: null,
    });
    // Unit-survey KPIs: Kolada's count is not a number of respondents.
    expect(await storedValue(db, 'V21E058100104', 'N21608', '2026')).toMatchObject({
      value: 78,
      respondents: null,
    });
    expect(await storedValue(db, '0581', 'U21468', '2026')).toMatchObject({
      scope: 'kommun',
      value: 88,
      respondents: 1390,
    });
    expect(await storedValue(db, '0000', 'U21468', '2026')).toMatchObject({ scope: 'riket', value: 92 });
    // The unlinked OU's figures are kept (they are Kolada's, under the OU) but reach no unit.
    expect(await storedValue(db, 'V21E058100103', 'U21468', '2026')).toMatchObject({ value: 62 });
    const all = await db.select().from(indicatorValues).all();
    expect(all.every((v) => v.kind === 'live' && v.sourceId === 'kolada' && v.scope !== 'unit')).toBe(true);
    // Schools in the OU list are never asked about.
    expect(all.filter((v) => /^V1[157]/.test(v.subject))).toEqual([]);

    // Versions moved past the import's: with the national figures, and with the kommun's.
    const rows = await db.select().from(datasets).where(eq(datasets.huvudman, '0581')).all();
    expect(rows.map((d) => [d.service, d.kind, d.version, d.indicatorsSyncedAt])).toEqual([
      ['hemtjanst', 'live', 3, NOW.toISOString()],
      ['sarskilt_boende', 'live', 3, NOW.toISOString()],
    ]);
  });

  it("serves the register's units, each survey unit's figure side by side, beside the kommun and national figures", async () => {
    const db = await liveDb();
    await syncKolada(db, kolada().client, NORRKOPING);
    const ht = await list(db, '0581');

    expect(ht.dataset).toMatchObject({ kind: 'live', basis: 'register' });
    expect(ht.items.every((u) => u.origin === 'register')).toBe(true);
    expect(ht.items.map((u) => u.name)).not.toContain('Hemtjänst Ängsmyran');

    // One survey unit: the top level is its figure, and `figures` holds it with its survey unit.
    const kvarn = indicator(ht, 'Kvarnbäckens Omsorg AB', 'U21468');
    const one = {
      value: 86,
      period: '2026',
      respondents: 71,
      missingReason: null,
      source: { id: 'kolada' },
      publishedAt: '2026-10-04',
      comparison: { kommun: 88, riket: 92 },
    };
    expect(kvarn).toMatchObject(one);
    expect(kvarn.figures).toMatchObject([
      { surveyUnit: { id: 'V21E058100104', title: 'Kvarnbäckens Omsorg AB' }, ...one },
    ]);

    // Two survey units, by the register: both figures, each with its title, respondents and comparison.
    const norr = unitIn(ht, 'Hemtjänstgrupp Norr');
    expect(norr.surveyUnits.map((s) => [s.title, s.linkedBy])).toEqual([
      ['Hemtjänstgrupp Norr (kommunal hemtjänst)', 'register'],
      ['Hemtjänstgrupp Norr, Område 2', 'register'],
    ]);
    const satisfied = indicator(ht, 'Hemtjänstgrupp Norr', 'U21468');
    expect(satisfied).toMatchObject({
      value: null,
      period: null,
      respondents: null,
      missingReason: 'several_survey_units',
    });
    expect(
      satisfied.figures.map((f) => [
        f.surveyUnit?.title,
        f.value,
        f.period,
        f.respondents,
        { kommun: f.comparison.kommun, riket: f.comparison.riket },
      ]),
    ).toEqual([
      ['Hemtjänstgrupp Norr (kommunal hemtjänst)', 71, '2026', 70, { kommun: 88, riket: 92 }],
      ['Hemtjänstgrupp Norr, Område 2', 80, '2026', 31, { kommun: 88, riket: 92 }],
    ]);
    // Two survey units, by name: the same, never averaged, summed or one picked.
    const lind = indicator(ht, 'Omsorgsgruppen Lind AB', 'U21468');
    expect(lind.missingReason).toBe('several_survey_units');
    expect(lind.figures.map((f) => [f.surveyUnit?.id, f.value, f.respondents])).toEqual([
      ['V21E2210', 62, 66],
      ['V21E22101', 67, 49],
    ]);

    // 2-4 respondents: not shown as a figure; the unit survey's share is.
    expect(indicator(ht, 'Solvändans Hemtjänst AB', 'U21468')).toMatchObject({
      value: null,
      missingReason: 'too_few_respondents',
    });
    expect(indicator(ht, 'Solvändans Hemtjänst AB', 'N21608')).toMatchObject({
      value: 83,
      respondents: null,
    });
    expect(indicator(ht, 'Lindängens Omsorg AB', 'U21468')).toMatchObject({
      value: null,
      missingReason: 'not_linked',
      figures: [],
    });
    // A unit linked by name is linked: a figure Kolada lacks for it is "no_data", never "not_linked".
    expect(indicator(ht, 'Kvarnbäckens Omsorg AB', 'U21477')).toMatchObject({ missingReason: 'no_data' });

    // Every unit has the same keys, whatever its number of survey units.
    expect(new Set(ht.items.map((u) => Object.keys(u).sort().join())).size).toBe(1);
    expect(new Set(ht.items.flatMap((u) => u.indicators.map((i) => Object.keys(i).sort().join()))).size).toBe(
      1,
    );

    const sb = await list(db, '0581', 'sarskilt_boende');
    expect(sb.dataset).toMatchObject({ kind: 'live', basis: 'register' });
    expect(indicator(sb, 'Åkerbärets äldreboende', 'U23471')).toMatchObject({
      value: 93,
      period: '2026',
      comparison: { kommun: 79, riket: 87 },
    });
  });

  it('records each figure in the history of every unit that shows it, by "sync"', async () => {
    const db = await liveDb();
    await syncKolada(db, kolada().client, NORRKOPING);
    const norr = await unitId(db, 'Hemtjänstgrupp Norr');
    const sync = (await db.select().from(changes).where(eq(changes.unitId, norr)).all()).filter(
      (r) => r.actor === 'sync' && r.kind === 'indicator',
    );
    expect(sync.every((r) => r.huvudman === '0581' && r.service === 'hemtjanst')).toBe(true);
    expect(sync.find((r) => r.field === 'U21468 2026 V21E058100101')).toMatchObject({
      oldValue: null,
      newValue: 71,
    });
    expect(sync.find((r) => r.field === 'U21468 2026 V21E3300')).toMatchObject({
      oldValue: null,
      newValue: 80,
    });
    expect(sync).toHaveLength(16); // 4 KPIs with figures × 2 years × 2 survey units
  });

  it('changes nothing on a second identical sync: no version, no data_version, no history', async () => {
    const db = await liveDb();
    const { client } = kolada();
    await syncKolada(db, client, NORRKOPING);
    const before = await snapshot(db, ['0581']);
    const report = await syncKolada(db, client, { ...NORRKOPING, now: () => LATER });
    expect(report.totals).toMatchObject({ synced: 1, added: 0, changed: 0, removed: 0 });
    expect(report.totals.unchanged).toBeGreaterThan(50);
    expect(await snapshot(db, ['0581'])).toEqual(before);
  });
});

describe('Kolada sync: incremental and failing syncs', () => {
  it('applies only what changed since --from-date, deletions included', async () => {
    const db = await liveDb();
    const { client, fake } = kolada();
    await syncKolada(db, client, NORRKOPING);
    const report = await syncKolada(db, client, {
      ...NORRKOPING,
      fromDate: '2026-10-01',
      years: [2026],
      now: () => LATER,
    });

    expect(fake.urls().filter((u) => u.includes('from_date=2026-10-01')).length).toBeGreaterThan(0);
    expect(report.totals).toMatchObject({ added: 0, changed: 4, removed: 2 });
    expect(await storedValue(db, 'V21E058100101', 'U21468', '2026')).toMatchObject({
      value: 88,
      respondents: 45,
      fetchedAt: LATER.toISOString(),
    });
    expect(await storedValue(db, 'V21E058100101', 'U21467', '2026')).toMatchObject({
      value: 73,
      fetchedAt: NOW.toISOString(),
    });
    expect(await storedValue(db, 'V21E058100104', 'U21468', '2026')).toBeUndefined();
    expect(await storedValue(db, 'V21E058100104', 'U21466', '2026')).toBeUndefined();
    expect(await storedValue(db, 'V21E058100104', 'U21468', '2025')).toMatchObject({ value: 67 });

    const norr = await unitId(db, 'Hemtjänstgrupp Norr');
    const kvarn = await unitId(db, 'Kvarnbäckens Omsorg AB');
    const history = await db.select().from(changes).where(eq(changes.actor, 'sync')).all();
    const last = history.filter((h) => h.at === LATER.toISOString());
    // The unlinked OU's figures changed too, but they reach no unit's history.
    expect(last.map((h) => [h.unitId, h.field, h.oldValue, h.newValue]).sort()).toEqual(
      [
        [norr, 'U21466 2026 V21E058100101', 96, 64],
        [norr, 'U21468 2026 V21E058100101', 71, 88],
        [kvarn, 'U21466 2026 V21E058100104', 97, null],
        [kvarn, 'U21468 2026 V21E058100104', 86, null],
      ].sort(),
    );
    // With its 2026 figure gone, Kvarnbäcken shows 2025, compared with 2025.
    expect(indicator(await list(db, '0581'), 'Kvarnbäckens Omsorg AB', 'U21468')).toMatchObject({
      value: 67,
      period: '2025',
      comparison: { kommun: 86, riket: 92 },
    });
  });

  it('an incremental sync still gives a newly named OU all its years', async () => {
    const db = await liveDb();
    const { client, fake } = kolada();
    await syncKolada(db, client, NORRKOPING);
    // The editor names an OU of another kommun, never fetched before.
    const corrected = REGISTER.map((line) =>
      line.includes('Kvarnbäckens') ? line.replace(/;$/, ';V21E4471') : line,
    );
    await imported(db, corrected, LATER);
    await syncKolada(db, client, { ...NORRKOPING, fromDate: '2026-10-01', years: [2026], now: () => LATER });

    expect(fake.urls().some((u) => /\/ou\/V21E4471\?per_page=5000$/.test(u))).toBe(true);
    const kvarn = indicator(await list(db, '0581'), 'Kvarnbäckens Omsorg AB', 'U21468');
    expect(kvarn.figures).toMatchObject([
      { surveyUnit: { id: 'V21E4471', title: null }, period: '2026', value: 72 },
    ]);
    expect(await storedValue(db, 'V21E4471', 'U21468', '2025')).toMatchObject({ scope: 'ou' });
  });

  it('waits out a 429 and syncs', async () => {
    const db = await liveDb();
    const { client, fake, clock } = kolada();
    fake.queue(OU_LIST, { status: 429, headers: { 'retry-after': '3' } });
    const report = await syncKolada(db, client, NORRKOPING);
    expect(report.totals).toMatchObject({ synced: 1, failed: 0, linked: 11 });
    expect(fake.urls().filter((u) => u === OU_LIST)).toHaveLength(2);
    expect(clock.sleeps).toContain(3000);
  });

  it('a timeout fails that kommun only: the API serves exactly what it served before, the other kommun syncs', async () => {
    const db = await liveDb();
    const { client, fake } = kolada();
    const both = { kommuner: ['0580', '0581'], now: () => NOW };
    const first = await syncKolada(db, client, both);
    expect(first.totals).toMatchObject({ synced: 2, failed: 0 });
    const before = await snapshot(db, ['0580', '0581']);

    // Now Kolada has new figures for 0581's units, but 0581's own figures never come.
    const rows = rowsFromFixtures();
    const ous0581 = new Set(rows.ous.filter((o) => o.municipality === '0581').map((o) => o.id));
    const bumped = { ...rows, base: rows.base.map((r) => (r.ou && ous0581.has(r.ou) ? bump(r) : r)) };
    fake.fallback((request) => {
      if (request.url.includes('/data/kpi/') && /\/municipality\/[0-9,]*0581/.test(request.url))
        return { hang: true };
      return answerFromRows(request.url, bumped);
    });
    const report = await syncKolada(db, client, { ...both, now: () => LATER });

    expect(report.kommuner.map((k) => [k.kommun, k.outcome])).toEqual([
      ['0580', 'synced'],
      ['0581', 'failed'],
    ]);
    const failed = report.kommuner[1];
    expect(failed?.outcome === 'failed' && failed.error).toMatch(/Kolada svarar inte: inget svar inom 40 ms/);
    expect(formatSyncReport(report).join('\n')).toContain('0581: MISSLYCKADES');
    expect(await snapshot(db, ['0580', '0581'])).toEqual(before);
  });

  it('a malformed answer: a clear error, and nothing of the kommun is written', async () => {
    const db = await liveDb();
    const { client, fake } = kolada();
    await syncKolada(db, client, NORRKOPING);
    const before = await snapshot(db, ['0581']);
    const rows = rowsFromFixtures();
    fake.fallback((request) =>
      request.url.includes('/oudata/')
        ? { body: { values: [{ kpi: 'U23471', ou: 'V23E058100201', period: 'förra året', values: [] }] } }
        : answerFromRows(request.url, rows),
    );
    const report = await syncKolada(db, client, { ...NORRKOPING, now: () => LATER });

    const result = report.kommuner[0];
    expect(result?.outcome).toBe('failed');
    expect(result?.outcome === 'failed' && result.error).toMatch(/Oväntat svar från Kolada .*oudata.*period/);
    expect(await snapshot(db, ['0581'])).toEqual(before);
  });
});

/** The same row with every figure one higher. */
function bump(row: RawRow): RawRow {
  return { ...row, values: row.values.map((v) => ({ ...v, value: v.value === null ? null : v.value + 1 })) };
}
