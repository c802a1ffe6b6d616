import { type Now, realNow, realSleep, type Sleep } from '../polite-http/clock';
import { createRateLimiter } from '../polite-http/rate-limiter';
import { createKoladaHttp, type KoladaRequestEvent } from './http';
import { fetchAllPages } from './paginate';
import {
  type KoladaKpi,
  type KoladaMunicipalityDataRow,
  type KoladaOu,
  type KoladaOuDataRow,
  koladaKpi,
  koladaMunicipalityDataRow,
  koladaOu,
  koladaOuDataRow,
} from './types';
import { chunk, dataUrls, KOLADA_BASE_URL, kpiUrls, ouListUrl } from './urls';

export interface KoladaClientOptions {
  /** Default https://api.kolada.se/v3 */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Request starts per second, retries included. Kolada asks for about 5. */
  requestsPerSecond?: number;
  /** Per attempt, body included. A timed-out attempt is retried. */
  timeoutMs?: number;
  /** Retries after the first attempt, so 4 means at most 5 attempts per URL. */
  maxRetries?: number;
  /** First backoff ceiling; doubles per retry up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Give up rather than wait longer than this when Kolada sends Retry-After. */
  maxRetryAfterMs?: number;
  /** Safety stop for a list that never ends. */
  maxPages?: number;
  sleep?: Sleep;
  now?: Now;
  /** For backoff jitter; a number in [0, 1). */
  random?: () => number;
  /** Aborting stops the client at once: no retries, the signal's reason is thrown. */
  signal?: AbortSignal;
  onRequest?: (event: KoladaRequestEvent) => void;
  /** Sent as User-Agent where the runtime allows it (browsers ignore it). */
  userAgent?: string;
}

export interface KoladaOuDataQuery {
  kpis: readonly string[];
  ous: readonly string[];
  /** Left out: all years. */
  years?: readonly number[];
  /** YYYY-MM-DD: only what changed since then, deletions included. */
  fromDate?: string;
}

export interface KoladaMunicipalityDataQuery {
  kpis: readonly string[];
  /** Kommun codes ("0581"), regions ("0005") or riket ("0000"). */
  municipalities: readonly string[];
  years?: readonly number[];
  fromDate?: string;
}

export interface KoladaClient {
  /** Every organisational unit Kolada lists in a kommun (all kinds: schools too, not only elderly care). */
  ous(municipality: string): Promise<KoladaOu[]>;
  /**
   * The OUs of several kommuner, 25 kommuner per request, each OU under the kommun its `municipality`
   * field names (never read from the id). A kommun the batched answer has nothing for is asked again on
   * its own: every kommun has schools in Kolada's list, so an empty share means the batch was not
   * understood, and a kommun is never left without OUs because of how it was asked.
   */
  ousOf(municipalities: readonly string[]): Promise<Map<string, KoladaOu[]>>;
  /** Unit-level figures, merged across every chunked request. */
  ouData(query: KoladaOuDataQuery): Promise<KoladaOuDataRow[]>;
  /** Kommun, region and national ("0000") figures. */
  municipalityData(query: KoladaMunicipalityDataQuery): Promise<KoladaMunicipalityDataRow[]>;
  /** KPI metadata: the whole catalogue, or the given ids. */
  kpis(ids?: readonly string[]): Promise<KoladaKpi[]>;
  /** Requests started so far (retries and pages included): what a sync reports it cost Kolada. */
  requestCount(): number;
}

export const KOLADA_USER_AGENT = 'Utforarkollen/0.1 (Kolada-synk; kallhanvisning: Kolada)';

/**
 * A Kolada v3 client that takes its I/O as parameters. Requests run one after another (Kolada asks
 * for restraint and a sync is not in a hurry); every method returns all pages or throws.
 *
 * @example
 * const kolada = createKoladaClient();
 * const units = await kolada.ous('0581');
 * const rows = await kolada.ouData({ kpis: ['U21468'], ous: units.map((u) => u.id), years: [2025] });
 */
export function createKoladaClient(options: KoladaClientOptions = {}): KoladaClient {
  const now = options.now ?? realNow;
  const sleep = options.sleep ?? realSleep;
  const baseUrl = options.baseUrl ?? KOLADA_BASE_URL;
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const maxPages = options.maxPages ?? 1000;

  let requests = 0;
  const getJson = createKoladaHttp({
    fetch: fetchImpl,
    limiter: createRateLimiter({ requestsPerSecond: options.requestsPerSecond ?? 5, now, sleep }),
    now,
    sleep,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? 20_000,
    maxRetries: options.maxRetries ?? 4,
    retryBaseMs: options.retryBaseMs ?? 1000,
    retryMaxMs: options.retryMaxMs ?? 30_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    headers: { Accept: 'application/json', 'User-Agent': options.userAgent ?? KOLADA_USER_AGENT },
    signal: options.signal,
    onRequest: (event) => {
      requests++;
      options.onRequest?.(event);
    },
  });

  async function all<Row>(urls: string[], fetchOne: (url: string) => Promise<Row[]>): Promise<Row[]> {
    const rows: Row[] = [];
    for (const url of urls) for (const row of await fetchOne(url)) rows.push(row);
    return rows;
  }

  const ous = async (municipality: string | readonly string[]) =>
    fetchAllPages(getJson, ouListUrl(baseUrl, municipality), koladaOu, { maxPages });

  return {
    ous: (municipality) => ous(municipality),

    ousOf: async (municipalities) => {
      const byKommun = new Map<string, KoladaOu[]>();
      const wanted = [...new Set(municipalities)];
      for (const code of wanted) byKommun.set(code, []);
      for (const batch of chunk(wanted)) {
        for (const ou of await ous(batch)) byKommun.get(ou.municipality)?.push(ou);
        if (batch.length === 1) continue;
        for (const code of batch) {
          if (byKommun.get(code)?.length !== 0) continue;
          byKommun.set(
            code,
            (await ous(code)).filter((ou) => ou.municipality === code),
          );
        }
      }
      return byKommun;
    },

    ouData: async ({ kpis, ous, years, fromDate }) =>
      all(dataUrls({ baseUrl, endpoint: 'oudata', kpis, subjects: ous, years, fromDate }), (url) =>
        fetchAllPages(getJson, url, koladaOuDataRow, { maxPages }),
      ),

    municipalityData: async ({ kpis, municipalities, years, fromDate }) =>
      all(dataUrls({ baseUrl, endpoint: 'data', kpis, subjects: municipalities, years, fromDate }), (url) =>
        fetchAllPages(getJson, url, koladaMunicipalityDataRow, { maxPages }),
      ),

    kpis: async (ids) =>
      all(kpiUrls(baseUrl, ids), (url) => fetchAllPages(getJson, url, koladaKpi, { maxPages })),

    requestCount: () => requests,
  };
}
