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
