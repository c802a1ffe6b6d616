import { createRoute, z } from '@hono/zod-openapi';
import { kommunCode } from '../../shared/domain';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { type EditorVariables, forbidUnlessOwn } from '../http/editor-auth';
import { errorAnswer, errorResponse } from '../http/errors';
import { loadSyncReport } from '../sync/report';

const syncReport = z.object({
  huvudman: z.string(),
  lastRun: z
    .object({
      startedAt: z.string(),
      finishedAt: z.string(),
      outcome: z.enum(['synced', 'failed', 'skipped']),
      message: z.string().nullable(),
      summary: z.record(z.string(), z.number()).nullable(),
    })
    .nullable()
    .describe('The last Kolada sync of this kommun, whether or not it succeeded'),
  links: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      service: z.string(),
      ou: z.string(),
      ouTitle: z.string().nullable(),
      method: z
        .enum(['register', 'name'])
        .describe('register: the kolada_ou column; name: the strict matcher'),
      linkedAt: z.string(),
    }),
  ),
  unlinked: z
    .array(
      z.object({
        ou: z.string(),
        service: z.string(),
        title: z.string(),
        reason: z.enum(['no_match', 'ambiguous']),
        candidates: z.array(z.string()),
        seenAt: z.string(),
      }),
    )
    .describe("Elderly-care OUs no unit is linked to: set the unit's kolada_ou in the register to link one"),
  attribution: z.string(),
});

/**
 * GET /v1/admin/kolada-sync/{kommun}: the last sync, its links and the OUs left for an editor to link.
 * Mounted inside the admin routes, behind their editor guard.
 */
export function syncReportRoutes(deps: AppDeps) {
  return createRouter<{ Variables: EditorVariables }>().openapi(
    createRoute({
      method: 'get',
      path: '/{huvudman}',
      tags: ['Redaktörer'],
      summary: "The last Kolada sync of one's own kommun: linked units and OUs still to link",
      security: [{ editorToken: [] }],
      request: { params: z.object({ huvudman: kommunCode.meta({ example: '0581' }) }) },
      responses: {
        200: { description: 'The sync report', content: { 'application/json': { schema: syncReport } } },
        401: errorAnswer('Missing, unknown or revoked token'),
        403: errorAnswer('The token belongs to another huvudman'),
      },
    }),
    async (c) => {
      const { huvudman: code } = c.req.valid('param');
      const denied = forbidUnlessOwn(c.get('editor'), code);
      if (denied) return errorResponse(c, 403, 'forbidden', denied);
      return c.json(await loadSyncReport(deps.db, code), 200);
    },
  );
}
