import { type AttemptEvent, createPoliteHttp, type PoliteHttpOptions } from '../polite-http/request';
import { VisRequestError, VisResponseError, VisUnavailableError } from './errors';

/** Reported as each attempt starts: for logs and for tests that count requests. */
export type VisRequestEvent = AttemptEvent;

export interface VisHttpOptions extends Omit<PoliteHttpOptions, 'headers'> {
  baseUrl: string;
  userAgent: string;
}

export interface VisHttp {
  get(path: string): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
}

const VIS = {
  name: 'Vården i siffror',
  refused: (request: string, status: number, detail: string) => new VisRequestError(request, status, detail),
  notJson: (request: string, problem: string, cause: unknown) =>
    new VisResponseError(request, [problem], { cause }),
  unavailable: (request: string, attempts: number, reason: string, cause?: unknown) =>
    new VisUnavailableError(request, attempts, reason, cause === undefined ? undefined : { cause }),
};

/**
 * JSON over HTTP to Vården i siffror, the same polite way as to Kolada (api/polite-http). Every request
 * carries the empty `x-bvo-ticket` header the public API expects. Other 4xx: VisRequestError at once;
 * not JSON: VisResponseError; out of attempts: VisUnavailableError; an aborted signal: its reason.
 */
export function createVisHttp(options: VisHttpOptions): VisHttp {
  const base = options.baseUrl.replace(/\/+$/, '');
  const request = createPoliteHttp(
    {
      ...options,
      headers: { Accept: 'application/json', 'User-Agent': options.userAgent, 'x-bvo-ticket': '' },
    },
    VIS,
  );
  const send = (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const url = `${base}${path.startsWith('/') ? path : `/${path}`}`;
    return request({ method, url, name: `${method} ${url}`, ...(body === undefined ? {} : { body }) });
  };
  return { get: (path) => send('GET', path), post: (path, body) => send('POST', path, body) };
}
