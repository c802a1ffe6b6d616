import { createRoute, z } from '@hono/zod-openapi';
import { datasetBasis, type HuvudmanKind, kommun, region, unitList } from '../../shared/domain';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { errorResponse, errorResponses } from '../http/errors';
import { huvudmanCodeParam, serviceQuery } from '../http/params';
import { huvudmanExists, listHuvudman, loadHuvudman } from '../queries/huvudman';
import { SORT_DESCRIPTION, SORT_PATTERN } from '../queries/sort';
import { loadUnitList } from '../queries/units';

const systemState = z
  .object({
    service: z.string(),
    label: z.string(),
    activeUnits: z.number().int(),
    dataset: z
      .object({
        kind: z.enum(['demo', 'live']),
        basis: datasetBasis.nullable(),
        version: z.string(),
        updatedAt: z.string(),
      })
      .nullable()
      .describe('null when no register has been loaded for this service'),
    registerUpdatedAt: z.string().nullable().describe('When the register last changed'),
    indicatorsSyncedAt: z.string().nullable().describe('When indicators were last synced from their source'),
  })
  .openapi('ChoiceSystem');

const KINDS = {
  kommun: { path: 'kommuner', tag: 'Kommuner', summary: kommun, noun: 'kommun' },
  region: { path: 'regioner', tag: 'Regioner', summary: region, noun: 'region' },
} as const;

/** GET /v1/kommuner, /v1/kommuner/{code}, /v1/kommuner/{code}/units (and the same for regioner). */
export function huvudmanRoutes(deps: AppDeps, kind: HuvudmanKind) {
  const { path, tag, summary, noun } = KINDS[kind];
  const params = z.object({ code: huvudmanCodeParam(kind) });
  const notFound = (c: Parameters<typeof errorResponse>[0], value: string) =>
    errorResponse(c, 404, 'not_found', `code: no ${noun} has the code ${value}`);

  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: [tag],
        summary: `All ${kind === 'kommun' ? '290 kommuner' : '21 regions'}`,
        responses: {
          200: {
            description: 'List',
            content: { 'application/json': { schema: z.object({ items: z.array(summary) }) } },
          },
        },
      }),
      (c) => deps.cache.serve(c, `${path}`, async () => ({ items: await listHuvudman(deps.db, kind) })),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{code}',
        tags: [tag],
        summary: `One ${noun}, with the state of its choice systems`,
        request: { params },
        responses: {
          200: {
            description: `The ${noun}`,
            content: { 'application/json': { schema: summary.extend({ services: z.array(systemState) }) } },
          },
          ...errorResponses,
        },
      }),
      (c) => {
        const { code: value } = c.req.valid('param');
        return deps.cache.serve(c, `${path}/${value}`, async () => {
          return (await loadHuvudman(deps.db, kind, value)) ?? notFound(c, value);
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{code}/units',
        tags: [tag],
        summary: `The comparable list of providers in one of the ${noun}'s choice systems`,
        description:
          'Every unit has exactly the same keys and the same indicator ids; a missing figure is null with a ' +
          'missingReason. Default order is Swedish alphabetical by name. Active units only unless includeEnded=true.',
        request: {
          params,
          query: z.object({
            service: serviceQuery(kind),
            sort: z
              .string()
              .max(20)
              .regex(
                SORT_PATTERN,
                'sort must be name, regi, verifiedAt or an indicator id, optionally prefixed with -',
              )
              .optional()
              .describe(SORT_DESCRIPTION),
            includeEnded: z
              .enum(['true', 'false'])
              .optional()
              .describe('Include units that have left the register'),
          }),
        },
        responses: {
          200: { description: 'The list', content: { 'application/json': { schema: unitList } } },
          ...errorResponses,
        },
      }),
      (c) => {
        const { code: value } = c.req.valid('param');
        const { service, sort = 'name', includeEnded = 'false' } = c.req.valid('query');
        const today = deps.today();
        const key = `${path}/${value}/units?${service}&${sort}&${includeEnded}&${today}`;
        return deps.cache.serve(c, key, async () => {
          if (!(await huvudmanExists(deps.db, kind, value))) return notFound(c, value);
          return loadUnitList(deps.db, value, service, {
            sort,
            includeEnded: includeEnded === 'true',
            staleAfterDays: deps.staleAfterDays,
            today,
          });
        });
      },
    );
}
