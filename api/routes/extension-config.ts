import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/context';

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

const extensionConfig = z
  .object({
    disabledAdapters: z
      .array(z.string())
      .describe('Site adapters the extension must not run, e.g. after a site change broke one'),
  })
  .openapi('ExtensionConfig', { example: { disabledAdapters: ['vard-1177'] } });

/**
 * GET /v1/extension/config: the browser extension's remote switch-off list, so a site adapter that
 * misbehaves after a site change can be turned off without a store release. The caller passes the
 * DISABLED_ADAPTERS environment variable (comma-separated adapter ids); nothing else is configurable.
 * It carries its full path: the end-to-end harness mounts it on its own server too.
 *
 * ```ts
 * app.route('/', extensionConfigRoutes(config.DISABLED_ADAPTERS));
 * ```
 */
export function extensionConfigRoutes(disabledAdapters: string | undefined) {
  const body = { disabledAdapters: parseDisabledAdapters(disabledAdapters) };
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/v1/extension/config',
      tags: ['Tillägget'],
      summary: "The browser extension's remote switch-off list of site adapters",
      responses: {
        200: { description: 'The list', content: { 'application/json': { schema: extensionConfig } } },
      },
    }),
    (c) => c.json(body, 200, { 'Cache-Control': 'public, max-age=3600' }),
  );
}
