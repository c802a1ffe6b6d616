import type { MiddlewareHandler } from 'hono';
import { databaseFailure } from './unavailable';

export { databaseFailure, isDatabaseUnavailable } from './unavailable';

export interface DatabaseHealthOptions {
  /** A cheap query that succeeds when the database is back, e.g. `() => db.$client.execute('SELECT 1')`. */
  probe: () => Promise<unknown>;
  /** While down, at most one probe per this many ms; other requests get 503 at once. */
  probeEveryMs?: number;
  /** Seconds the client is told to wait (Retry-After). */
  retryAfterSeconds?: number;
  now?: () => number;
}

const defaults = { probeEveryMs: 1000, retryAfterSeconds: 5, now: () => performance.now() } satisfies Partial<
  Omit<DatabaseHealthOptions, 'probe'>
>;

/**
 * Turns "the database is unreachable" into a quick JSON 503 with Retry-After instead of a 500 per
 * request. A request that fails with a connection error marks the database down; while down, requests
 * are answered 503 without touching it, and one probe per `probeEveryMs` brings it back up by itself.
 * A busy database (locked by another writer) gets a 503 for that request only.
 * @example app.use('/v1/*', databaseHealth({ probe: () => db.$client.execute('SELECT 1') }))
 */
export function databaseHealth(options: DatabaseHealthOptions): MiddlewareHandler {
  const { probe, probeEveryMs, retryAfterSeconds, now } = { ...defaults, ...options };
  let downSince: number | null = null;
  let probedAt = Number.NEGATIVE_INFINITY;
  let probing: Promise<boolean> | null = null;

  const markDown = (reason: unknown) => {
    if (downSince === null) {
      downSince = now();
      console.error(`[api] database unavailable; answering 503 until it is back: ${describe(reason)}`);
    }
    probedAt = now();
  };
  const tryProbe = () => {
    probing ??= probe()
      .then(
        () => {
          console.warn(`[api] database back after ${Math.round(now() - (downSince ?? now()))} ms`);
          downSince = null;
          return true;
        },
        (error) => {
          markDown(error);
          return false;
        },
      )
      .finally(() => {
        probing = null;
      });
    return probing;
  };
  const unavailable = () =>
    Response.json(
      { error: { code: 'unavailable', message: 'The database is unavailable; try again shortly' } },
      { status: 503, headers: { 'Retry-After': String(retryAfterSeconds) } },
    );

  return async (c, next) => {
    if (downSince !== null) {
      const back = probing || now() - probedAt >= probeEveryMs ? await tryProbe() : false;
      if (!back) return unavailable();
    }
    await next();
    const failure = c.error ? databaseFailure(c.error) : null;
    if (failure === 'unreachable') markDown(c.error);
    // Busy (another writer holds the lock): this request gets a 503, the next ones try again.
    if (failure) c.res = unavailable();
  };
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return [e?.code, e?.cause?.code, e?.cause?.message ?? e?.message].filter(Boolean).join(' ').slice(0, 200);
}
