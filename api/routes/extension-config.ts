import { Hono } from 'hono';

/** Adapter ids (extension/core/sites/adapters/<id>.ts) from a comma-separated list, e.g. "vard-1177,generic". */
export function parseDisabledAdapters(raw: string | undefined): string[] {
  return [
    ...new Set(
      (raw ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => /^[a-z0-9-]+$/.test(id)),
    ),
  ];
}

/**
 * GET /v1/extension/config: the browser extension's remote switch-off list, so a site adapter that
 * misbehaves after a site change can be turned off without a store release. The caller passes the
 * DISABLED_ADAPTERS environment variable (comma-separated adapter ids); nothing else is configurable.
 *
 * ```ts
 * app.route('/', extensionConfigRoutes(process.env.DISABLED_ADAPTERS));
 * ```
 */
export function extensionConfigRoutes(disabledAdapters: string | undefined) {
  const body = { disabledAdapters: parseDisabledAdapters(disabledAdapters) };
  const app = new Hono();
  app.get('/v1/extension/config', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(body);
  });
  return app;
}
