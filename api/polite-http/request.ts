import { backoffDelay, parseRetryAfter } from './backoff';
import type { Now, Sleep } from './clock';
import type { RateLimiter } from './rate-limiter';

/**
 * JSON over HTTP to a public data source (Kolada, Vården i siffror), the one way this project talks to
 * them: polite (one request start per interval, from the rate limiter), bounded (a timeout per
 * attempt) and persistent (429, 408, 5xx, timeouts and network errors are retried with jittered
 * exponential backoff, honouring Retry-After). Another 4xx fails at once, a body that is not JSON
 * fails, and so does running out of attempts, each with the source's own error; if the caller's
 * signal aborts, its reason is thrown and nothing is retried.
 */

export type HttpMethod = 'GET' | 'POST';

/** Reported as each attempt starts: for logs and for tests that count requests. */
export interface AttemptEvent {
  method: HttpMethod;
  url: string;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
  /** When the attempt started, on the injected clock. */
  startedAt: number;
  /** Why the previous attempt failed, on a retry. */
  retryReason?: string;
}

export interface PoliteHttpOptions {
  fetch: typeof globalThis.fetch;
  limiter: RateLimiter;
  now: Now;
  sleep: Sleep;
  random: () => number;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** A Retry-After longer than this ends the retries instead of stalling the caller. */
  maxRetryAfterMs: number;
  headers: Record<string, string>;
  signal?: AbortSignal | undefined;
  onRequest?: ((event: AttemptEvent) => void) | undefined;
}

/** The source's name (for "Kolada ber oss vänta 600 s") and its errors, each given the request it concerns. */
export interface SourceErrors {
  name: string;
  /** The source refused the request itself (a 4xx other than 408/429): retrying would not help. */
  refused(request: string, status: number, detail: string): Error;
  /** The source answered, but not with JSON. */
  notJson(request: string, problem: string, cause: unknown): Error;
  /** The source could not be reached or kept failing after every attempt. */
  unavailable(request: string, attempts: number, reason: string, cause?: unknown): Error;
}

export interface PoliteRequest {
  method: HttpMethod;
  url: string;
  /** JSON-encoded when given, and sent with Content-Type: application/json. */
  body?: unknown;
  /** How errors name the request: the URL, or "POST url". */
  name: string;
}

type Attempt =
  | { ok: true; text: string }
  | { ok: false; reason: string; retryAfterMs: number | null; cause?: unknown };

/** Marks a refusal inside an attempt, so that it is thrown rather than retried. */
class Refused {
  constructor(readonly error: Error) {}
}

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500;

export function createPoliteHttp(
  options: PoliteHttpOptions,
  source: SourceErrors,
): (request: PoliteRequest) => Promise<unknown> {
  const { fetch: fetchImpl, limiter, now, sleep, signal, onRequest } = options;

  async function attempt(request: PoliteRequest, body: string | undefined): Promise<Attempt> {
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
      const headers =
        body === undefined ? options.headers : { ...options.headers, 'Content-Type': 'application/json' };
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
      });
      if (response.ok) return { ok: true, text: await response.text() };
      const detail = await bodySnippet(response);
      const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (!RETRYABLE_STATUS(response.status))
        throw new Refused(source.refused(request.name, response.status, detail));
      return { ok: false, reason, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()) };
    } catch (error) {
      if (error instanceof Refused) throw error.error;
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

  return async function requestJson(request: PoliteRequest): Promise<unknown> {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const attempts = options.maxRetries + 1;
    let retryReason: string | undefined;
    let lastCause: unknown;
    for (let n = 1; n <= attempts; n++) {
      signal?.throwIfAborted();
      await limiter.acquire(signal);
      signal?.throwIfAborted();
      onRequest?.({
        method: request.method,
        url: request.url,
        attempt: n,
        startedAt: now(),
        ...(retryReason ? { retryReason } : {}),
      });
      const result = await attempt(request, body);
      if (result.ok) return parseJson(request.name, result.text, source);

      retryReason = result.reason;
      lastCause = result.cause;
      if (n === attempts) break;
      if (result.retryAfterMs !== null && result.retryAfterMs > options.maxRetryAfterMs) {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        throw source.unavailable(
          request.name,
          n,
          `${result.reason}, ${source.name} ber oss vänta ${seconds} s`,
        );
      }
      const delay =
        result.retryAfterMs ??
        backoffDelay(n, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs, random: options.random });
      await sleep(delay, signal);
    }
    throw source.unavailable(request.name, attempts, retryReason ?? 'okänt fel', lastCause);
  };
}

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

function parseJson(name: string, text: string, source: SourceErrors): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw source.notJson(name, `svaret är inte JSON (${describe(error)}): ${text.slice(0, 80)}`, error);
  }
}
