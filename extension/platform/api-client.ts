import type { UnitList } from '../../shared/domain/api';
import { unitList } from '../../shared/domain/api';
import { HUVUDMAN_CODE_PATTERN, huvudmanKind } from '../../shared/domain/huvudman-code';
import type { Service } from '../../shared/domain/service';
import type { ApiFailure, CachedResponse } from '../core/data-status';
import type {
  ConfigResponse,
  FeedbackBody,
  FeedbackResponse,
  HistoryResponse,
  UnitsResponse,
} from '../core/messages';
import { apiFailureItem, extensionConfigCacheItem, unitListCacheItem } from './storage';

/**
 * The background's API client: one GET per huvudman and service, cached in storage.local with its
 * ETag, revalidated with If-None-Match once older than the response's max-age, and served stale
 * when the network or the API fails. Concurrent requests for the same list share one fetch.
 */

type Item<T> = {
  getValue(): Promise<CachedResponse<T> | null>;
  setValue(value: CachedResponse<T>): Promise<void>;
};

export interface ApiClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** A request that takes longer is given up (and a cached copy served if there is one). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Why a list could not be had, in the popup's terms. */
export function failureReason(error: unknown): ApiFailure['reason'] {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (error instanceof TypeError && !/JSON|Unexpected token/i.test(String(error))) return 'unreachable';
  return 'invalid';
}

const DEFAULT_MAX_AGE = 300;
/** The switch-off list is refreshed at most this often, in the background, never blocking a page. */
const CONFIG_MAX_AGE = 3600;

export function maxAgeOf(cacheControl: string | null): number {
  const match = cacheControl?.match(/max-age=(\d+)/);
  return match ? Number(match[1]) : DEFAULT_MAX_AGE;
}

export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const inFlight = new Map<string, Promise<unknown>>();

  async function cachedGet<T>(
    item: Item<T>,
    path: string,
    parse: (json: unknown) => T,
    minMaxAge = 0,
  ): Promise<{ body: T; fetchedAt: number; stale: boolean }> {
    const entry = await item.getValue();
    if (entry && now() - entry.fetchedAt < entry.maxAgeSeconds * 1000) {
      return { body: entry.body, fetchedAt: entry.fetchedAt, stale: false };
    }
    const running = inFlight.get(path) as Promise<{ body: T; fetchedAt: number; stale: boolean }> | undefined;
    if (running) return running;
    const request = (async () => {
      try {
        const headers: Record<string, string> = { Accept: 'application/json' };
        if (entry?.etag) headers['If-None-Match'] = entry.etag;
        // Our own cache is the only one: no page context, no cookies, no HTTP cache in between.
        const response = await doFetch(`${options.baseUrl}${path}`, {
          headers,
          cache: 'no-store',
          credentials: 'omit',
          signal: AbortSignal.timeout(timeoutMs),
        });
        const maxAgeSeconds = Math.max(minMaxAge, maxAgeOf(response.headers.get('Cache-Control')));
        if (response.status === 304 && entry) {
          const fetchedAt = now();
          await item.setValue({ ...entry, fetchedAt, maxAgeSeconds });
          return { body: entry.body, fetchedAt, stale: false };
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        // A server error is "unreachable" for the user; a 200 that is not a list is "invalid".
        const body = parse(await response.json());
        const fetchedAt = now();
        await item.setValue({ body, etag: response.headers.get('ETag'), fetchedAt, maxAgeSeconds });
        return { body, fetchedAt, stale: false };
      } catch (error) {
        if (entry) return { body: entry.body, fetchedAt: entry.fetchedAt, stale: true };
        throw error;
      } finally {
        inFlight.delete(path);
      }
    })();
    inFlight.set(path, request);
    return request;
  }

  return {
    async getUnitList(huvudman: string, service: Service): Promise<UnitsResponse> {
      if (!HUVUDMAN_CODE_PATTERN.test(huvudman)) return { ok: false, error: 'bad huvudman' };
      const kind = huvudmanKind(huvudman) === 'region' ? 'regioner' : 'kommuner';
      const path = `/v1/${kind}/${huvudman}/units?service=${encodeURIComponent(service)}`;
      try {
        const result = await cachedGet<UnitList>(unitListCacheItem(huvudman, service), path, (json) =>
          unitList.parse(json),
        );
        // A stale copy means the API just failed; the popup says so, the page shows the copy.
        await apiFailureItem.setValue(result.stale ? { at: now(), reason: 'unreachable' } : null);
        return { ok: true, list: result.body, fetchedAt: result.fetchedAt, stale: result.stale };
      } catch (error) {
        const reason = /^Error: HTTP 5/.test(String(error)) ? 'unreachable' : failureReason(error);
        await apiFailureItem.setValue({ at: now(), reason });
        return { ok: false, error: String(error) };
      }
    },

    /** Answers at once from the cache (or with nothing disabled) and refreshes in the background. */
    async getConfig(): Promise<ConfigResponse> {
      const entry = await extensionConfigCacheItem.getValue();
      if (!entry || now() - entry.fetchedAt >= entry.maxAgeSeconds * 1000) {
        cachedGet(extensionConfigCacheItem, '/v1/extension/config', parseConfig, CONFIG_MAX_AGE).catch(
          () => {},
        );
      }
      return entry?.body ?? { disabledAdapters: [] };
    },

    async getHistory(unitId: string): Promise<HistoryResponse> {
      try {
        const response = await doFetch(`${options.baseUrl}/v1/units/${encodeURIComponent(unitId)}/history`, {
          credentials: 'omit',
        });
        if (!response.ok) return { ok: false, status: response.status };
        const json = (await response.json()) as { items?: unknown[] } | unknown[];
        return { ok: true, entries: Array.isArray(json) ? json : (json.items ?? []) };
      } catch {
        return { ok: false, status: 0 };
      }
    },

    async postFeedback(body: FeedbackBody): Promise<FeedbackResponse> {
      try {
        const response = await doFetch(`${options.baseUrl}/v1/feedback`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          credentials: 'omit',
        });
        return { ok: response.ok, status: response.status };
      } catch {
        return { ok: false, status: 0 };
      }
    },
  };
}

function parseConfig(json: unknown): { disabledAdapters: string[] } {
  const list = (json as { disabledAdapters?: unknown })?.disabledAdapters;
  return {
    disabledAdapters: Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [],
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
