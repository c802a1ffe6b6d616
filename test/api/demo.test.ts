import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { units } from '../../api/db/schema';
import { loadDemoDataset } from '../../api/db/seed';
import { importRegister } from '../../api/register/import';
import type { UnitList } from '../../shared/domain';
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
});
