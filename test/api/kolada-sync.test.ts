import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../api/db/client';
import { readDataVersion } from '../../api/db/data-version';
import {
  changes,
  datasets,
  indicatorValues,
  koladaLinks,
  koladaUnlinkedOus,
  units,
} from '../../api/db/schema';
import { importRegister } from '../../api/register/import';
import { syncKolada } from '../../api/sync/run';
import { formatSyncReport } from '../../api/sync/summary';
import type { UnitList } from '../../shared/domain';
import { offlineKolada } from '../fixtures/kolada/offline-kolada';
import { createTestDb, json, NOW, testApp } from './helpers';
import { answerFromRows, type RawRow, rowsFromFixtures, serveFixtureRows } from './kolada-sync.fake';

/**
 * A live register for Norrköping (0581) whose names are the providers of the fixture OUs (all
 * synthetic): some units carry kolada_ou, some are found by name, "Hemtjänst Ängsmyran" has no unit,
 * and "Lindängens Omsorg AB" has no OU.
 */
const HEADER = 'huvudman;tjanst;namn;regi;verifierad;id;kolada_ou';
const REGISTER = [
  HEADER,
  '0581;hemtjanst;Hemtjänstgrupp Norr;egen_regi;2026-10-01;h1;V21E058100101',
  '0581;hemtjanst;Hemtjänstgrupp Söder;egen_regi;2026-10-01;h2;V21E058100102',
  '0581;hemtjanst;Kvarnbäckens Omsorg AB;privat;2026-10-01;h4;',
  '0581;hemtjanst;Solvändans Hemtjänst AB;privat;2026-10-01;h5;',
  '0581;hemtjanst;Hemtjänst Öster och Centrum;privat;2026-10-01;h6;',
  '0581;hemtjanst;Lindängens Omsorg AB;privat;2026-10-01;h7;',
  '0581;sarskilt_boende;Solgläntans vård- och omsorgsboende;privat;2026-10-01;s1;',
  '0581;sarskilt_boende;Åkerbärets äldreboende;egen_regi;2026-10-01;s2;V23E058100202',
  '0581;sarskilt_boende;Lärkans demensboende;privat;2026-10-01;s3;',
];
const LATER = new Date(NOW.getTime() + 86_400_000);
const OU_LIST = 'https://api.kolada.se/v3/ou?municipality=0581';
const HT_UNITS = '/v1/kommuner/0581/units?service=hemtjanst';
const SB_UNITS = '/v1/kommuner/0581/units?service=sarskilt_boende';

async function imported(db: Database, lines: readonly string[], now = NOW) {
  const result = await importRegister(db, lines.join('\r\n'), { now });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return db;
}

async function liveDb() {
  return imported(await createTestDb(), REGISTER);
}

/** An offline Kolada on a virtual clock with short timeouts, answering from the fixtures. */
function kolada() {
  const offline = offlineKolada({ timeoutMs: 40, maxRetries: 1 });
  serveFixtureRows(offline.fake);
  return offline;
}

async function unitId(db: Database, name: string): Promise<string> {
  const row = await db.select({ id: units.id }).from(units).where(eq(units.name, name)).get();
  if (!row) throw new Error(`no unit ${name}`);
  return row.id;
}

async function storedValue(db: Database, subject: string, kpi: string, period: string) {
  return db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.subject, subject),
        eq(indicatorValues.indicatorId, kpi),
        eq(indicatorValues.period, period),
      ),
    )
    .get();
}

function indicator(list: UnitList, name: string, kpi: string) {
  const unit = list.items.find((u) => u.name === name);
  if (!unit) throw new Error(`no unit ${name} in the list`);
  return unit.indicators.find((i) => i.id === kpi);
}

/** Everything a reader could see, to compare before and after. */
async function snapshot(db: Database) {
  const app = testApp(db);
  const [ht, sb] = await Promise.all([app.request(HT_UNITS), app.request(SB_UNITS)]);
  return {
    hemtjanst: { etag: ht.headers.get('etag'), body: await ht.text() },
    sarskiltBoende: { etag: sb.headers.get('etag'), body: await sb.text() },
    dataVersion: await readDataVersion(db),
    datasets: await db.select().from(datasets).all(),
    values: await db.select().from(indicatorValues).all(),
    history: await db.select().from(changes).all(),
    links: await db.select().from(koladaLinks).all(),
    unlinked: await db.select().from(koladaUnlinkedOus).all(),
  };
}

describe('Kolada sync: linking', () => {
  it("links OUs by the register's kolada_ou, else by name, and lists the OU it cannot link", async () => {
    const db = await liveDb();
    const report = await syncKolada(db, kolada().client, { now: () => NOW });

    expect(report.totals).toMatchObject({ synced: 1, failed: 0, linked: 8, unlinked: 1 });
    const links = await db
      .select({ name: units.name, ou: koladaLinks.ou, method: koladaLinks.method })
      .from(koladaLinks)
      .innerJoin(units, eq(units.id, koladaLinks.unitId))
      .all();
    expect(links.sort((a, b) => a.ou.localeCompare(b.ou))).toEqual([
      { name: 'Hemtjänstgrupp Norr', ou: 'V21E058100101', method: 'register' },
      { name: 'Hemtjänstgrupp Söder', ou: 'V21E058100102', method: 'register' },
      { name: 'Kvarnbäckens Omsorg AB', ou: 'V21E058100104', method: 'name' },
      { name: 'Solvändans Hemtjänst AB', ou: 'V21E058100105', method: 'name' },
      { name: 'Hemtjänst Öster och Centrum', ou: 'V21E058100106', method: 'name' },
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

    // A name link never rewrites the editor's register.
    const kvarn = await db.select().from(units).where(eq(units.name, 'Kvarnbäckens Omsorg AB')).get();
    expect(kvarn?.koladaOu).toBeNull();
    expect(await db.select().from(changes).where(eq(changes.kind, 'changed')).all()).toEqual([]);
  });

  it("follows an editor's correction: the register's kolada_ou replaces a name link and its figures", async () => {
    const db = await liveDb();
    const { client } = kolada();
    await syncKolada(db, client, { now: () => NOW });
    const kvarn = await unitId(db, 'Kvarnbäckens Omsorg AB');
    expect((await storedValue(db, kvarn, 'U21468', '2026'))?.value).toBe(86);

    // The editor says Kvarnbäcken is Kolada's "Ängsmyran" (V21E058100103).
    const corrected = REGISTER.map((line) =>
      line.includes('Kvarnbäckens') ? line.replace(/;$/, ';V21E058100103') : line,
    );
    await imported(db, corrected, LATER);
    const report = await syncKolada(db, client, { now: () => LATER });

    expect((await storedValue(db, kvarn, 'U21468', '2026'))?.value).toBe(62);
    expect(report.kommuner[0]).toMatchObject({
      outcome: 'synced',
      unlinkedOus: [{ ou: 'V21E058100104', title: 'Kvarnbäckens Omsorg AB', reason: 'no_match' }],
    });
    const history = await db
      .select()
      .from(changes)
      .where(and(eq(changes.unitId, kvarn), eq(changes.field, 'U21468 2026'), eq(changes.actor, 'sync')))
      .all();
    expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([
      [null, 86],
      [86, 62],
    ]);
  });
});

describe('Kolada sync: storing and serving figures', () => {
  it('stores each figure with its period, respondents, source, publication date and fetch time', async () => {
    const db = await liveDb();
    await syncKolada(db, kolada().client, { now: () => NOW });
    const kvarn = await unitId(db, 'Kvarnbäckens Omsorg AB');

    expect(await storedValue(db, kvarn, 'U21468', '2026')).toEqual({
      indicatorId: 'U21468',
      scope: 'unit',
      subject: kvarn,
      period: '2026',
      value: 86,
      respondents: 71,
      status: null,
      kind: 'live',
      sourceId: 'kolada',
      publishedAt: '2026-10-04',
      fetchedAt: NOW.toISOString(),
    });
    // The catalogue dates only its latest period; an older one is not given a wrong date.
    expect(await storedValue(db, kvarn, 'U21468', '2025')).toMatchObject({
      value: 67,
      respondents: 36,
      publishedAt: null,
    });
    // Unit-survey KPIs (N…): Kolada's count is not a number of respondents.
    expect(await storedValue(db, kvarn, 'N21608', '2026')).toMatchObject({ value: 78, respondents: null });
    expect(await storedValue(db, '0581', 'U21468', '2026')).toMatchObject({
      scope: 'kommun',
      value: 88,
      respondents: 1390,
    });
    expect(await storedValue(db, '0000', 'U21468', '2026')).toMatchObject({ scope: 'riket', value: 92 });
    // Nothing of the unlinked OU is stored under any name.
    const all = await db.select().from(indicatorValues).all();
    expect(all.filter((v) => v.subject.startsWith('V2'))).toEqual([]);
    expect(all.every((v) => v.kind === 'live' && v.sourceId === 'kolada')).toBe(true);

    const rows = await db.select().from(datasets).where(eq(datasets.huvudman, '0581')).all();
    expect(rows.map((d) => [d.service, d.kind, d.version, d.indicatorsSyncedAt])).toEqual([
      ['hemtjanst', 'live', 2, NOW.toISOString()],
      ['sarskilt_boende', 'live', 2, NOW.toISOString()],
    ]);
  });

  it('serves unit figures beside the kommun and national figures of the same period, as live data', async () => {
    const db = await liveDb();
    await syncKolada(db, kolada().client, { now: () => NOW });
    const app = testApp(db);
    const ht = await json<UnitList>(app.request(HT_UNITS));

    expect(ht.dataset.kind).toBe('live');
    expect(indicator(ht, 'Kvarnbäckens Omsorg AB', 'U21468')).toMatchObject({
      value: 86,
      period: '2026',
      respondents: 71,
      missingReason: null,
      source: { id: 'kolada' },
      publishedAt: '2026-10-04',
      comparison: { kommun: 88, riket: 92 },
    });
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
    });

    // A unit linked by name is linked: a figure Kolada lacks for it is "no_data", never "not_linked".
    const linkedByName = new Set(
      (await db.select().from(koladaLinks).where(eq(koladaLinks.method, 'name')).all()).map((l) => l.unitId),
    );
    const nameLinked = ht.items.filter((u) => linkedByName.has(u.id));
    expect(nameLinked.length).toBeGreaterThan(0);
    const reasons = nameLinked.flatMap((u) => u.indicators.map((i) => i.missingReason));
    expect(reasons).not.toContain('not_linked');
    expect(reasons).toContain('no_data');

    const sb = await json<UnitList>(app.request(SB_UNITS));
    expect(sb.dataset.kind).toBe('live');
    expect(indicator(sb, 'Åkerbärets äldreboende', 'U23471')).toMatchObject({
      value: 93,
      period: '2026',
      comparison: { kommun: 79, riket: 87 },
    });
  });

  it('records each unit figure in the history, by "sync"', async () => {
    const db = await liveDb();
    await syncKolada(db, kolada().client, { now: () => NOW });
    const norr = await unitId(db, 'Hemtjänstgrupp Norr');
    const rows = await db.select().from(changes).where(eq(changes.unitId, norr)).all();
    const sync = rows.filter((r) => r.actor === 'sync');
    expect(
      sync.every((r) => r.kind === 'indicator' && r.huvudman === '0581' && r.service === 'hemtjanst'),
    ).toBe(true);
    expect(sync.find((r) => r.field === 'U21468 2026')).toMatchObject({ oldValue: null, newValue: 71 });
    expect(sync).toHaveLength(8); // 4 KPIs with figures × 2 years
  });

  it('changes nothing on a second identical sync: no version, no data_version, no history', async () => {
    const db = await liveDb();
    const { client } = kolada();
    await syncKolada(db, client, { now: () => NOW });
    const before = await snapshot(db);
    const report = await syncKolada(db, client, { now: () => LATER });
    expect(report.totals).toMatchObject({ synced: 1, added: 0, changed: 0, removed: 0 });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('Kolada sync: incremental and failing syncs', () => {
  it('applies only what changed since --from-date, deletions included', async () => {
    const db = await liveDb();
    const { client, fake } = kolada();
    await syncKolada(db, client, { now: () => NOW });
    const report = await syncKolada(db, client, { fromDate: '2026-10-01', years: [2026], now: () => LATER });

    expect(fake.urls().filter((u) => u.includes('from_date=2026-10-01')).length).toBeGreaterThan(0);
    expect(report.totals).toMatchObject({ added: 0, changed: 2, removed: 2 });
    const norr = await unitId(db, 'Hemtjänstgrupp Norr');
    const kvarn = await unitId(db, 'Kvarnbäckens Omsorg AB');
    expect(await storedValue(db, norr, 'U21468', '2026')).toMatchObject({
      value: 88,
      respondents: 45,
      fetchedAt: LATER.toISOString(),
    });
    expect(await storedValue(db, norr, 'U21467', '2026')).toMatchObject({
      value: 73,
      fetchedAt: NOW.toISOString(),
    });
    expect(await storedValue(db, kvarn, 'U21468', '2026')).toBeUndefined();
    expect(await storedValue(db, kvarn, 'U21466', '2026')).toBeUndefined();
    expect(await storedValue(db, kvarn, 'U21468', '2025')).toMatchObject({ value: 67 });

    const history = await db.select().from(changes).where(eq(changes.actor, 'sync')).all();
    const last = history.filter((h) => h.at === LATER.toISOString());
    expect(last.map((h) => [h.unitId, h.field, h.oldValue, h.newValue]).sort()).toEqual(
      [
        [norr, 'U21466 2026', 96, 64],
        [norr, 'U21468 2026', 71, 88],
        [kvarn, 'U21466 2026', 97, null],
        [kvarn, 'U21468 2026', 86, null],
      ].sort(),
    );
    // With its 2026 figure gone, Kvarnbäcken shows 2025, compared with 2025.
    const ht = await json<UnitList>(testApp(db).request(HT_UNITS));
    expect(indicator(ht, 'Kvarnbäckens Omsorg AB', 'U21468')).toMatchObject({
      value: 67,
      period: '2025',
      comparison: { kommun: 86, riket: 92 },
    });
  });

  it('an incremental sync still replaces every figure of a unit whose link changed', async () => {
    const db = await liveDb();
    const { client, fake } = kolada();
    await syncKolada(db, client, { now: () => NOW });
    const kvarn = await unitId(db, 'Kvarnbäckens Omsorg AB');
    expect(await storedValue(db, kvarn, 'U21468', '2025')).toMatchObject({ value: 67 }); // from OU …104

    const corrected = REGISTER.map((line) =>
      line.includes('Kvarnbäckens') ? line.replace(/;$/, ';V21E058100103') : line,
    );
    await imported(db, corrected, LATER);
    await syncKolada(db, client, { fromDate: '2026-10-01', years: [2026], now: () => LATER });

    // All of OU …103's figures, every year, with the change since 2026-10-01 on top; nothing of …104.
    expect(fake.urls()).toContain(
      'https://api.kolada.se/v3/oudata/kpi/U21468,U21466,U21467,U21477,U21475,U21461,U21462,U21463,U21465,U21481,N21495,N21497,N21608/ou/V21E058100103',
    );
    expect(await storedValue(db, kvarn, 'U21468', '2026')).toMatchObject({ value: 72, respondents: 61 });
    expect(await storedValue(db, kvarn, 'U21467', '2026')).toMatchObject({ value: 66 });
    expect(await storedValue(db, kvarn, 'U21468', '2025')).toMatchObject({ value: 70 });
    expect(await storedValue(db, kvarn, 'N21608', '2025')).toMatchObject({ value: 94 });
  });

  it('an incremental sync removes what a relinked or unlinked unit had from its former OU', async () => {
    const db = await liveDb();
    const { client } = kolada();
    await syncKolada(db, client, { now: () => NOW });
    const kvarn = await unitId(db, 'Kvarnbäckens Omsorg AB');
    const oster = await unitId(db, 'Hemtjänst Öster och Centrum');

    // The editor gives Kvarnbäcken OU …106 (which has no 2025 figures), the one Öster was linked to by name.
    const corrected = REGISTER.map((line) =>
      line.includes('Kvarnbäckens') ? line.replace(/;$/, ';V21E058100106') : line,
    );
    await imported(db, corrected, LATER);
    await syncKolada(db, client, { fromDate: '2026-10-01', years: [2026], now: () => LATER });

    expect(await storedValue(db, kvarn, 'U21468', '2026')).toMatchObject({ value: 86, respondents: 20 });
    expect(await storedValue(db, kvarn, 'U21468', '2025')).toBeUndefined();
    expect(await db.select().from(indicatorValues).where(eq(indicatorValues.subject, oster)).all()).toEqual(
      [],
    );
  });

  it('waits out a 429 and syncs', async () => {
    const db = await liveDb();
    const { client, fake, clock } = kolada();
    fake.queue(OU_LIST, { status: 429, headers: { 'retry-after': '3' } });
    const report = await syncKolada(db, client, { now: () => NOW });
    expect(report.totals).toMatchObject({ synced: 1, failed: 0, linked: 8 });
    expect(fake.urls().filter((u) => u === OU_LIST)).toHaveLength(2);
    expect(clock.sleeps).toContain(3000);
  });

  it('a timeout fails that kommun only: the API serves exactly what it served before, the next kommun syncs', async () => {
    const db = await liveDb();
    await imported(db, [HEADER, '0580;hemtjanst;Björkhagens Hemtjänst AB;privat;2026-10-01;l1;']);
    const { client, fake } = kolada();
    fake.route('https://api.kolada.se/v3/ou?municipality=0580', {
      body: { values: [{ id: 'V21E058000101', municipality: '0580', title: 'Björkhagens Hemtjänst AB' }] },
    });
    const first = await syncKolada(db, client, { now: () => NOW });
    expect(first.totals).toMatchObject({ synced: 2, failed: 0 });
    const before = await snapshot(db);

    // Now Kolada has new unit figures for 0581, but its comparison figures never come.
    const rows = rowsFromFixtures();
    const bumped = { ...rows, base: rows.base.map((r) => (r.ou ? bump(r) : r)) };
    fake.fallback((request) => {
      if (request.url.includes('/data/kpi/') && request.url.includes('/municipality/0581'))
        return { hang: true };
      return answerFromRows(request.url, bumped);
    });
    const report = await syncKolada(db, client, { now: () => LATER });

    expect(report.kommuner.map((k) => [k.kommun, k.outcome])).toEqual([
      ['0580', 'synced'],
      ['0581', 'failed'],
    ]);
    const failed = report.kommuner[1];
    expect(failed?.outcome === 'failed' && failed.error).toMatch(/Kolada svarar inte: inget svar inom 40 ms/);
    expect(formatSyncReport(report).join('\n')).toContain('0581: MISSLYCKADES');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a malformed answer: a clear error, and nothing of the kommun is written', async () => {
    const db = await liveDb();
    const before = await snapshot(db);
    const { client, fake } = kolada();
    const rows = rowsFromFixtures();
    fake.fallback((request) =>
      request.url.includes('/oudata/kpi/U23471')
        ? { body: { values: [{ kpi: 'U23471', ou: 'V23E058100201', period: 'förra året', values: [] }] } }
        : answerFromRows(request.url, rows),
    );
    const report = await syncKolada(db, client, { now: () => NOW });

    const result = report.kommuner[0];
    expect(result?.outcome).toBe('failed');
    expect(result?.outcome === 'failed' && result.error).toMatch(/Oväntat svar från Kolada .*oudata.*period/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('Kolada sync: demo data', () => {
  it('skips a kommun that has only demo units, without asking Kolada', async () => {
    const db = await createTestDb({ demo: true });
    const before = await snapshot(db);
    const { client, fake } = kolada();
    const report = await syncKolada(db, client, { now: () => NOW });

    expect(report.kommuner.map((k) => [k.kommun, k.outcome])).toEqual([
      ['0380', 'skipped'],
      ['0581', 'skipped'],
    ]);
    expect(formatSyncReport(report).join('\n')).toContain('bara demoenheter');
    expect(fake.requests).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves no demo figure in a system once a real register and the sync have replaced it', async () => {
    const db = await createTestDb({ demo: true });
    await imported(db, REGISTER);
    const report = await syncKolada(db, kolada().client, { now: () => NOW });
    expect(report.kommuner.map((k) => [k.kommun, k.outcome])).toEqual([
      ['0380', 'skipped'],
      ['0581', 'synced'],
    ]);

    const norrkoping = await db
      .select()
      .from(indicatorValues)
      .where(eq(indicatorValues.subject, '0581'))
      .all();
    expect(norrkoping.length).toBeGreaterThan(0);
    expect(norrkoping.filter((v) => v.kind === 'demo')).toEqual([]);
    const ht = await json<UnitList>(testApp(db).request(HT_UNITS));
    expect(ht.dataset.kind).toBe('live');

    // Uppsala stays demo: its own invented figures, never a real one beside them.
    const uppsala = await json<UnitList>(testApp(db).request('/v1/kommuner/0380/units?service=hemtjanst'));
    expect(uppsala.dataset.kind).toBe('demo');
    const figures = uppsala.items.flatMap((u) => u.indicators);
    expect(figures.some((i) => i.value !== null && i.source.id === 'demo')).toBe(true);
    expect(figures.filter((i) => i.source.id === 'kolada' && i.value !== null)).toEqual([]);
  });
});

/** The same row with every figure one higher. */
function bump(row: RawRow): RawRow {
  return { ...row, values: row.values.map((v) => ({ ...v, value: v.value === null ? null : v.value + 1 })) };
}
