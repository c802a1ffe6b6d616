import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { units } from '../db/schema';
import { unitHistory } from '../history/changes';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { errorResponse, errorResponses } from '../http/errors';
import { unitIdParams } from '../http/params';

const change = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string().describe('Who made it: an editor team\'s token name, "cli", "sync" or "demo"'),
  unitId: z.string(),
  kind: z.enum(['added', 'changed', 'ended', 'indicator']),
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});

/** GET /v1/units/{id}/history: what changed in a unit's record, when and by whom. Public. */
export function historyRoutes(deps: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/{id}/history',
      tags: ['Utförare'],
      summary: "A unit's change history, newest first",
      request: {
        params: unitIdParams,
      },
      responses: {
        200: {
          description: 'Changes',
          content: { 'application/json': { schema: z.object({ items: z.array(change) }) } },
        },
        ...errorResponses,
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      return deps.cache.serve(c, `history/${id}`, async () => {
        const exists = await deps.db.select({ id: units.id }).from(units).where(eq(units.id, id)).get();
        if (!exists) return errorResponse(c, 404, 'not_found', `id: no unit has the id ${id}`);
        return { items: await unitHistory(deps.db, id) };
      }) as never;
    },
  );
}
