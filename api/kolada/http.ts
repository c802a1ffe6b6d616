import { backoffDelay, parseRetryAfter } from './backoff';
import type { Now, Sleep } from './clock';
import { KoladaRequestError, KoladaResponseError, KoladaUnavailableError } from './errors';
import type { RateLimiter } from './rate-limiter';

/** Reported as each attempt starts: for logs and for tests that count requests. */
export interface KoladaRequestEvent {
  url: string;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
  /** When the attempt started, on the injected clock. */
  startedAt: number;
  /** Why the previous attempt failed, on a retry. */
  retryReason?: string;
}

export interface KoladaHttpOptions {
  fetch: typeof globalThis.fetch;
  limiter: RateLimiter;
  now: Now;
  sleep: Sleep;
  random: () => number;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** A Retry-After longer than this ends the retries instead of stalling the sync. */
  maxRetryAfterMs: number;
  headers: Record<string, string>;
  signal?: AbortSignal | undefined;
  onRequest?: ((event: KoladaRequestEvent) => void) | undefined;
}

type Attempt =
  | { ok: true; text: string }
  | { ok: false; reason: string; retryAfterMs: number | null; cause?: unknown };

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500;

async function bodySnippet(response: Response): Promise<string> {
  try {
    return (await response.text()).replace(/\s+/g, ' ').trim().slice(0, 200);
  } catch {
    return '';
  }
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * GET a Kolada URL and return its parsed JSON body. Polite (rate limit), bounded (timeout per attempt)
 * and persistent (retries 429, 408, 5xx, timeouts and network errors with backoff).
 * Other 4xx: KoladaRequestError at once. Not JSON: KoladaResponseError. Out of attempts:
 * KoladaUnavailableError. If the caller's signal aborts, its reason is thrown and nothing is retried.
 */
export function createKoladaHttp(options: KoladaHttpOptions): (url: string) => Promise<unknown> {
  const { fetch: fetchImpl, limiter, now, sleep, signal, onRequest } = options;

  async function attempt(url: string): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`no answer within ${options.timeoutMs} ms`, 'TimeoutError'));
    }, options.timeoutMs);
    try {
      const response = await fetchImpl(url, {
        method: 'GET',
        headers: options.headers,
        signal: controller.signal,
      });
      if (response.ok) return { ok: true, text: await response.text() };
      const detail = await bodySnippet(response);
      const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (!RETRYABLE_STATUS(response.status)) throw new KoladaRequestError(url, response.status, detail);
      return { ok: false, reason, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()) };
    } catch (error) {
      if (error instanceof KoladaRequestError) throw error;
      if (signal?.aborted) throw signal.reason;
      if (timedOut)
        return {
          ok: false,
          reason: `inget svar inom ${duration(options.timeoutMs)}`,
          retryAfterMs: null,
          cause: error,
        };
      return { ok: false, reason: `nätverksfel (${describe(error)})`, retryAfterMs: null, cause: error };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  return async function getJson(url: string): Promise<unknown> {
    const attempts = options.maxRetries + 1;
    let retryReason: string | undefined;
    let lastCause: unknown;
    for (let n = 1; n <= attempts; n++) {
      signal?.throwIfAborted();
      await limiter.acquire(signal);
      onRequest?.({ url, attempt: n, startedAt: now(), ...(retryReason ? { retryReason } : {}) });
      const result = await attempt(url);
      if (result.ok) return parseJson(url, result.text);

      retryReason = result.reason;
      lastCause = result.cause;
      if (n === attempts) break;
      if (result.retryAfterMs !== null && result.retryAfterMs > options.maxRetryAfterMs) {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        throw new KoladaUnavailableError(url, n, `${result.reason}, Kolada ber oss vänta ${seconds} s`);
      }
      const delay =
        result.retryAfterMs ??
        backoffDelay(n, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs, random: options.random });
      await sleep(delay, signal);
    }
    throw new KoladaUnavailableError(url, attempts, retryReason ?? 'okänt fel', { cause: lastCause });
  };
}

function parseJson(url: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KoladaResponseError(url, [`svaret är inte JSON (${describe(error)}): ${text.slice(0, 80)}`], {
      cause: error,
    });
  }
}
