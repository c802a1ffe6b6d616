import { type AttemptEvent, createPoliteHttp, type PoliteHttpOptions } from '../polite-http/request';
import { KoladaRequestError, KoladaResponseError, KoladaUnavailableError } from './errors';

/** Reported as each attempt starts: for logs and for tests that count requests. */
export type KoladaRequestEvent = AttemptEvent;
export type KoladaHttpOptions = PoliteHttpOptions;

const KOLADA = {
  name: 'Kolada',
  refused: (url: string, status: number, detail: string) => new KoladaRequestError(url, status, detail),
  notJson: (url: string, problem: string, cause: unknown) =>
    new KoladaResponseError(url, [problem], { cause }),
  unavailable: (url: string, attempts: number, reason: string, cause?: unknown) =>
    new KoladaUnavailableError(url, attempts, reason, cause === undefined ? undefined : { cause }),
};

/**
 * GET a Kolada URL and return its parsed JSON body, politely and with retries (api/polite-http).
 * Other 4xx: KoladaRequestError at once. Not JSON: KoladaResponseError. Out of attempts:
 * KoladaUnavailableError. If the caller's signal aborts, its reason is thrown and nothing is retried.
 */
export function createKoladaHttp(options: KoladaHttpOptions): (url: string) => Promise<unknown> {
  const request = createPoliteHttp(options, KOLADA);
  return (url) => request({ method: 'GET', url, name: url });
}
