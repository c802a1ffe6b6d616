import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { units } from '../../api/db/schema';
import { loadDemoDataset } from '../../api/db/seed';
import { importRegister } from '../../api/register/import';
import type { UnitList } from '../../shared/domain';
import { countIsRespondents } from '../../shared/reference/indicators';
import { createTestDb, json, NOW, testApp } from './helpers';

describe('the demo dataset', () => {
  it('is loaded only into a database that has no units', async () => {
    const db = await createTestDb();
    const imported = await importRegister(
      db,
      'huvudman;tjanst;namn;regi;verifierad\n0114;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01',
      { now: NOW },
    );
    expect(imported.ok).toBe(true);
    expect(await loadDemoDataset(db, NOW)).toBe(false);
    const [row] = await db.select({ n: count() }).from(units);
    expect(row!.n).toBe(1);
  });

  it('uses only invented names, each marked as such, and says so in every list', async () => {
    const db = await createTestDb({ demo: true });
    const app = testApp(db);
    const lists = await Promise.all(
      [
        '/v1/kommuner/0581/units?service=hemtjanst',
        '/v1/kommuner/0581/units?service=sarskilt_boende',
        '/v1/kommuner/0380/units?service=hemtjanst',
        '/v1/regioner/05/units?service=vardcentral',
      ].map((path) => json<UnitList>(app.request(path))),
    );
    for (const list of lists) {
      // A demo list rests on the demo's invented register.
      expect(list.dataset).toMatchObject({ kind: 'demo', basis: 'register' });
      for (const unit of list.items) {
        expect(unit.origin).toBe('register');
        expect(unit.originNote).toMatch(/^Exempeldata/);
        expect(unit.name).toMatch(/Exempel|Demo|Övning|Påhittad/);
        expect(unit.contact.website ?? '').toMatch(/^https:\/\/exempel\.invalid\//);
      }
    }
  });

  it('gives a count only to a figure whose source counts people or cases: never "53 svar" beside the unit survey', async () => {
    const db = await createTestDb({ demo: true });
    const list = await json<UnitList>(testApp(db).request('/v1/kommuner/0581/units?service=hemtjanst'));
    const unitSurvey = list.indicators.filter((d) => !countIsRespondents(d.id));
    const userSurvey = list.indicators.filter((d) => countIsRespondents(d.id));
    expect(unitSurvey.length).toBeGreaterThan(0);
    expect(userSurvey.length).toBeGreaterThan(0);
    for (const d of unitSurvey) expect(d.countNoun).toBeNull();
    for (const d of userSurvey) expect(d.countNoun).toBe('svarande');
    const figures = list.items.flatMap((u) => u.indicators);
    const shownUnitSurvey = figures.filter((f) => unitSurvey.some((d) => d.id === f.id) && f.value !== null);
    const shownUserSurvey = figures.filter((f) => userSurvey.some((d) => d.id === f.id) && f.value !== null);
    expect(shownUnitSurvey.length).toBeGreaterThan(0);
    expect(shownUserSurvey.length).toBeGreaterThan(0);
    expect(shownUnitSurvey.map((f) => f.respondents)).toEqual(shownUnitSurvey.map(() => null));
    expect(shownUserSurvey.every((f) => (f.respondents ?? 0) >= 10)).toBe(true);
  });

  it("gives the demo region's vårdcentraler figures of the catalogue, with the region's and the country's of the same period", async () => {
    const db = await createTestDb({ demo: true });
    const list = await json<UnitList>(testApp(db).request('/v1/regioner/05/units?service=vardcentral'));
    expect(list.dataset.kind).toBe('demo');
    expect(list.indicators.map((d) => d.id)).toContain('npe_vard_och_behandling_medel');
    expect(list.indicators.find((d) => d.isDefault)?.id).toBe('npe_vard_och_behandling_medel');
    expect(list.items.length).toBeGreaterThanOrEqual(3);
    const shown = list.items.flatMap((u) => u.indicators).filter((f) => f.value !== null);
    expect(shown.length).toBeGreaterThan(20);
    for (const f of shown) {
      expect(f.source.id).toBe('demo');
      expect(f.comparison.area).toBe('region');
      expect(f.comparison.details.kommun?.period).toBe(f.period);
      expect(f.comparison.details.riket?.period).toBe(f.period);
      expect(f.comparison.kommun).toBe(f.comparison.details.kommun?.value);
      const scale = list.indicators.find((d) => d.id === f.id)!.scale;
      expect(f.value!).toBeGreaterThanOrEqual(scale.min);
      expect(f.value!).toBeLessThanOrEqual(scale.max);
    }
  });
});
