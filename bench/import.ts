/**
 * npm run bench:import
 * Register import cost against the number of units a system already holds (issue 16, defect 4: it was
 * quadratic). For 1 000, 10 000 and 60 000 units in one system, in fresh databases, side by side in one
 * run:
 *   - importing N new units (plan, one transaction, history) vs the bare libSQL write of the same unit
 *     rows (multi-row INSERTs in one transaction, no history): the ratio should not grow with N;
 *   - a 5-row upload that changes nothing while N units are stored (N - 5 of them ended) vs the bare
 *     read of every stored row of the system (what the import used to read; it now reads only the
 *     active units and the ended ones the file names again, so the ratio falls as N grows).
 * Also exports timeRegisterImport, the national import used by `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chunks, rowsPerStatement } from '../api/db/chunks';
import { type Database, openDatabase, tuneEmbeddedDatabase } from '../api/db/client';
import { migrateDatabase } from '../api/db/migrate';
import { loadReferenceData } from '../api/db/seed';
import { fieldsOf } from '../api/register/diff';
import { importCheckedRows, importRegister } from '../api/register/import';
import { unitId } from '../api/register/unit-id';
import { parseRegister, type RegisterRow } from '../shared/register';
import { nationalRegisterCsv, systemRegisterCsv } from './register-csv';

const NOW = new Date('2026-11-23T09:00:00Z');
const TODAY = '2026-11-23';

/**
 * Times one full register import (validation + one all-or-nothing transaction) into a freshly
 * migrated database at `url`: a `file:` or a libSQL server.
 */
export async function timeRegisterImport(url: string): Promise<{ seconds: number; rows: number }> {
  const { csv, rows } = nationalRegisterCsv();
  const db = await freshDatabase(url);
  try {
    const started = performance.now();
    const result = await importRegister(db, csv, { actor: 'bench' });
    const seconds = (performance.now() - started) / 1000;
    if (!result.ok) throw new Error(`bench register invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
    if (result.summary.added !== rows) throw new Error(`imported ${result.summary.added} of ${rows} rows`);
    return { seconds, rows };
  } finally {
    db.$client.close();
  }
}

async function freshDatabase(url: string): Promise<Database> {
  const db = openDatabase(url);
  await tuneEmbeddedDatabase(db, url);
  await migrateDatabase(db);
  await loadReferenceData(db);
  return db;
}

function rowsOf(csv: string): RegisterRow[] {
  const parsed = parseRegister(csv, { today: TODAY });
  if (!parsed.ok) throw new Error(`bench register invalid: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  return parsed.rows;
}

const seconds = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};

/** The same unit rows the import writes, inserted with the libSQL client and nothing else. */
async function bareWrite(db: Database, rows: readonly RegisterRow[]): Promise<void> {
  const now = NOW.toISOString();
  const values = rows.map((row) => {
    const f = fieldsOf(row);
    const json = JSON.stringify;
    return [
      unitId(row.huvudman, row.service, row.identityKey),
      row.huvudman,
      row.service,
      row.identityKey,
      f.registerId,
      f.name,
      f.regi,
      f.organisationsnummer,
      json(f.aliases),
      json(f.areas),
      json(f.scope),
      json(f.languages),
      json(f.extraServices),
      f.acceptsNewClients === null ? null : Number(f.acceptsNewClients),
      f.hsaId,
      json(f.koladaOu),
      f.website,
      f.phone,
      f.address,
      f.verifiedAt,
      f.status,
      f.statusDate,
      'live',
      now,
      now,
    ];
  });
  const columns =
    'id, huvudman, service, identity_key, register_id, name, regi, organisationsnummer, aliases, areas, scope, ' +
    'languages, extra_services, accepts_new_clients, hsa_id, kolada_ou, website, phone, address, verified_at, ' +
    'status, status_date, kind, created_at, updated_at';
  const tx = await db.$client.transaction('write');
  try {
    for (const batch of chunks(values, rowsPerStatement(25))) {
      const row = `(${Array(25).fill('?').join(', ')})`;
      await tx.execute({
        sql: `INSERT INTO units (${columns}) VALUES ${batch.map(() => row).join(', ')}`,
        args: batch.flat(),
      });
    }
    await tx.commit();
  } finally {
    tx.close();
  }
}

async function measure(dir: string, n: number) {
  const rows = rowsOf(systemRegisterCsv(n).csv);
  const five = rowsOf(systemRegisterCsv(5).csv);
  const options = { now: NOW, actor: 'bench', maxUnitsPerSystem: Number.POSITIVE_INFINITY };

  const bareDb = await freshDatabase(`file:${join(dir, `bare-${n}.db`)}`);
  const bare = await seconds(() => bareWrite(bareDb, rows));
  const bareRead = await seconds(() => bareDb.$client.execute("SELECT * FROM units WHERE huvudman = '0180'"));
  bareDb.$client.close();

  const db = await freshDatabase(`file:${join(dir, `import-${n}.db`)}`);
  const imported = await seconds(async () => {
    const result = await importCheckedRows(db, rows, options);
    if (!result.ok || result.summary.added !== n) throw new Error('import of new units failed');
  });
  const ending = await seconds(async () => {
    const result = await importCheckedRows(db, five, { ...options, confirmEnding: n - 5 });
    if (!result.ok || result.summary.ended !== n - 5) throw new Error('ending failed');
  });
  const noop = await seconds(async () => {
    const result = await importCheckedRows(db, five, options);
    if (!result.ok || result.summary.unchanged !== 5 || result.summary.changes.length > 0) {
      throw new Error('the no-op upload changed something');
    }
  });
  db.$client.close();
  return { n, bare, imported, ending, noop, bareRead };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-bench-import-'));
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`register import vs units already stored in one system (load average ${load()})`);
  console.log('figures on a shared 2-core machine are noisy; compare the ratios, measured side by side\n');
  console.log(
    '      units | import N new | bare write | ratio | end N-5 | 5-row no-op | bare read | ratio | no-op per 1k stored',
  );
  try {
    for (const n of [1_000, 10_000, 60_000]) {
      const r = await measure(dir, n);
      console.log(
        `${String(r.n).padStart(11)} | ${r.imported.toFixed(2).padStart(10)} s | ${r.bare.toFixed(2).padStart(8)} s | ${(r.imported / r.bare).toFixed(1).padStart(5)} | ${r.ending.toFixed(2).padStart(5)} s | ${(r.noop * 1000).toFixed(0).padStart(8)} ms | ${(r.bareRead * 1000).toFixed(0).padStart(6)} ms | ${(r.noop / r.bareRead).toFixed(1).padStart(5)} | ${((r.noop * 1000) / (r.n / 1000)).toFixed(1).padStart(8)} ms`,
      );
    }
    console.log(`\nload average at the end: ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
