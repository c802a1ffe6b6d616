import { createRoute } from '@hono/zod-openapi';
import { dataset, unit } from '../../shared/domain';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { errorResponse, errorResponses } from '../http/errors';
import { unitIdParams } from '../http/params';
import { loadUnit } from '../queries/units';

export function unitRoutes(deps: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Utförare'],
      summary: 'One unit, in the same shape as in its list',
      request: {
        params: unitIdParams,
      },
      responses: {
        200: {
          description: 'The unit, with the kind of dataset it belongs to',
          content: { 'application/json': { schema: unit.extend({ dataset: dataset.pick({ kind: true }) }) } },
        },
        ...errorResponses,
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const today = deps.today();
      return deps.cache.serve(c, `units/${id}?${today}`, async () => {
        const found = await loadUnit(deps.db, id, { staleAfterDays: deps.staleAfterDays, today });
        if (!found) return errorResponse(c, 404, 'not_found', `id: no unit has the id ${id}`);
        return { ...found.unit, dataset: { kind: found.datasetKind } };
      });
    },
  );
}
