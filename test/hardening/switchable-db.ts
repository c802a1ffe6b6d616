import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Database } from '../../api/db/client';
import * as schema from '../../api/db/schema';

/**
 * A Database over a libSQL client that a test can close, replace or make fail, as when the database
 * goes away and comes back while the API runs. Errors are real libSQL errors (a closed client) or the
 * exact shape an unreachable libSQL server gives (fetch failed, ECONNREFUSED).
 */
export function switchableDb(url: string) {
  let current: Client = createClient({ url });
  let failure: (() => Error) | null = null;
  let delayMs = 0;
  const client = new Proxy({} as Client, {
    get(_target, prop) {
      const value = Reflect.get(current, prop);
      if (typeof value !== 'function') return value;
      if (failure) {
        const make = failure;
        return () => Promise.reject(make());
      }
      if (delayMs > 0 && (prop === 'execute' || prop === 'batch')) {
        const wait = delayMs;
        return async (...args: unknown[]) => {
          await new Promise((r) => setTimeout(r, wait));
          return value.apply(current, args);
        };
      }
      return value.bind(current);
    },
  });
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    /** Closes the client: every query now fails with libSQL's CLIENT_CLOSED. */
    close: () => current.close(),
    /** A fresh client on the same database, as after a reconnect. */
    reopen: () => {
      current = createClient({ url });
      failure = null;
    },
    /** Every call fails with this error until `heal()`. */
    fail: (make: () => Error) => {
      failure = make;
    },
    heal: () => {
      failure = null;
    },
    /** Every query answers this many ms late, as an overloaded database server would. */
    slow: (ms: number) => {
      delayMs = ms;
    },
    dispose: () => current.close(),
  };
}

/** What @libsql/client throws when a libSQL server (sqld) is not listening. */
export function connectionRefused(): Error {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8080'), { code: 'ECONNREFUSED' });
  return new TypeError('fetch failed', { cause });
}
