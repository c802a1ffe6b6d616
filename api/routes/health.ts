import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/context';

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
    (c) => c.json({ status: 'ok' as const }, 200),
  );
}
