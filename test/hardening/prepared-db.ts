import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase, tuneEmbeddedDatabase } from '../../api/db/client';
import { migrateDatabase } from '../../api/db/migrate';
import { loadDemoDataset, loadReferenceData } from '../../api/db/seed';
import { NOW } from '../api/helpers';

/** A migrated database file with reference and demo data, closed again, removed after the test file. */
export async function preparedDatabaseUrl(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-hardening-'));
  const url = `file:${join(dir, 'test.db')}`;
  const db = openDatabase(url);
  await tuneEmbeddedDatabase(db, url);
  await migrateDatabase(db);
  await loadReferenceData(db);
  await loadDemoDataset(db, NOW);
  db.$client.close();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return url;
}
