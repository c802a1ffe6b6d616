/** When to try again: pure functions for retry delays. */

export interface BackoffOptions {
  /** Delay ceiling before the first retry; doubles for each further retry. */
  baseMs: number;
  /** No delay ceiling grows beyond this. */
  maxMs: number;
  /** A number in [0, 1), like Math.random. */
  random: () => number;
}

/**
 * Exponential backoff with jitter for the `retry`-th retry (1-based): a random delay between half
 * and all of min(maxMs, baseMs * 2^(retry-1)), so clients that failed together do not return together.
 */
export function backoffDelay(retry: number, { baseMs, maxMs, random }: BackoffOptions): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}

/**
 * A `Retry-After` header in milliseconds from `nowMs`: either delay-seconds ("3") or an HTTP date
 * ("Wed, 21 Oct 2026 07:28:00 GMT"). Null when absent or unreadable; never negative.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
