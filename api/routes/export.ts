import { createRoute, z } from '@hono/zod-openapi';
import type { HuvudmanKind } from '../../shared/domain';
import { unitListCsv } from '../export/csv';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { errorResponse, errorResponses } from '../http/errors';
import { huvudmanCodeParam, serviceQuery } from '../http/params';
import { CACHE_CONTROL } from '../http/response-cache';
import { huvudmanExists } from '../queries/huvudman';
import { loadUnitList } from '../queries/units';

const KINDS = {
  kommun: { path: 'kommuner', tag: 'Kommuner', noun: 'kommun' },
  region: { path: 'regioner', tag: 'Regioner', noun: 'region' },
} as const;

/** GET /v1/kommuner/{code}/units.csv (and regioner): the comparable list for spreadsheets. */
export function exportRoutes(deps: AppDeps, kind: HuvudmanKind) {
  const { path, tag, noun } = KINDS[kind];
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/{code}/units.csv',
      tags: [tag],
      summary: `The comparable list of one of the ${noun}'s choice systems, as CSV for spreadsheets`,
      description:
        'UTF-8 with BOM, semicolon-separated, Swedish headers, decimal comma; per indicator its value, period ' +
        'and respondents. Active units, Swedish alphabetical. Text that a spreadsheet would run as a formula ' +
        "(starting with = + - @, tab or CR) is prefixed with ' so it shows as text.",
      request: {
        params: z.object({ code: huvudmanCodeParam(kind) }),
        query: z.object({ service: serviceQuery(kind) }),
      },
      responses: {
        200: { description: 'The list as CSV', content: { 'text/csv': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { code: value } = c.req.valid('param');
      const { service } = c.req.valid('query');
      if (!(await huvudmanExists(deps.db, kind, value)))
        return errorResponse(c, 404, 'not_found', `code: no ${noun} has the code ${value}`);
      const today = deps.today();
      const csv = await deps.cache.value(`csv/${path}/${value}/${service}/${today}`, async () =>
        unitListCsv(
          await loadUnitList(deps.db, value, service, {
            staleAfterDays: deps.staleAfterDays,
            today,
          }),
        ),
      );
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="utforare-${value}-${service}.csv"`,
        'Cache-Control': CACHE_CONTROL,
      });
    },
  );
}
