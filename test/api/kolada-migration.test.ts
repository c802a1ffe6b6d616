import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/client';
import { migrateDatabase } from '../../api/db/migrate';
import { indicatorValues, units } from '../../api/db/schema';
import { loadReferenceData } from '../../api/db/seed';
import type { UnitList } from '../../shared/domain';
import { json, testApp } from './helpers';

/**
 * A database made before the baseline (migrations 0000-0002), with a register unit whose kolada_ou
 * held one id and Kolada figures stored under the unit, is brought to today's schema without losing
 * them: kolada_ou becomes a list, the figures move to the OU the unit was linked to.
 */
const MIGRATIONS = fileURLToPath(new URL('../../api/db/migrations', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function migrationsUpTo(tag: string): string {
  const folder = join(dir, 'migrations-old');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migration 0003: baseline units and survey units', () => {
  it("keeps an older database's kolada_ou and Kolada figures, moved to the new shape", async () => {
    const url = `file:${join(dir, 'old.db')}`;
    const db = openDatabase(url);
    await migrate(db, { migrationsFolder: migrationsUpTo('0002_kolada_sync') });
    await db.run(sql`INSERT INTO huvudman (code, kind, name, short_name, lan_code, lan_name)
      VALUES ('0581', 'kommun', 'Norrköpings kommun', 'Norrköping', '05', 'Östergötlands län')`);
    const unit = (
      id: string,
      ou: string | null,
    ) => sql`INSERT INTO units (id, huvudman, service, identity_key,
      name, regi, aliases, areas, scope, languages, extra_services, kolada_ou, verified_at, status, kind,
      created_at, updated_at) VALUES (${id}, '0581', 'hemtjanst', ${`0581/hemtjanst/id:${id}`}, ${`Enhet ${id}`},
      'privat', '[]', '[]', '[]', '[]', '[]', ${ou}, '2026-10-01', 'aktiv', 'live', 'x', 'x')`;
    await db.run(unit('u_old1', 'V21E058100101'));
    await db.run(unit('u_old2', null));
    await db.run(sql`INSERT INTO kolada_links (unit_id, huvudman, service, ou, ou_title, method, linked_at)
      VALUES ('u_old1', '0581', 'hemtjanst', 'V21E058100101', 'Hemtjänstgrupp Norr', 'register', 'x')`);
    await db.run(sql`INSERT INTO indicator_values (indicator_id, scope, subject, period, value, respondents, kind,
      source_id, fetched_at) VALUES ('U21468', 'unit', 'u_old1', '2026', 71, 70, 'live', 'kolada', 'x'),
      ('U21468', 'kommun', '0581', '2026', 88, 1390, 'live', 'kolada', 'x')`);

    await migrateDatabase(db);
    await loadReferenceData(db);

    const rows = await db
      .select({ id: units.id, koladaOu: units.koladaOu, origin: units.origin })
      .from(units)
      .all();
    expect(rows.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'u_old1', koladaOu: ['V21E058100101'], origin: 'register' },
      { id: 'u_old2', koladaOu: [], origin: 'register' },
    ]);
    expect(await db.select().from(indicatorValues).where(eq(indicatorValues.scope, 'unit')).all()).toEqual(
      [],
    );
    expect(
      await db.select().from(indicatorValues).where(eq(indicatorValues.subject, 'V21E058100101')).all(),
    ).toEqual([
      expect.objectContaining({
        scope: 'ou',
        indicatorId: 'U21468',
        period: '2026',
        value: 71,
        respondents: 70,
      }),
    ]);
    const list = await json<UnitList>(testApp(db).request('/v1/kommuner/0581/units?service=hemtjanst'));
    const old1 = list.items.find((u) => u.id === 'u_old1')!;
    expect(old1.indicators.find((i) => i.id === 'U21468')).toMatchObject({
      value: 71,
      comparison: { kommun: 88 },
    });
    db.$client.close();
  });
});
