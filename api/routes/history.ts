import { createRoute, z } from '@hono/zod-openapi';
import { historyEntry } from '../../shared/domain';
import { unitHistory } from '../history/changes';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { errorResponse, errorResponses } from '../http/errors';
import { unitIdParams } from '../http/params';

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
          content: { 'application/json': { schema: z.object({ items: z.array(historyEntry) }) } },
        },
        ...errorResponses,
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      return deps.cache.serve(c, `history/${id}`, async () => {
        const items = await unitHistory(deps.db, id);
        return items ? { items } : errorResponse(c, 404, 'not_found', `id: no unit has the id ${id}`);
      });
    },
  );
}
