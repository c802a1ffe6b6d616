/**
 * The ways a Vården i siffror call can fail. Each error names the request it concerns; messages are
 * Swedish, for the person who runs the adapter.
 */

/** VIS answered, but the body was not the documented shape. Nothing from the call is used. */
export class VisResponseError extends Error {
  override readonly name = 'VisResponseError';
  constructor(
    readonly request: string,
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Oväntat svar från Vården i siffror (${request}): ${problems.join('; ')}`, options);
  }
}

/** VIS refused the request itself (a 4xx other than 408/429): retrying would not help. */
export class VisRequestError extends Error {
  override readonly name = 'VisRequestError';
  constructor(
    readonly request: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`Vården i siffror avvisade anropet med HTTP ${status}${detail ? ` (${detail})` : ''}: ${request}`);
  }
}

/** VIS could not be reached or kept failing (429, 5xx, timeout, network) after every attempt. */
export class VisUnavailableError extends Error {
  override readonly name = 'VisUnavailableError';
  constructor(
    readonly request: string,
    readonly attempts: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Vården i siffror svarar inte: ${reason} efter ${attempts} försök (${request})`, options);
  }
}
