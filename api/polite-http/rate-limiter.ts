import type { Now, Sleep } from './clock';

export interface RateLimiter {
  /** Resolves when the next request may start. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * Spaces request starts at least 1/requestsPerSecond apart on the injected clock, so no one-second
 * window ever holds more than `requestsPerSecond` starts (no bursts). Slots are reserved before
 * waiting, so concurrent callers queue up instead of starting together.
 */
export function createRateLimiter(options: {
  requestsPerSecond: number;
  now: Now;
  sleep: Sleep;
}): RateLimiter {
  const { requestsPerSecond, now, sleep } = options;
  if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) {
    throw new RangeError(`requestsPerSecond must be a positive number: ${requestsPerSecond}`);
  }
  const intervalMs = 1000 / requestsPerSecond;
  let nextStart = Number.NEGATIVE_INFINITY;

  return {
    async acquire(signal) {
      const t = now();
      const start = Math.max(t, nextStart);
      nextStart = start + intervalMs;
      if (start > t) await sleep(start - t, signal);
    },
  };
}
