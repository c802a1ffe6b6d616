import { createRoute, z } from '@hono/zod-openapi';
import { huvudmanHistoryEntry } from '../../shared/domain';
import { formatProblem, parseRegister, type RegisterProblem, todayInSweden } from '../../shared/register';
import { huvudmanChanges } from '../history/changes';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { type EditorVariables, forbidUnlessOwn, requireEditor } from '../http/editor-auth';
import { type ErrorAnswer, errorAnswer, errorResponse } from '../http/errors';
import { editorHuvudman } from '../http/params';
import { bodyLimit } from '../http/request-limits';
import { feedbackFor } from '../queries/feedback';
import { importRegisterRows } from '../register/import';
import { feedbackEntry } from './feedback';
import { syncReportRoutes } from './sync-report';

export const MAX_REGISTER_BYTES = 5 * 1024 * 1024;

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const authErrors = {
  401: errorAnswer('Missing, unknown or revoked token'),
  403: errorAnswer('The token belongs to another huvudman'),
} as { 401: ErrorAnswer; 403: ErrorAnswer };
const security = [{ editorToken: [] }];
const huvudmanParam = z.object({
  huvudman: editorHuvudman,
});
const pageQuery = z.object({
  huvudman: editorHuvudman,
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Page on: the smallest id of the previous page'),
});

const problemList = z.object({
  error: z.object({
    code: z.literal('invalid_register'),
    message: z.string(),
    problems: z.array(
      z.object({
        line: z.number().nullable(),
        column: z.string().nullable(),
        value: z.string().optional(),
        message: z.string(),
      }),
    ),
  }),
});

/**
 * The editors' API, mounted at /v1/admin: replace a register, read the change log, the feedback and the
 * Kolada sync report of one's own huvudman.
 */
export function adminRoutes(deps: AppDeps) {
  const router = createRouter<{ Variables: EditorVariables }>();
  router.openAPIRegistry.registerComponent('securitySchemes', 'editorToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'An editor token from `npm run token -- create`; it acts only for its own kommun or region',
  });
  // The one editor guard: every route below, and any added later, requires a valid token.
  router.use('*', requireEditor(deps.db));
  router.use(
    '/registers/*',
    bodyLimit({
      maxBytes: MAX_REGISTER_BYTES,
      message: `body: a register file is at most ${MAX_REGISTER_BYTES} bytes`,
    }),
  );

  return router
    .route('/kolada-sync', syncReportRoutes(deps))
    .openapi(
      createRoute({
        method: 'put',
        path: '/registers/{huvudman}',
        tags: ['Redaktörer'],
        summary: "Replace the huvudman's register (CSV or JSON, utförarregister v1)",
        description:
          'Same format, validation and all-or-nothing semantics as `npm run import`: each (huvudman, tjanst) in the file ' +
          'is replaced by its rows; units absent from it end. Send CSV as text/csv, JSON as application/json. ' +
          'Any bad row: 400 with every problem and nothing written.',
        security,
        request: {
          params: huvudmanParam,
          body: {
            content: {
              'text/csv': {
                schema: z.string().openapi({
                  example:
                    'huvudman;tjanst;namn;regi;verifierad;id\n0581;hemtjanst;Exempelomsorg AB;privat;2026-10-01;demo-nkp-ht-2',
                }),
              },
            },
          },
        },
        responses: {
          200: {
            description: 'Imported; what changed',
            content: json(
              z.object({
                added: z.number(),
                changed: z.number(),
                ended: z.number(),
                unchanged: z.number(),
                systems: z.array(
                  z.object({
                    huvudman: z.string(),
                    service: z.string(),
                    added: z.number(),
                    changed: z.number(),
                    ended: z.number(),
                    unchanged: z.number(),
                  }),
                ),
              }),
            ),
          },
          400: { description: 'The file has problems; nothing was written', content: json(problemList) },
          ...authErrors,
          413: errorAnswer('Body too large'),
        },
      }),
      async (c) => {
        const editor = c.get('editor');
        const { huvudman: code } = c.req.valid('param');
        const denied = forbidUnlessOwn(editor, code);
        if (denied) return errorResponse(c, 403, 'forbidden', denied);

        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const type = c.req.header('content-type') ?? '';
        const format = type.includes('json') ? 'json' : type.includes('csv') ? 'csv' : undefined;
        const now = new Date();
        const parsed = parseRegister(bytes, { format, today: todayInSweden(now) });
        const problems: RegisterProblem[] = parsed.ok
          ? parsed.rows
              .filter((row) => row.huvudman !== code)
              .map((row) => ({
                line: row.line,
                column: 'huvudman',
                value: row.huvudman,
                message: `raden gäller ${row.huvudman}, men registret som skickas är ${code}s`,
              }))
          : parsed.problems;
        if (!parsed.ok || problems.length > 0) {
          return c.json(
            {
              error: {
                code: 'invalid_register' as const,
                message: `${problems.length} problem(s); nothing was imported: ${problems.slice(0, 3).map(formatProblem).join('; ')}`,
                problems,
              },
            },
            400,
          );
        }
        const summary = await importRegisterRows(deps.db, parsed.rows, { actor: editor.name, now });
        deps.cache.invalidate();
        const { changes: _changes, ...counts } = summary;
        return c.json(counts, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/changes',
        tags: ['Redaktörer'],
        summary: 'The change log of one huvudman, newest first',
        security,
        request: { query: pageQuery },
        responses: {
          200: {
            description: 'Changes',
            content: json(z.object({ items: z.array(huvudmanHistoryEntry) })),
          },
          ...authErrors,
        },
      }),
      async (c) => {
        const { huvudman: code, limit, before } = c.req.valid('query');
        const denied = forbidUnlessOwn(c.get('editor'), code);
        if (denied) return errorResponse(c, 403, 'forbidden', denied);
        return c.json({ items: await huvudmanChanges(deps.db, code, { limit, before }) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/feedback',
        tags: ['Redaktörer'],
        summary: "Users' reports about one huvudman's units, newest first",
        security,
        request: { query: pageQuery },
        responses: {
          200: {
            description: 'Reports',
            content: json(z.object({ items: z.array(feedbackEntry) })),
          },
          ...authErrors,
        },
      }),
      async (c) => {
        const { huvudman: code, limit, before } = c.req.valid('query');
        const denied = forbidUnlessOwn(c.get('editor'), code);
        if (denied) return errorResponse(c, 403, 'forbidden', denied);
        return c.json({ items: await feedbackFor(deps.db, code, { limit, before }) }, 200);
      },
    );
}
