import { backoffDelay, parseRetryAfter } from '../kolada/backoff';
import type { Now, Sleep } from '../kolada/clock';
import type { RateLimiter } from '../kolada/rate-limiter';
import { VisRequestError, VisResponseError, VisUnavailableError } from './errors';

/** Reported as each attempt starts: for logs and for tests that count requests. */
export interface VisRequestEvent {
  method: 'GET' | 'POST';
  url: string;
  attempt: number;
  startedAt: number;
  retryReason?: string;
}

export interface VisHttpOptions {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  limiter: RateLimiter;
  now: Now;
  sleep: Sleep;
  random: () => number;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** A Retry-After longer than this ends the retries instead of stalling the run. */
  maxRetryAfterMs: number;
  userAgent: string;
  signal?: AbortSignal | undefined;
  onRequest?: ((event: VisRequestEvent) => void) | undefined;
}

export interface VisHttp {
  get(path: string): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
}

type Attempt =
  | { ok: true; text: string }
  | { ok: false; reason: string; retryAfterMs: number | null; cause?: unknown };

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500;
const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

/**
 * JSON over HTTP to Vården i siffror, the same way the Kolada client talks to Kolada (whose backoff,
 * Retry-After parsing, rate limiter and clock it reuses): polite (one request start per interval),
 * bounded (a timeout per attempt) and persistent (429, 408, 5xx, timeouts and network errors are retried
 * with jittered exponential backoff, honouring Retry-After). Every request carries the empty
 * `x-bvo-ticket` header the public API expects. Other 4xx: VisRequestError at once; not JSON:
 * VisResponseError; out of attempts: VisUnavailableError; an aborted signal: its reason, no retry.
 */
export function createVisHttp(options: VisHttpOptions): VisHttp {
  const { fetch: fetchImpl, limiter, now, sleep, signal, onRequest } = options;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function attempt(method: 'GET' | 'POST', url: string, body: string | undefined): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const forwardAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) forwardAbort();
    signal?.addEventListener('abort', forwardAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`no answer within ${options.timeoutMs} ms`, 'TimeoutError'));
    }, options.timeoutMs);
    try {
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'User-Agent': options.userAgent,
        'x-bvo-ticket': '',
      };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetchImpl(url, { method, headers, body, signal: controller.signal });
      if (response.ok) return { ok: true, text: await response.text() };
      const detail = await bodySnippet(response);
      const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (!RETRYABLE_STATUS(response.status))
        throw new VisRequestError(`${method} ${url}`, response.status, detail);
      return { ok: false, reason, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()) };
    } catch (error) {
      if (error instanceof VisRequestError) throw error;
      if (signal?.aborted) throw signal.reason;
      if (timedOut) {
        return {
          ok: false,
          reason: `inget svar inom ${duration(options.timeoutMs)}`,
          retryAfterMs: null,
          cause: error,
        };
      }
      return { ok: false, reason: `nätverksfel (${describe(error)})`, retryAfterMs: null, cause: error };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  async function request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const url = `${base}${path.startsWith('/') ? path : `/${path}`}`;
    const name = `${method} ${url}`;
    const text = body === undefined ? undefined : JSON.stringify(body);
    const attempts = options.maxRetries + 1;
    let retryReason: string | undefined;
    let lastCause: unknown;
    for (let n = 1; n <= attempts; n++) {
      signal?.throwIfAborted();
      await limiter.acquire(signal);
      signal?.throwIfAborted();
      onRequest?.({ method, url, attempt: n, startedAt: now(), ...(retryReason ? { retryReason } : {}) });
      const result = await attempt(method, url, text);
      if (result.ok) return parseJson(name, result.text);
      retryReason = result.reason;
      lastCause = result.cause;
      if (n === attempts) break;
      if (result.retryAfterMs !== null && result.retryAfterMs > options.maxRetryAfterMs) {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        throw new VisUnavailableError(
          name,
          n,
          `${result.reason}, Vården i siffror ber oss vänta ${seconds} s`,
        );
      }
      const delay =
        result.retryAfterMs ??
        backoffDelay(n, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs, random: options.random });
      await sleep(delay, signal);
    }
    throw new VisUnavailableError(name, attempts, retryReason ?? 'okänt fel', { cause: lastCause });
  }

  return { get: (path) => request('GET', path), post: (path, body) => request('POST', path, body) };
}

async function bodySnippet(response: Response): Promise<string> {
  try {
    return (await response.text()).replace(/\s+/g, ' ').trim().slice(0, 200);
  } catch {
    return '';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

function parseJson(request: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VisResponseError(request, [`svaret är inte JSON (${describe(error)}): ${text.slice(0, 80)}`], {
      cause: error,
    });
  }
}
