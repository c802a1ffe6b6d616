import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { units } from '../../api/db/schema';
import { checkEnding, MAX_UNITS_PER_SYSTEM } from '../../api/register/guards';
import { importRegister, previewRegisterImport } from '../../api/register/import';
import { planImport } from '../../api/register/plan';
import type { UnitList } from '../../shared/domain';
import { parseRegister } from '../../shared/register';
import { createTestDb, json, NOW, TODAY, testApp } from './helpers';

const HEADER = 'huvudman;tjanst;namn;regi;verifierad;id;omraden';
const register = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

const ALFA = '0114;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01;a1;Norr';
const BETA = '0114;hemtjanst;Beta Demohemtjänst AB;privat;2026-10-01;b2;Söder';
const EGEN = '0114;hemtjanst;Exempelkommunens hemtjänst;egen_regi;2026-10-01;e3;Norr|Söder';

const later = new Date(NOW.getTime() + 86_400_000);

async function ok(result: ReturnType<typeof importRegister>) {
  const r = await result;
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.summary;
}

describe('importing a register', () => {
  it('adds every unit of a new register and reports a summary', async () => {
    const db = await createTestDb();
    const summary = await ok(importRegister(db, register(ALFA, BETA, EGEN), { now: NOW }));
    expect(summary).toMatchObject({ added: 3, changed: 0, ended: 0, unchanged: 0 });
    const list = await json<UnitList>(testApp(db).request('/v1/kommuner/0114/units?service=hemtjanst'));
    expect(list.dataset.kind).toBe('live');
    expect(list.items.map((u) => u.name)).toEqual([
      'Alfa Exempelomsorg AB',
      'Beta Demohemtjänst AB',
      'Exempelkommunens hemtjänst',
    ]);
  });

  it('treats re-importing the same file as a no-op: nothing changes, not even the ETag', async () => {
    const db = await createTestDb();
    const app = testApp(db);
    await ok(importRegister(db, register(ALFA, BETA), { now: NOW }));
    const before = await app.request('/v1/kommuner/0114/units?service=hemtjanst');
    const rowsBefore = await db.select().from(units).all();
    const summary = await ok(importRegister(db, register(ALFA, BETA), { now: later }));
    expect(summary).toMatchObject({ added: 0, changed: 0, ended: 0, unchanged: 2 });
    expect(await db.select().from(units).all()).toEqual(rowsBefore);
    const after = await app.request('/v1/kommuner/0114/units?service=hemtjanst');
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
  });

  it('ends units that leave the register, keeping them with the date', async () => {
    const db = await createTestDb();
    const app = testApp(db);
    await ok(importRegister(db, register(ALFA, BETA, EGEN), { now: NOW }));
    const summary = await ok(importRegister(db, register(ALFA, EGEN), { now: later }));
    expect(summary).toMatchObject({ added: 0, changed: 0, ended: 1, unchanged: 2 });

    const active = await json<UnitList>(app.request('/v1/kommuner/0114/units?service=hemtjanst'));
    expect(active.items.map((u) => u.name)).not.toContain('Beta Demohemtjänst AB');
    const all = await json<UnitList>(
      app.request('/v1/kommuner/0114/units?service=hemtjanst&includeEnded=true'),
    );
    expect(all.items.find((u) => u.name === 'Beta Demohemtjänst AB')).toMatchObject({
      status: 'avslutad',
      statusDate: later.toISOString().slice(0, 10),
    });
  });

  it('brings an ended unit back when it returns to the register', async () => {
    const db = await createTestDb();
    await ok(importRegister(db, register(ALFA, BETA), { now: NOW }));
    await ok(importRegister(db, register(ALFA), { now: NOW }));
    const summary = await ok(importRegister(db, register(ALFA, BETA), { now: later }));
    expect(summary).toMatchObject({ added: 0, changed: 1, ended: 0 });
    const beta = await db.select().from(units).where(eq(units.registerId, 'b2')).get();
    expect(beta).toMatchObject({ status: 'aktiv', statusDate: null });
  });

  it('updates changed fields in place, keeping the unit id, and reports which fields changed', async () => {
    const db = await createTestDb();
    await ok(importRegister(db, register(ALFA), { now: NOW }));
    const [before] = await db.select().from(units).all();
    const summary = await ok(
      importRegister(db, register('0114;hemtjanst;Alfa Exempelomsorg AB;privat;2026-11-01;a1;Norr|Öster'), {
        now: later,
      }),
    );
    expect(summary.changed).toBe(1);
    expect(summary.changes[0]!.changes.map((c) => c.field).sort()).toEqual(['areas', 'verifiedAt']);
    const [after] = await db.select().from(units).all();
    expect(after!.id).toBe(before!.id);
    expect(after!.areas).toEqual(['Norr', 'Öster']);
  });

  it('only touches the choice systems present in the file', async () => {
    const db = await createTestDb();
    await ok(
      importRegister(db, register(ALFA, '0114;sarskilt_boende;Gamma Exempelboende;privat;2026-10-01;g1;'), {
        now: NOW,
      }),
    );
    const summary = await ok(importRegister(db, register(BETA), { now: later }));
    expect(summary.systems).toEqual([
      { huvudman: '0114', service: 'hemtjanst', added: 1, changed: 0, ended: 1, unchanged: 0 },
    ]);
    const sabo = await db.select().from(units).where(eq(units.service, 'sarskilt_boende')).all();
    expect(sabo.map((u) => u.status)).toEqual(['aktiv']);
  });

  it('writes nothing at all when any row is bad, and reports every bad row', async () => {
    const db = await createTestDb();
    await ok(importRegister(db, register(ALFA), { now: NOW }));
    const before = await db.select().from(units).all();
    const result = await importRegister(
      db,
      register(
        BETA,
        '0114;hemtjanst;Felregi AB;privt;2026-10-01;f1;',
        EGEN,
        '9999;hemtjanst;Okänd AB;privat;2026-10-01;x;',
      ),
      { now: later },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: 'regi' }),
        expect.objectContaining({ line: 5, column: 'huvudman' }),
      ]),
    );
    expect(await db.select().from(units).all()).toEqual(before);
  });

  it("replaces a system's demo data with the real register, leaving no demo figures behind", async () => {
    const db = await createTestDb({ demo: true });
    const app = testApp(db);
    await ok(
      importRegister(
        db,
        [HEADER, '0581;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01;a1;Norr'].join('\n'),
        { now: later },
      ),
    );
    const list = await json<UnitList>(
      app.request('/v1/kommuner/0581/units?service=hemtjanst&includeEnded=true'),
    );
    expect(list.dataset.kind).toBe('live');
    expect(list.items.map((u) => u.name)).toEqual(['Alfa Exempelomsorg AB']);
    const indicators = list.items[0]!.indicators;
    expect(indicators.every((i) => i.value === null && i.missingReason === 'not_linked')).toBe(true);
    expect(indicators.every((i) => i.comparison.kommun === null && i.comparison.riket === null)).toBe(true);
    // Other systems keep their demo data, still labelled.
    const sabo = await json<UnitList>(app.request('/v1/kommuner/0581/units?service=sarskilt_boende'));
    expect(sabo.dataset.kind).toBe('demo');
  });

  it('is noticed by a running API: the next request serves the new data', async () => {
    const db = await createTestDb();
    const app = testApp(db);
    const empty = await json<UnitList>(app.request('/v1/kommuner/0114/units?service=hemtjanst'));
    expect(empty.items).toHaveLength(0);
    await ok(importRegister(db, register(ALFA), { now: NOW }));
    const full = await json<UnitList>(app.request('/v1/kommuner/0114/units?service=hemtjanst'));
    expect(full.items).toHaveLength(1);
  });
});

const unitsOf = (n: number, label = 'Enhet') =>
  Array.from(
    { length: n },
    (_, i) => `0114;hemtjanst;${label} ${i} Exempelomsorg AB;privat;2026-10-01;${label}-${i};Norr`,
  );

describe('the guard against a truncated upload (issue 16)', () => {
  it('refuses an upload that would end more than half of the active units, writing nothing', async () => {
    const db = await createTestDb();
    await ok(importRegister(db, register(...unitsOf(10)), { now: NOW }));
    const before = await db.select().from(units).all();
    const result = await importRegister(db, register(...unitsOf(4)), { now: later });
    expect(result).toMatchObject({ ok: false, refusal: { kind: 'ending_many', ending: 6 } });
    if (result.ok) return;
    expect(result.problems[0]!.message).toContain('avsluta 6 enheter');
    expect(result.problems[0]!.message).toContain('6 av 10 aktiva');
    expect(await db.select().from(units).all()).toEqual(before);
  });

  it('imports it when the confirmation names exactly the number that will end', async () => {
    const db = await createTestDb();
    await ok(importRegister(db, register(...unitsOf(10)), { now: NOW }));
    const wrong = await importRegister(db, register(...unitsOf(4)), { now: later, confirmEnding: 5 });
    expect(wrong).toMatchObject({ ok: false, refusal: { kind: 'ending_many', ending: 6 } });
    if (!wrong.ok) expect(wrong.problems[0]!.message).toContain('Bekräftelsen gällde 5 enheter');
    const summary = await ok(importRegister(db, register(...unitsOf(4)), { now: later, confirmEnding: 6 }));
    expect(summary).toMatchObject({ ended: 6, unchanged: 4 });
  });

  it('lets half end unconfirmed, and takes another share when configured', async () => {
    const db = await createTestDb();
    await ok(importRegister(db, register(...unitsOf(10)), { now: NOW }));
    expect(await ok(importRegister(db, register(...unitsOf(5)), { now: later }))).toMatchObject({ ended: 5 });
    const strict = await importRegister(db, register(...unitsOf(2)), { now: later, maxEndingShare: 0.5 });
    expect(strict.ok).toBe(false);
    const lenient = await ok(
      importRegister(db, register(...unitsOf(2)), { now: later, maxEndingShare: 0.7 }),
    );
    expect(lenient).toMatchObject({ ended: 3 });
  });

  it('never asks for one or two units, so a small system can replace a provider', async () => {
    const db = await createTestDb();
    await ok(importRegister(db, register(ALFA, BETA), { now: NOW }));
    expect(await ok(importRegister(db, register(EGEN), { now: later }))).toMatchObject({
      added: 1,
      ended: 2,
    });
  });

  it('is a pure check the editors’ page can run on a preview, writing nothing', async () => {
    const db = await createTestDb();
    await ok(importRegister(db, register(...unitsOf(10)), { now: NOW }));
    const rows = parseRegister(register(...unitsOf(4)), { today: TODAY });
    if (!rows.ok) throw new Error('invalid');
    const before = await db.select().from(units).all();
    const preview = await previewRegisterImport(db, rows.rows, { now: later });
    expect(preview.summary).toMatchObject({ ended: 6, unchanged: 4 });
    expect(preview.refused).toMatchObject({ refusal: { kind: 'ending_many', ending: 6 } });
    expect((await previewRegisterImport(db, rows.rows, { now: later, confirmEnding: 6 })).refused).toBeNull();
    const plan = await planImport(db, rows.rows, { kind: 'live', today: TODAY });
    expect(checkEnding(plan)).toMatchObject({ ok: false, ending: 6 });
    expect(checkEnding(plan, { confirmed: 6 })).toEqual({ ok: true, ending: 6 });
    expect(await db.select().from(units).all()).toEqual(before);
  });
});

describe('units per system (issue 16, defect 4)', () => {
  it('refuses an upload that would grow a system beyond the limit, ended units included', async () => {
    const db = await createTestDb();
    await ok(importRegister(db, register(...unitsOf(6, 'Gammal')), { now: NOW, maxUnitsPerSystem: 10 }));
    // New ids on every row: six more units, the six old ones end. 12 > 10.
    const result = await importRegister(db, register(...unitsOf(6, 'Ny')), {
      now: later,
      maxUnitsPerSystem: 10,
      confirmEnding: 6,
    });
    expect(result).toMatchObject({ ok: false, refusal: { kind: 'too_many_units', units: 12, limit: 10 } });
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/skulle få 12 enheter.*högst 10/);
  });

  it('has a default that no real system comes near', () => {
    expect(MAX_UNITS_PER_SYSTEM).toBe(10_000);
  });

  it('re-imports a system with many stored, mostly ended units as a no-op', async () => {
    const db = await createTestDb();
    await ok(importRegister(db, register(...unitsOf(3_000)), { now: NOW }));
    await ok(importRegister(db, register(...unitsOf(5)), { now: NOW, confirmEnding: 2_995 }));
    const summary = await ok(importRegister(db, register(...unitsOf(5)), { now: later }));
    expect(summary).toMatchObject({ added: 0, changed: 0, ended: 0, unchanged: 5 });
    expect(summary.changes).toEqual([]);
  });
});
