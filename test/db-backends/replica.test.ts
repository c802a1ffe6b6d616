import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../api/config';
import { prepareDatabase } from '../../api/database';
import type { Database } from '../../api/db/client';
import { startReplicaSync } from '../../api/db/replica';
import { units } from '../../api/db/schema';
import { importRegister } from '../../api/register/import';
import type { UnitList } from '../../shared/domain';
import { json, NOW, testApp } from '../api/helpers';
import { type SqldServer, startSqld } from './sqld';

const HEADER = 'huvudman;tjanst;namn;regi;verifierad;id';
const register = (...names: string[]) =>
  [HEADER, ...names.map((name) => `0114;hemtjanst;${name};privat;2026-10-01;${name.split(' ')[0]}`)].join(
    '\n',
  );
const UNITS = '/v1/kommuner/0114/units?service=hemtjanst';

async function imported(db: Database, csv: string) {
  const result = await importRegister(db, csv, { now: NOW });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.summary;
}

const unitCount = async (db: Database) => (await db.select({ n: count() }).from(units).get())!.n;

// An API instance on an embedded replica of a real libSQL server (sqld): reads local, writes forwarded.
describe('an embedded replica of the primary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-replica-'));
  let server: SqldServer;
  let primary: Database;
  let replica: Database;
  let replicaNumber = 0;
  const openReplica = () =>
    prepareDatabase({
      DATABASE_URL: `file:${join(dir, `replica-${++replicaNumber}.db`)}`,
      DATABASE_SYNC_URL: server.url,
    });

  beforeAll(async () => {
    server = await startSqld(join(dir, 'primary'));
    primary = await prepareDatabase({ DATABASE_URL: server.url });
    await imported(primary, register('Alfa Exempelomsorg AB'));
    replica = await openReplica();
  });
  afterAll(async () => {
    primary?.$client.close();
    replica?.$client.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the primary data, and serves the primary new data once it has pulled it', async () => {
    const app = testApp(replica);
    const before = await app.request(UNITS);
    expect((await json<UnitList>(before.clone())).items.map((u) => u.name)).toEqual([
      'Alfa Exempelomsorg AB',
    ]);

    await imported(primary, register('Alfa Exempelomsorg AB', 'Beta Demohemtjänst AB'));
    // Reads are local: until the replica pulls, it serves what it has.
    const stale = await app.request(UNITS);
    expect(stale.headers.get('etag')).toBe(before.headers.get('etag'));

    await startReplicaSync(replica, { intervalSeconds: 0 }).syncNow();
    const fresh = await app.request(UNITS, { headers: { 'If-None-Match': before.headers.get('etag')! } });
    expect(fresh.status).toBe(200);
    expect((await json<UnitList>(fresh)).items.map((u) => u.name)).toEqual([
      'Alfa Exempelomsorg AB',
      'Beta Demohemtjänst AB',
    ]);
  });

  it('pulls on its own every DATABASE_SYNC_INTERVAL seconds', async () => {
    const other = await openReplica();
    const sync = startReplicaSync(other, { intervalSeconds: 0.1 });
    try {
      const app = testApp(other);
      const names = async () => (await json<UnitList>(app.request(UNITS))).items.map((u) => u.name);
      await imported(primary, register('Alfa Exempelomsorg AB', 'Beta Demohemtjänst AB', 'Gamma Omsorg AB'));
      await expect.poll(names, { timeout: 5000, interval: 50 }).toContain('Gamma Omsorg AB');
    } finally {
      sync.stop();
      other.$client.close();
    }
  });

  it('forwards writes, even a whole import transaction, to the primary and reads its own writes', async () => {
    const summary = await imported(replica, register('Alfa Exempelomsorg AB', 'Delta Vård AB'));
    expect(summary).toMatchObject({ added: 1, changed: 0, ended: 2, unchanged: 1 });
    const onPrimary = await primary.select().from(units).where(eq(units.name, 'Delta Vård AB')).all();
    expect(onPrimary).toHaveLength(1);
    // No pull needed to see its own write.
    const list = await json<UnitList>(testApp(replica).request(UNITS));
    expect(list.items.map((u) => u.name)).toContain('Delta Vård AB');
  });

  it('rolls a failed import back on the primary: nothing of it is written', async () => {
    const before = await unitCount(primary);
    const failing = importRegister(replica, register('Alfa Exempelomsorg AB', 'Epsilon AB'), {
      now: NOW,
      onCommit: async () => {
        throw new Error('refused at commit');
      },
    });
    await expect(failing).rejects.toThrow('refused at commit');
    expect(await unitCount(primary)).toBe(before);
    expect(await unitCount(replica)).toBe(before);
    expect(await primary.select().from(units).where(eq(units.name, 'Epsilon AB')).all()).toEqual([]);
  });

  it('keeps serving what it has while the primary is down, and reports failed pulls', async () => {
    const lonely = await startSqld(join(dir, 'lonely'));
    const db = await prepareDatabase({
      DATABASE_URL: `file:${join(dir, 'lonely-replica.db')}`,
      DATABASE_SYNC_URL: lonely.url,
    });
    await imported(db, register('Zeta Omsorg AB'));
    await lonely.stop();
    const errors: unknown[] = [];
    const sync = startReplicaSync(db, { intervalSeconds: 0.05, onError: (error) => errors.push(error) });
    try {
      await expect.poll(() => errors.length, { timeout: 5000, interval: 50 }).toBeGreaterThan(0);
      const res = await testApp(db).request(UNITS);
      expect(res.status).toBe(200);
      expect((await json<UnitList>(res)).items.map((u) => u.name)).toEqual(['Zeta Omsorg AB']);
    } finally {
      sync.stop();
      db.$client.close();
    }
  });

  it('refuses a replica that is not a file, and names both ends when the primary is unreachable', async () => {
    expect(() => readConfig({ DATABASE_URL: server.url, DATABASE_SYNC_URL: server.url })).toThrow(
      /DATABASE_URL must name the replica file/,
    );
    const config = readConfig({
      DATABASE_URL: `file:${join(dir, 'x.db')}`,
      DATABASE_SYNC_URL: 'http://127.0.0.1:9',
    });
    expect(config.DATABASE_SYNC_INTERVAL).toBe(60);
    await expect(prepareDatabase(config)).rejects.toThrow(/x\.db \(replica of http:\/\/127\.0\.0\.1:9\)/);
  });
});
