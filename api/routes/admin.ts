import { createRoute, z } from '@hono/zod-openapi';
import { huvudmanHistoryEntry } from '../../shared/domain';
import { MAX_LISTED_PROBLEMS } from '../../shared/register';
import { handleFiguresUpload } from '../figures/upload';
import { huvudmanChanges } from '../history/changes';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { type EditorVariables, forbidUnlessOwn, requireEditor } from '../http/editor-auth';
import { type ErrorAnswer, errorAnswer, errorResponse } from '../http/errors';
import { editorHuvudman } from '../http/params';
import { bodyLimit } from '../http/request-limits';
import { feedbackFor } from '../queries/feedback';
import { handleRegisterUpload, XLSX_MEDIA_TYPE } from '../register/upload';
import { figuresRoute } from './admin-figures';
import { feedbackEntry } from './feedback';
import { fileProblems } from './file-problems';
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

const fileRead = z
  .object({
    format: z.enum(['csv', 'json', 'xlsx']).nullable(),
    encoding: z.enum(['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le', 'utf-16be']).nullable(),
    delimiter: z.enum([',', ';']).nullable(),
    sheet: z.string().nullable(),
    description: z.string().describe('How the file was read, in Swedish'),
  })
  .describe('How the file was read');
const systemCounts = z.object({
  huvudman: z.string(),
  service: z.string(),
  added: z.number(),
  changed: z.number(),
  ended: z.number(),
  unchanged: z.number(),
});
const uploadSummary = z.object({
  added: z.number(),
  changed: z.number(),
  ended: z.number(),
  unchanged: z.number(),
  systems: z.array(systemCounts),
  file: fileRead,
});
const problemList = fileProblems(z.enum(['invalid_register', 'too_many_units']), fileRead);
const confirmationNeeded = z.object({
  error: z.object({
    code: z.literal('confirmation_required'),
    message: z.string(),
    ending: z.number().describe('Units the upload would end: send it as ?confirmEnding='),
    systems: z.array(
      z.object({ huvudman: z.string(), service: z.string(), ending: z.number(), activeBefore: z.number() }),
    ),
    file: fileRead,
  }),
});

/**
 * The editors' API, mounted at /v1/admin: replace a register or a set of figures, read the change log, the feedback and the
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

  router.use(
    '/figures/*',
    bodyLimit({
      maxBytes: MAX_REGISTER_BYTES,
      message: `body: a figures file is at most ${MAX_REGISTER_BYTES} bytes`,
    }),
  );

  return router
    .route('/kolada-sync', syncReportRoutes(deps))
    .openapi(figuresRoute, async (c) => {
      const editor = c.get('editor');
      const { huvudman: code } = c.req.valid('param');
      const denied = forbidUnlessOwn(editor, code);
      if (denied) return errorResponse(c, 403, 'forbidden', denied);
      const answer = await handleFiguresUpload(deps.db, {
        huvudman: code,
        bytes: new Uint8Array(await c.req.arrayBuffer()),
        contentType: c.req.header('content-type') ?? '',
        actor: editor.name,
        now: new Date(),
      });
      if (answer.status !== 200) return c.json(answer.body, 400);
      deps.cache.invalidate();
      return c.json(answer.body, 200);
    })
    .openapi(
      createRoute({
        method: 'put',
        path: '/registers/{huvudman}',
        tags: ['Redaktörer'],
        summary: "Replace the huvudman's register (CSV, JSON or XLSX, utförarregister v1)",
        description:
          'Same format, decoding, validation and all-or-nothing semantics as `npm run import`: each (huvudman, tjanst) in ' +
          'the file is replaced by its rows; units absent from it end. Send CSV as text/csv (UTF-8, Windows-1252, ' +
          `ISO-8859-1 or UTF-16 with BOM), JSON as application/json, XLSX as ${XLSX_MEDIA_TYPE}; other types are sniffed. ` +
          `Any bad row: 400 with the first ${MAX_LISTED_PROBLEMS} problems, the count of all, and nothing written. ` +
          "An upload that would end more than half of a system's active units: 409 unless `confirmEnding` names " +
          'exactly how many will end. The answer says how the file was read (`file`).',
        security,
        request: {
          params: huvudmanParam,
          query: z.object({
            confirmEnding: z.coerce
              .number()
              .int()
              .min(0)
              .optional()
              .describe(
                'The number of units this upload will end, when that is more than half: confirms it is intended',
              ),
          }),
          body: {
            content: {
              'text/csv': {
                schema: z.string().openapi({
                  example:
                    'huvudman;tjanst;namn;regi;verifierad;id\n0581;hemtjanst;Exempelomsorg AB;privat;2026-10-01;demo-nkp-ht-2',
                }),
              },
              [XLSX_MEDIA_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
            },
          },
        },
        responses: {
          200: {
            description: 'Imported; what changed, and how the file was read',
            content: json(uploadSummary),
          },
          400: {
            description: 'The file has problems, or is too large a register; nothing was written',
            content: json(problemList),
          },
          409: {
            description: 'Would end many units; send confirmEnding to go ahead',
            content: json(confirmationNeeded),
          },
          ...authErrors,
          413: errorAnswer('Body too large'),
        },
      }),
      async (c) => {
        const editor = c.get('editor');
        const { huvudman: code } = c.req.valid('param');
        const denied = forbidUnlessOwn(editor, code);
        if (denied) return errorResponse(c, 403, 'forbidden', denied);
        const answer = await handleRegisterUpload(deps.db, {
          huvudman: code,
          bytes: new Uint8Array(await c.req.arrayBuffer()),
          contentType: c.req.header('content-type') ?? '',
          actor: editor.name,
          now: new Date(),
          confirmEnding: c.req.valid('query').confirmEnding,
        });
        if (answer.status === 200) {
          deps.cache.invalidate();
          return c.json(answer.body, 200);
        }
        return answer.status === 409 ? c.json(answer.body, 409) : c.json(answer.body, 400);
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
