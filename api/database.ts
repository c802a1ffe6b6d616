import type { Config } from './config';
import { openDatabase, tuneEmbeddedDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { loadReferenceData } from './db/seed';

/**
 * Opens the configured database and makes it ready: current schema and reference data.
 * Fails with a clear message when the database cannot be reached.
 */
export async function prepareDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_AUTH_TOKEN'>) {
  const db = openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  try {
    await tuneEmbeddedDatabase(db, config.DATABASE_URL);
    await migrateDatabase(db);
    await loadReferenceData(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot prepare the database at ${redact(config.DATABASE_URL)}: ${reason}`);
  }
  return db;
}

/** Never print credentials that may sit in a URL. */
export function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@').replace(/([?&](authToken|token)=)[^&]+/gi, '$1***');
}
