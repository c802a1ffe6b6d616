/**
 * The ways a Kolada call can fail. Each error names the URL it concerns, so a failed sync says
 * exactly which request to retry or report. Messages are Swedish: they reach the people who run syncs.
 */

/** Kolada answered, but the body was not what its API promises. Nothing from the call is returned. */
export class KoladaResponseError extends Error {
  override readonly name = 'KoladaResponseError';
  constructor(
    readonly url: string,
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Oväntat svar från Kolada (${url}): ${problems.join('; ')}`, options);
  }
}

/** Kolada refused the request itself (a 4xx other than 429): retrying would not help. */
export class KoladaRequestError extends Error {
  override readonly name = 'KoladaRequestError';
  constructor(
    readonly url: string,
    readonly status: number,
    detail: string,
  ) {
    super(`Kolada avvisade anropet med HTTP ${status}${detail ? ` (${detail})` : ''}: ${url}`);
  }
}

/** Kolada could not be reached or kept failing (429, 5xx, timeout, network) after every attempt. */
export class KoladaUnavailableError extends Error {
  override readonly name = 'KoladaUnavailableError';
  constructor(
    readonly url: string,
    readonly attempts: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Kolada svarar inte: ${reason} efter ${attempts} försök (${url})`, options);
  }
}
