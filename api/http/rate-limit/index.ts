import type { Context, MiddlewareHandler } from 'hono';
import { clientAddress } from '../client-address';
import { errorResponse } from '../errors';

export interface RateLimitOptions {
  /** Requests allowed per client address per window. 0 turns the limit off. */
  limit: number;
  windowMs?: number;
  /** Key by the first X-Forwarded-For hop (behind a trusted proxy) instead of the socket's peer. */
  trustProxy?: boolean;
  /** Answers that do not use up the allowance. Default: 304 Not Modified, which costs almost nothing. */
  free?: (c: Context) => boolean;
  /** Addresses tracked at once; beyond it, expired windows are swept. */
  maxClients?: number;
  now?: () => number;
}

const defaults = {
  windowMs: 60_000,
  trustProxy: false,
  free: (c: Context) => c.res.status === 304,
  maxClients: 10_000,
  now: Date.now,
} satisfies Omit<RateLimitOptions, 'limit'>;

/**
 * A fixed-window limit per client address: 429 with Retry-After once a client has used its share.
 * @example app.use('/v1/*', rateLimit({ limit: 600 })) // 600 a minute per address; 304s are free
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { limit, windowMs, trustProxy, free, maxClients, now } = { ...defaults, ...options };
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (limit <= 0) return next();
    const time = now();
    const key = clientAddress(c, trustProxy);
    let window = windows.get(key);
    if (!window || time - window.start >= windowMs) {
      if (windows.size >= maxClients) {
        for (const [k, w] of windows) if (time - w.start >= windowMs) windows.delete(k);
      }
      window = { start: time, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - time) / 1000));
      c.header('Retry-After', String(retryAfter));
      return errorResponse(c, 429, 'rate_limited', `Too many requests; try again in ${retryAfter} s`);
    }
    await next();
    if (free(c)) window.count--;
  };
}
