/** libSQL client codes that mean "the database cannot be reached or opened", not "bad SQL". */
const UNREACHABLE_CODES = new Set([
  'CLIENT_CLOSED',
  'SERVER_ERROR',
  'HRANA_WEBSOCKET_ERROR',
  'HRANA_CLOSED_ERROR',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
]);

/** Another writer holds the lock: this request failed, the database is fine. */
const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

/** Socket errors on the way to a libSQL server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export type DatabaseFailure = 'unreachable' | 'busy';

/**
 * What an error (or any error in its `cause` chain, e.g. inside drizzle's DrizzleQueryError) says
 * about the database: unreachable (closed, down, its file unusable), busy (locked by another writer),
 * or null for anything else, which is a bug rather than a reason to retry.
 */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string') {
      if (UNREACHABLE_CODES.has(code) || NETWORK_CODES.has(code)) return 'unreachable';
      if (/^SQLITE_(IOERR|CANTOPEN)/.test(code)) return 'unreachable';
      if (BUSY_CODES.has(code) || /^SQLITE_(BUSY|LOCKED)/.test(code)) return 'busy';
    }
    if (e instanceof TypeError && message === 'fetch failed') return 'unreachable';
    e = cause;
  }
  return null;
}

/** Whether the error is worth a 503 and a retry (unreachable or busy), unlike a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFailure(error) !== null;
}
