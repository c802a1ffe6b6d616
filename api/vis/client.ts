import { z } from 'zod';
import { chunks } from '../../shared/chunks';
import { type Now, realNow, realSleep, type Sleep } from '../polite-http/clock';
import { createRateLimiter } from '../polite-http/rate-limiter';
import { VisResponseError } from './errors';
import { createVisHttp, type VisRequestEvent } from './http';
import {
  describeIssues,
  type VisInformationSource,
  type VisMeasure,
  type VisMeasurementsQuery,
  type VisSeries,
  visInformationSource,
  visMeasure,
  visSeries,
} from './types';

export const VIS_BASE_URL = 'https://api.vardenisiffror.se/webapi';
export const VIS_USER_AGENT =
  'Utforarkollen/0.1 (Vården i siffror-adapter; kallhanvisning: Vården i siffror)';

/** How a unit search is asked. Not documented: the default is a guess the probe reports on, see docs. */
export interface VisUnitSearch {
  method: 'GET' | 'POST';
  /** A path with `{query}` where the (URL-encoded) search text goes, e.g. "/api/organizations?query={query}". */
  path: string;
}
export const DEFAULT_UNIT_SEARCH: VisUnitSearch = { method: 'GET', path: '/api/organizations?query={query}' };

export interface VisClientOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Request starts per second, retries included. VIS states no limit; 2 is polite. */
  requestsPerSecond?: number;
  timeoutMs?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  maxRetryAfterMs?: number;
  /** At most this many measure ids or units per request; longer lists are split. */
  maxIdsPerRequest?: number;
  sleep?: Sleep;
  now?: Now;
  random?: () => number;
  signal?: AbortSignal;
  onRequest?: (event: VisRequestEvent) => void;
  userAgent?: string;
  unitSearch?: VisUnitSearch;
}

export interface VisClient {
  informationSources(): Promise<VisInformationSource[]>;
  /** Metadata of the given measures, merged across chunked requests. */
  measures(measureIds: readonly string[]): Promise<VisMeasure[]>;
  /** Every series for the measures × units, merged across chunked requests. */
  measurements(query: VisMeasurementsQuery): Promise<VisSeries[]>;
  /** The unit search as configured; its answer's shape is unknown, so it comes back unparsed. */
  searchUnits(text: string): Promise<unknown>;
}

/**
 * A Vården i siffror client that takes its I/O as parameters, like the Kolada client. Requests run one
 * after another; every method returns everything or throws.
 *
 * @example
 * const vis = createVisClient();
 * const series = await vis.measurements({ measureIds: [id], units: ['SE', '05'], periodType: 'Year',
 *   dateFrom: '2024-01-01', dateTo: '2025-12-31' });
 */
export function createVisClient(options: VisClientOptions = {}): VisClient {
  const now = options.now ?? realNow;
  const sleep = options.sleep ?? realSleep;
  const baseUrl = options.baseUrl ?? VIS_BASE_URL;
  const chunkSize = options.maxIdsPerRequest ?? 50;
  const unitSearch = options.unitSearch ?? DEFAULT_UNIT_SEARCH;
  const http = createVisHttp({
    baseUrl,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    limiter: createRateLimiter({ requestsPerSecond: options.requestsPerSecond ?? 2, now, sleep }),
    now,
    sleep,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 3,
    retryBaseMs: options.retryBaseMs ?? 1000,
    retryMaxMs: options.retryMaxMs ?? 30_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    userAgent: options.userAgent ?? VIS_USER_AGENT,
    signal: options.signal,
    onRequest: options.onRequest,
  });

  function checked<T extends z.ZodType>(request: string, schema: T, body: unknown): z.output<T> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new VisResponseError(request, describeIssues(parsed.error));
    return parsed.data;
  }

  return {
    async informationSources() {
      const body = await http.get('/api/informationsource');
      return checked('GET /api/informationsource', z.array(visInformationSource), body);
    },

    async measures(measureIds) {
      const out: VisMeasure[] = [];
      for (const ids of chunks(measureIds, chunkSize)) {
        const body = await http.post('/api/measures/measures', ids);
        out.push(...checked('POST /api/measures/measures', z.array(visMeasure), body));
      }
      return out;
    },

    async measurements(query) {
      const out: VisSeries[] = [];
      for (const measureIds of chunks(query.measureIds, chunkSize)) {
        for (const units of chunks(query.units, chunkSize)) {
          const body = await http.post('/api/measurements/measurementswithmetadata', {
            measureIds,
            units,
            periodType: query.periodType,
            dateFrom: query.dateFrom,
            dateTo: query.dateTo,
          });
          out.push(...checked('POST /api/measurements/measurementswithmetadata', z.array(visSeries), body));
        }
      }
      return out;
    },

    async searchUnits(text) {
      const path = unitSearch.path.replace('{query}', encodeURIComponent(text));
      return unitSearch.method === 'GET' ? http.get(path) : http.post(path, { query: text });
    },
  };
}
