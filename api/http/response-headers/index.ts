import type { MiddlewareHandler, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';

/**
 * The headers every response carries, and who may read it from another origin (CORS). Computed once:
 * a cached answer is sent with a prepared header object (see `prepared`), everything else gets the
 * missing ones filled in on the way out, by `responseHeaders()`.
 */

/** What hono/secure-headers set for us before, with Cross-Origin-Resource-Policy opened for the extension. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
});

/** Content-Security-Policy by what a response is. */
export const CONTENT_SECURITY_POLICY = {
  /** JSON, CSV and anything that is not a page: nothing may load or run. */
  api: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  /** The HTML pages (/, /docs, /demo/): inline <style> only, no scripts, no frames, no forms. */
  page:
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src 'none'; " +
    "object-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
} as const;

/** Browser extensions: Chrome's and Safari's per-extension id, Firefox's per-installation UUID. */
export const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

const EXPOSED = 'ETag, Retry-After';

/**
 * Who may read a response from another origin:
 * - public reads (GET, HEAD, outside /v1/admin): anyone, `Access-Control-Allow-Origin: *`, no credentials
 *   and no `Vary: Origin`, so one cached copy serves every client (Firefox gives every installation its
 *   own moz-extension:// origin; varying on it would defeat every shared cache);
 * - public writes (POST /v1/match, /v1/feedback): browser extensions only, so a web page cannot use its
 *   visitors' browsers to spread reports or matching work over many addresses past the rate limits;
 * - /v1/admin and the editors' page (/editor): no one; editors' tools are same-origin, their tokens and
 *   sessions never travel cross-origin.
 */
export type CorsPolicy = 'public-read' | 'public-write' | 'none';

/** The editors' API and the editors' web page: same-origin only. */
const EDITORS_ONLY = ['/v1/admin', '/editor'];

export function corsPolicy(method: string, path: string): CorsPolicy {
  if (EDITORS_ONLY.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return 'none';
  return method === 'GET' || method === 'HEAD' ? 'public-read' : 'public-write';
}

/** Every header a public read answers with, for a JSON or CSV body: security, CSP and CORS. */
export const PUBLIC_READ_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...SECURITY_HEADERS,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY.api,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED,
});

const preparedResponses = new WeakSet<Response>();

/**
 * A response whose headers are complete already (security, CSP, CORS), sent as they are: the
 * headers stay a plain object, which @hono/node-server writes straight to the socket.
 */
export function prepared(
  body: Uint8Array<ArrayBuffer> | string | null,
  status: number,
  headers: Record<string, string>,
) {
  const response = new Response(body, { status, headers });
  preparedResponses.add(response);
  return response;
}

const PUBLIC_JSON_HEADERS = Object.freeze({ ...PUBLIC_READ_HEADERS, 'Content-Type': 'application/json' });

/**
 * A public read's JSON answer, prepared (for answers on the hot path, e.g. /health), typed like
 * `c.json(body, status)` for the route's schema.
 */
export function publicJson<T, S extends ContentfulStatusCode>(body: T, status: S) {
  return prepared(JSON.stringify(body), status, PUBLIC_JSON_HEADERS) as Response &
    TypedResponse<JSONParsed<T>, S, 'json'>;
}

/** The CORS headers a response gets under its policy, for a request from `origin`. */
function corsHeaders(policy: CorsPolicy, origin: string | undefined): [string, string][] {
  if (policy === 'public-read')
    return [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Expose-Headers', EXPOSED],
    ];
  if (policy === 'none') return [];
  const allowed = origin !== undefined && EXTENSION_ORIGIN.test(origin);
  return allowed
    ? [
        ['Access-Control-Allow-Origin', origin],
        ['Access-Control-Expose-Headers', EXPOSED],
      ]
    : [];
}

/**
 * Fills in what a response lacks, on the way out of every request: the security headers, the CSP for
 * its content type (a response that chose its own keeps it), and the CORS headers of its policy.
 * Prepared responses are left alone.
 * @example app.use(responseHeaders())
 */
export function responseHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const response = c.res;
    if (preparedResponses.has(response)) return;
    const headers = response.headers;
    for (const name in SECURITY_HEADERS) if (!headers.has(name)) headers.set(name, SECURITY_HEADERS[name]!);
    if (!headers.has('Content-Security-Policy')) {
      const isPage = (headers.get('Content-Type') ?? '').startsWith('text/html');
      headers.set(
        'Content-Security-Policy',
        isPage ? CONTENT_SECURITY_POLICY.page : CONTENT_SECURITY_POLICY.api,
      );
    }
    const policy = corsPolicy(c.req.method, c.req.path);
    for (const [name, value] of corsHeaders(policy, c.req.header('Origin'))) headers.set(name, value);
    if (policy === 'public-write') headers.append('Vary', 'Origin');
  };
}

/**
 * Answers CORS preflights (OPTIONS with Access-Control-Request-Method) under the same policies:
 * reads from anyone, writes from extensions. Admin paths get no answer of this kind, so a browser
 * refuses to send a cross-origin request there at all.
 */
export function corsPreflight(): MiddlewareHandler {
  return (c, next) => {
    if (c.req.method !== 'OPTIONS') return next();
    const requested = c.req.header('Access-Control-Request-Method');
    if (!requested) return next();
    const policy = corsPolicy(requested.toUpperCase(), c.req.path);
    const cors = corsHeaders(policy, c.req.header('Origin'));
    if (cors.length === 0) return next();
    return Promise.resolve(preflightAnswer(policy, cors));
  };
}

function preflightAnswer(policy: CorsPolicy, cors: [string, string][]) {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY.api,
    ...Object.fromEntries(cors),
    'Access-Control-Allow-Methods': policy === 'public-read' ? 'GET, HEAD' : 'POST',
    'Access-Control-Allow-Headers': policy === 'public-read' ? 'If-None-Match' : 'Content-Type',
    'Access-Control-Max-Age': '86400',
    ...(policy === 'public-write' ? { Vary: 'Origin' } : {}),
  };
  return prepared(null, 204, headers);
}
