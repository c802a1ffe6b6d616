import type { MiddlewareHandler } from 'hono';

export interface ContentSecurityPolicyOptions {
  /** For JSON, CSV and anything else that is not a page: nothing may load or run. */
  api?: string;
  /** For the HTML pages (/docs, /demo/): inline <style> only, no scripts, no frames, no forms. */
  html?: string;
}

const defaults = {
  api: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  html:
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src 'none'; " +
    "object-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
} satisfies ContentSecurityPolicyOptions;

/**
 * Sets Content-Security-Policy on every response, by its content type: the strict API policy for
 * data, the page policy for text/html. A response that already has a policy keeps it.
 * @example app.use(contentSecurityPolicy())
 */
export function contentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): MiddlewareHandler {
  const { api, html } = { ...defaults, ...options };
  return async (c, next) => {
    await next();
    if (c.res.headers.has('Content-Security-Policy')) return;
    const isPage = (c.res.headers.get('Content-Type') ?? '').startsWith('text/html');
    c.res.headers.set('Content-Security-Policy', isPage ? html : api);
  };
}
