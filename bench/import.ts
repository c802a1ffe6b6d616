import { openDatabase, tuneEmbeddedDatabase } from '../api/db/client';
import { migrateDatabase } from '../api/db/migrate';
import { loadReferenceData } from '../api/db/seed';
import { importRegister } from '../api/register/import';
import { nationalRegisterCsv } from './register-csv';

/**
 * Times one full register import (validation + one all-or-nothing transaction) into a freshly
 * migrated database at `url`: a `file:` or a libSQL server.
 */
export async function timeRegisterImport(url: string): Promise<{ seconds: number; rows: number }> {
  const { csv, rows } = nationalRegisterCsv();
  const db = openDatabase(url);
  try {
    await tuneEmbeddedDatabase(db, url);
    await migrateDatabase(db);
    await loadReferenceData(db);
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
