import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, tuneEmbeddedDatabase } from '../../api/db/client';
import { migrateDatabase } from '../../api/db/migrate';
import { loadReferenceData } from '../../api/db/seed';
import { importRegister } from '../../api/register/import';
import { KOMMUNER } from '../../shared/reference';
import { snapshot } from './snapshot';
import { sleep, spawnTs } from './spawn';
import { tally } from './tally';

const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-kill-'));
const file = join(dir, 'register.db');
const url = `file:${file}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A national register: every kommun's hemtjänst with `perKommun` units. */
function register(perKommun: number, label: string): string {
  const rows = ['huvudman;tjanst;namn;regi;verifierad;id;omraden;adress'];
  for (const k of KOMMUNER) {
    for (let i = 0; i < perKommun; i++) {
      rows.push(
        `${k.code};hemtjanst;${label} ${k.code} nr ${i} AB;privat;2026-10-01;${label}-${i};Norr|Söder;Gatan ${i}`,
      );
    }
  }
  return rows.join('\n');
}

const walBytes = () => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

async function readState() {
  const db = openDatabase(url);
  const state = await snapshot(db, { everyRow: true });
  const { rows } = await db.$client.execute('PRAGMA integrity_check');
  db.$client.close();
  return { state, integrity: rows.map((r) => String(Object.values(r)[0])).join(', ') };
}

describe('a process killed in the middle of an import', () => {
  it('leaves the previous data complete and consistent', async () => {
    const db = openDatabase(url);
    await tuneEmbeddedDatabase(db, url);
    await migrateDatabase(db);
    await loadReferenceData(db);
    const previous = await importRegister(db, register(2, 'Tidigare'), { actor: 'cli' });
    expect(previous.ok).toBe(true);
    db.$client.close();
    const before = await readState();
    expect(before.integrity).toBe('ok');
    expect(before.state).toContain('Tidigare 0581 nr 1 AB');

    const big = join(dir, 'big.csv');
    writeFileSync(big, register(25, 'Ny'));
    const child = spawnTs('api/cli/import.ts', [big], { DATABASE_URL: url });
    // The transaction spills pages to the WAL as it goes (about 6.7 MB at commit): kill it at 1 MB.
    let killedAt = 0;
    const until = Date.now() + 60_000;
    while (Date.now() < until && child.child.exitCode === null) {
      if (walBytes() > 1_000_000) {
        killedAt = walBytes();
        child.child.kill('SIGKILL');
        break;
      }
      await sleep(20);
    }
    expect(await child.exited, `the import ended before it could be killed:\n${child.output()}`).toBe(
      'SIGKILL',
    );
    expect(killedAt).toBeGreaterThan(1_000_000);

    const after = await readState();
    expect(after.integrity).toBe('ok');
    expect(after.state).toBe(before.state);
    tally(
      'faults',
      `SIGKILL mid-import of 7 250 units (WAL at ${(killedAt / 1e6).toFixed(1)} MB)`,
      'previous data intact, integrity ok',
    );
  });
});
