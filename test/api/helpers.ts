import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { type AppConfig, createApp } from '../../api/app';
import { defaultConfig } from '../../api/config';
import { type Database, openDatabase, tuneEmbeddedDatabase } from '../../api/db/client';
import { migrateDatabase } from '../../api/db/migrate';
import { loadDemoDataset, loadReferenceData } from '../../api/db/seed';
import { testDatabaseLocation } from '../db-backends/backend';

export const TODAY = '2026-11-23';
export const NOW = new Date(`${TODAY}T09:00:00Z`);

/**
 * A migrated database with reference data, removed after the test file: a temp file by default,
 * its own libSQL server with TEST_BACKEND=sqld, or the server named by TEST_DATABASE_URL.
 */
export async function createTestDb(options: { demo?: boolean } = {}): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-test-'));
  const { url, release } = await testDatabaseLocation(dir);
  const db = openDatabase(url);
  afterAll(async () => {
    db.$client.close();
    await release();
    rmSync(dir, { recursive: true, force: true });
  });
  await tuneEmbeddedDatabase(db, url);
  await migrateDatabase(db);
  await loadReferenceData(db);
  if (options.demo) await loadDemoDataset(db, NOW);
  return db;
}

/**
 * The configuration tests run with: every default, except that the response cache looks for new data
 * on every request (tests write to the database directly and read at once), plus the test's overrides.
 */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...defaultConfig(), DATA_POLL_MS: 0, ...overrides };
}

/** The app on a test database, today being TODAY. */
export function testApp(db: Database, overrides: Partial<AppConfig> = {}) {
  return createApp({ db, today: () => TODAY, config: testConfig(overrides) });
}

export async function json<T = Record<string, unknown>>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}
