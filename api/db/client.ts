import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from './schema';

export type Database = ReturnType<typeof openDatabase>;

/**
 * Opens the database named by a libSQL URL: `file:` for the embedded engine (the default),
 * `http(s)://` or `libsql://` for a libSQL server.
 */
export function openDatabase(url: string, authToken?: string) {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0]!;
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url, authToken });
  return drizzle(client, { schema });
}

/** Settings that make the embedded file safe for one writer beside many readers. */
export async function tuneEmbeddedDatabase(db: Database, url: string): Promise<void> {
  if (!url.startsWith('file:')) return;
  await db.$client.execute('PRAGMA journal_mode = WAL');
  await db.$client.execute('PRAGMA busy_timeout = 5000');
  await db.$client.execute('PRAGMA foreign_keys = ON');
}
