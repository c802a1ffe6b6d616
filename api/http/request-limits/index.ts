import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../errors';
import { bodyLimit } from './body-limit';

export { type BodyLimitOptions, bodyLimit, DRAIN_BYTES } from './body-limit';

export interface RequestLimitsOptions {
  /** Longest query string (after "?", in bytes as sent). Longer: 414. */
  maxQueryLength?: number;
  /** Largest request body. Larger: 413, before a byte of it is parsed (see ./body-limit.ts). */
  maxBodyBytes?: number;
  /** Path prefixes that set their own, larger body limit (e.g. register uploads). */
  ownBodyLimit?: readonly string[];
}

const defaults = {
  maxQueryLength: 2048,
  maxBodyBytes: 256 * 1024,
  ownBodyLimit: [],
} satisfies RequestLimitsOptions;

/**
 * Caps what a request may make the API read: the query string (414) and the body (413), for every
 * route, so no route can forget its own limit. Header sizes are capped by Node (431).
 * @example app.use(requestLimits({ ownBodyLimit: ['/v1/admin/registers/'] }))
 */
export function requestLimits(options: RequestLimitsOptions = {}): MiddlewareHandler {
  const { maxQueryLength, maxBodyBytes, ownBodyLimit } = { ...defaults, ...options };
  const limitBody = bodyLimit({ maxBytes: maxBodyBytes });
  // Not async: a request within the limits costs no extra promise on its way through.
  return (c, next) => {
    const url = c.req.url;
    const queryAt = url.indexOf('?');
    if (queryAt >= 0 && url.length - queryAt - 1 > maxQueryLength) {
      return Promise.resolve(
        errorResponse(c, 414, 'uri_too_long', `query: at most ${maxQueryLength} characters`),
      );
    }
    if (ownBodyLimit.some((prefix) => c.req.path.startsWith(prefix))) return next();
    return limitBody(c, next);
  };
}
