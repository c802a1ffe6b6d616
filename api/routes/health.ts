import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/context';
import { publicJson } from '../http/response-headers';

/** GET /health: liveness only; it does not touch the database (an outage must not get healthy processes restarted). */
export function healthRoutes() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['Drift'],
      summary: 'Liveness check',
      responses: {
        200: {
          description: 'The API is up',
          content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
        },
      },
    }),
    () => publicJson({ status: 'ok' as const }, 200),
  );
}
