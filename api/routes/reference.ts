import { createRoute, z } from '@hono/zod-openapi';
import { indicatorDefinition, source } from '../../shared/domain';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { listSources } from '../queries/sources';
import { loadIndicatorDefinitions } from '../queries/units';

/** GET /v1/indicators and GET /v1/sources: what the figures mean and where they come from. */
export function referenceRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/indicators',
        tags: ['Referens'],
        summary: 'Definitions of every indicator, per service',
        responses: {
          200: {
            description: 'Indicator definitions in display order',
            content: { 'application/json': { schema: z.object({ items: z.array(indicatorDefinition) }) } },
          },
        },
      }),
      (c) =>
        deps.cache.serve(c, 'indicators', async () => ({ items: await loadIndicatorDefinitions(deps.db) })),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sources',
        tags: ['Referens'],
        summary: 'Sources, their licences and the attribution to show',
        responses: {
          200: {
            description: 'Sources',
            content: { 'application/json': { schema: z.object({ items: z.array(source) }) } },
          },
        },
      }),
      (c) => deps.cache.serve(c, 'sources', async () => ({ items: await listSources(deps.db) })),
    );
}
