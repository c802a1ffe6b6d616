import { and, eq } from 'drizzle-orm';
import type { Database } from '../../api/db/client';
import { readDataVersion } from '../../api/db/data-version';
import {
  changes,
  datasets,
  indicatorValues,
  koladaLinks,
  koladaOus,
  koladaUnlinkedOus,
  units,
} from '../../api/db/schema';
import { importRegister } from '../../api/register/import';
import type { Unit, UnitList } from '../../shared/domain';
import { offlineKolada } from '../fixtures/kolada/offline-kolada';
import { NOW, testApp } from './helpers';
import { type FixtureRows, rowsFromFixtures, serveFixtureRows } from './kolada-sync.fake';

/** The fixtures' kommuner: a register in the tests (0581), baseline only (0580), no elderly care (0117). */
export const FIXTURE_KOMMUNER = ['0581', '0580', '0117'];
export const LATER = new Date(NOW.getTime() + 86_400_000);
export const HEADER = 'huvudman;tjanst;namn;regi;verifierad;id;kolada_ou';

export async function imported(db: Database, lines: readonly string[], now = NOW) {
  const result = await importRegister(db, lines.join('\r\n'), { now });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return db;
}

/**
 * An offline Kolada on a virtual clock with short timeouts, answering from the fixtures: their
 * recorded pages where a URL has one, else their rows. Given other rows, it answers only from those.
 */
export function kolada(rows?: FixtureRows) {
  const offline = offlineKolada({
    timeoutMs: 40,
    maxRetries: 1,
    ...(rows ? { fixtures: false as const } : {}),
  });
  serveFixtureRows(offline.fake, rows ?? rowsFromFixtures());
  return offline;
}

export async function unitId(db: Database, name: string): Promise<string> {
  const row = await db.select({ id: units.id }).from(units).where(eq(units.name, name)).get();
  if (!row) throw new Error(`no unit ${name}`);
  return row.id;
}

export async function storedValue(db: Database, subject: string, kpi: string, period: string) {
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

export async function list(db: Database, kommun: string, service = 'hemtjanst', query = '') {
  const response = await testApp(db).request(`/v1/kommuner/${kommun}/units?service=${service}${query}`);
  if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as UnitList;
}

export function unitIn(l: UnitList, name: string): Unit {
  const unit = l.items.find((u) => u.name === name);
  if (!unit) throw new Error(`no unit ${name} in ${l.items.map((u) => u.name).join(', ')}`);
  return unit;
}

export function indicator(l: UnitList, name: string, kpi: string) {
  const found = unitIn(l, name).indicators.find((i) => i.id === kpi);
  if (!found) throw new Error(`no ${kpi} for ${name}`);
  return found;
}

/** Everything a reader could see, and everything the sync keeps, to compare before and after. */
export async function snapshot(db: Database, kommuner: readonly string[] = FIXTURE_KOMMUNER) {
  const app = testApp(db);
  const lists: Record<string, { etag: string | null; body: string }> = {};
  for (const kommun of kommuner) {
    for (const service of ['hemtjanst', 'sarskilt_boende']) {
      const res = await app.request(`/v1/kommuner/${kommun}/units?service=${service}&includeEnded=true`);
      lists[`${kommun}/${service}`] = { etag: res.headers.get('etag'), body: await res.text() };
    }
  }
  return {
    lists,
    dataVersion: await readDataVersion(db),
    datasets: await db.select().from(datasets).all(),
    units: await db.select().from(units).all(),
    values: await db.select().from(indicatorValues).all(),
    history: await db.select().from(changes).all(),
    links: await db.select().from(koladaLinks).all(),
    ous: await db.select().from(koladaOus).all(),
    unlinked: await db.select().from(koladaUnlinkedOus).all(),
  };
}
