import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { letFinalizersRun } from './let-finalizers-run';
import * as schema from './schema';

export type Database = ReturnType<typeof openDatabase>;

export interface ReplicaOptions {
  /** The primary libSQL server (sqld) that `url`, then a `file:`, is an embedded replica of. */
  syncUrl: string;
}

/**
 * Opens the database named by a libSQL URL: `file:` for the embedded engine (the default),
 * `http(s)://` or `libsql://` for a libSQL server. With `replica`, the file is an embedded replica
 * of that server: reads are local, writes are forwarded to the primary (see ./replica.ts).
 */
export function openDatabase(url: string, authToken?: string, replica?: ReplicaOptions) {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0]!;
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  } else if (replica) {
    throw new Error('An embedded replica needs a file: URL');
  }
  // Every pooled connection to a file gets the busy timeout (a PRAGMA would reach only one of them).
  const client = createClient({ url, authToken, syncUrl: replica?.syncUrl, timeout: 5000 });
  // Embedded engine (file or replica): native statements are freed on a later event-loop turn.
  return drizzle(url.startsWith('file:') ? letFinalizersRun(client) : client, { schema });
}

/**
 * Settings that make the embedded file safe for one writer beside many readers. Only for a plain
 * `file:` database: a libSQL server refuses these PRAGMAs (and has foreign keys on already), and an
 * embedded replica's journal belongs to libSQL's replication.
 */
export async function tuneEmbeddedDatabase(
  db: Database,
  url: string,
  options: { replica?: boolean } = {},
): Promise<void> {
  if (!url.startsWith('file:') || options.replica) return;
  // WAL is a property of the file and stays; busy timeout and foreign keys are per connection and are
  // set for every pooled connection by openDatabase (timeout) and libSQL itself (foreign keys on).
  await db.$client.execute('PRAGMA journal_mode = WAL');
}

/** The handle a `db.transaction(async (tx) => …)` callback receives: every write helper takes one. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
