import type { Config } from './config';
import { type Database, openDatabase, tuneEmbeddedDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { loadReferenceData } from './db/seed';

type DatabaseConfig = Pick<Config, 'DATABASE_URL' | 'DATABASE_AUTH_TOKEN'> &
  Partial<Pick<Config, 'DATABASE_SYNC_URL'>>;

/**
 * Opens the configured database and makes it ready: current schema and reference data.
 * An embedded replica first pulls the primary, so migrations see the primary's schema; their writes,
 * if any, are forwarded to the primary. Fails with a clear message when the database cannot be reached.
 */
export async function prepareDatabase(config: DatabaseConfig) {
  const syncUrl = config.DATABASE_SYNC_URL;
  let db: Database | undefined;
  try {
    // A replica pulls from the primary already when it opens.
    db = openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN, syncUrl ? { syncUrl } : undefined);
    if (syncUrl) await db.$client.sync();
    await tuneEmbeddedDatabase(db, config.DATABASE_URL, { replica: Boolean(syncUrl) });
    await migrateDatabase(db);
    await loadReferenceData(db);
  } catch (error) {
    db?.$client.close();
    const reason = rootCause(error);
    const where = syncUrl
      ? `${redact(config.DATABASE_URL)} (replica of ${redact(syncUrl)})`
      : redact(config.DATABASE_URL);
    throw new Error(`Cannot prepare the database at ${where}: ${reason}`, { cause: error });
  }
  return db;
}

/** The innermost cause's message: drizzle wraps a connection error in "Failed query: <SQL>". */
function rootCause(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** Never print credentials that may sit in a URL. */
export function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@').replace(/([?&](authToken|token)=)[^&]+/gi, '$1***');
}
