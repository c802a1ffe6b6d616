/** libSQL client codes that mean "the database cannot be reached or used right now", not "bad SQL". */
const UNAVAILABLE_CODES = new Set([
  'CLIENT_CLOSED',
  'SERVER_ERROR',
  'HRANA_WEBSOCKET_ERROR',
  'HRANA_CLOSED_ERROR',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
]);

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

/**
 * Whether an error (or any error in its `cause` chain, e.g. inside drizzle's DrizzleQueryError) says
 * the database is unreachable, closed or busy: worth a 503 and a retry, unlike a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string') {
      if (UNAVAILABLE_CODES.has(code) || NETWORK_CODES.has(code)) return true;
      if (/^SQLITE_(BUSY|IOERR|CANTOPEN)/.test(code)) return true;
    }
    if (e instanceof TypeError && message === 'fetch failed') return true;
    e = cause;
  }
  return false;
}
