import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../api/polite-http/backoff';

const options = { baseMs: 1000, maxMs: 30_000 };

describe('backoffDelay', () => {
  it('doubles its ceiling with each retry, up to the maximum', () => {
    const top = (retry: number) => backoffDelay(retry, { ...options, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => Math.round(top(r)))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  it('jitters between half and all of the ceiling (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (retry - 1));
          const delay = backoffDelay(retry, { ...options, random: () => r });
          return delay >= ceiling / 2 && delay < ceiling + 1e-9;
        },
      ),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 9, 15, 6, 0, 0);

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to the injected clock, never negative', () => {
    expect(parseRetryAfter('Thu, 15 Oct 2026 06:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 15 Oct 2026 05:59:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});
