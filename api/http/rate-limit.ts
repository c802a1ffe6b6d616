import type { MiddlewareHandler } from 'hono';
import { clientAddress } from './client-address';
import { errorResponse } from './errors';

export interface RateLimitOptions {
  /** Requests allowed per client address per window. 0 turns the limit off. */
  limit: number;
  windowMs?: number;
  trustProxy?: boolean;
  now?: () => number;
}

/**
 * A fixed-window limit per client address: 429 with Retry-After once a client has used its share.
 * @example app.use('/v1/feedback', rateLimit({ limit: 10, windowMs: 60_000 }))
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { limit, windowMs = 60_000, trustProxy = false, now = Date.now } = options;
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (limit <= 0) return next();
    const time = now();
    const key = clientAddress(c, trustProxy);
    let window = windows.get(key);
    if (!window || time - window.start >= windowMs) {
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (time - w.start >= windowMs) windows.delete(k);
      }
      window = { start: time, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > limit) {
      const retryAfter = Math.ceil((window.start + windowMs - time) / 1000);
      c.header('Retry-After', String(Math.max(1, retryAfter)));
      return errorResponse(c, 429, 'rate_limited', `Too many requests; try again in ${retryAfter} s`);
    }
    return next();
  };
}
