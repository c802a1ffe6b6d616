import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../errors';

export interface RequestTimeoutOptions {
  /** Longest a handler may take before the client gets 503. 0 turns the timeout off. */
  ms: number;
  /** Seconds the client is told to wait before trying again. */
  retryAfterSeconds?: number;
  /** Path prefixes left to run to the end, e.g. an all-or-nothing import whose outcome the client must get. */
  exceptPaths?: readonly string[];
}

const defaults = { retryAfterSeconds: 5, exceptPaths: [] } satisfies Partial<RequestTimeoutOptions>;

/**
 * Answers 503 JSON (`code: "timeout"`, with Retry-After) when a handler takes longer than `ms`.
 * The handler is not aborted (it finishes in the background); the client just stops waiting for it.
 * @example app.use('/v1/*', requestTimeout({ ms: 10_000 }))
 */
export function requestTimeout(options: RequestTimeoutOptions): MiddlewareHandler {
  const { ms, retryAfterSeconds, exceptPaths } = { ...defaults, ...options };
  return async (c, next) => {
    if (ms <= 0 || exceptPaths.some((prefix) => c.req.path.startsWith(prefix))) return next();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), ms);
    });
    const handled = next().then(() => 'handled' as const);
    handled.catch(() => {});
    try {
      if ((await Promise.race([handled, expired])) === 'handled') return;
    } finally {
      clearTimeout(timer);
    }
    console.warn(`[api] ${c.req.method} ${c.req.path} took longer than ${ms} ms; answered 503`);
    c.header('Retry-After', String(retryAfterSeconds));
    return errorResponse(c, 503, 'timeout', `The request took longer than ${ms} ms; try again shortly`);
  };
}
