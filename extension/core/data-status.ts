/** What the background records about the data it fetched, and the popup's data status shows. */

/** A cached API response with what revalidation needs. */
export interface CachedResponse<T> {
  body: T;
  etag: string | null;
  /** Epoch ms of the last successful fetch or 304 */
  fetchedAt: number;
  maxAgeSeconds: number;
}

/** The last time the API could not give a list (down, too slow, or an answer that was not a list). */
export interface ApiFailure {
  /** Epoch ms */
  at: number;
  reason: 'timeout' | 'unreachable' | 'invalid';
}

/**
 * A site that looked different than its adapter expects: on `host`, the parts in `missing` (plain
 * Swedish) were not found, first on `at`. Kept in storage.local only, never sent anywhere: it holds a
 * host name the user visited.
 */
export interface SiteCheck {
  adapter: string;
  host: string;
  missing: string[];
  /** Epoch ms the page was first seen like this */
  at: number;
}

/** By `${adapter} ${host}` */
export type SiteChecks = Record<string, SiteCheck>;

/** At most this many sites are remembered (the most recent). */
export const MAX_SITE_CHECKS = 20;

/**
 * The stored site checks after one page view's report, or null when nothing changes (a page that
 * looks as expected clears its site; the same finding again keeps its first date).
 */
export function withSiteCheck(
  checks: SiteChecks,
  report: { adapter: string; host: string; missing: readonly string[] },
  at: number,
): SiteChecks | null {
  const key = `${report.adapter} ${report.host}`;
  const known = checks[key];
  if (report.missing.length === 0) {
    if (!known) return null;
    const { [key]: _cleared, ...rest } = checks;
    return rest;
  }
  if (known && known.missing.join('\n') === report.missing.join('\n')) return null;
  const next = {
    ...checks,
    [key]: { adapter: report.adapter, host: report.host, missing: [...report.missing], at },
  };
  const newest = Object.entries(next)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_SITE_CHECKS);
  return Object.fromEntries(newest);
}
