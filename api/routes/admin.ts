import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, lt } from 'drizzle-orm';
import { bodyLimit } from 'hono/body-limit';
import { huvudmanCode } from '../../shared/domain';
import { MAX_LISTED_PROBLEMS } from '../../shared/register';
import { feedback } from '../db/schema';
import { huvudmanChanges } from '../history/changes';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { type EditorVariables, forbidUnlessOwn, requireEditor } from '../http/editor-auth';
import { errorBody, errorResponse } from '../http/errors';
import { handleRegisterUpload, XLSX_MEDIA_TYPE } from '../register/upload';

export const MAX_REGISTER_BYTES = 5 * 1024 * 1024;

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const authErrors = {
  401: { description: 'Missing, unknown or revoked token', content: json(errorBody) },
  403: { description: 'The token belongs to another huvudman', content: json(errorBody) },
};
const security = [{ editorToken: [] }];
const huvudmanParam = z.object({
  huvudman: huvudmanCode,
});
const pageQuery = z.object({
  huvudman: huvudmanCode,
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
const problemList = z.object({
  error: z.object({
    code: z.enum(['invalid_register', 'too_many_units']),
    message: z.string(),
    problems: z
      .array(
        z.object({
          line: z.number().nullable(),
          column: z.string().nullable(),
          value: z.string().optional(),
          message: z.string(),
        }),
      )
      .describe(`The first ${MAX_LISTED_PROBLEMS} problems, file-level ones first, then by line`),
    problemCount: z.number().describe('Every problem found; more than problems.length when the list was cut'),
    file: fileRead,
  }),
});
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

/** The editors' API: replace a register, read the change log and the feedback for one's own huvudman. */
export function adminRoutes(deps: AppDeps) {
  const router = createRouter<{ Variables: EditorVariables }>();
  router.openAPIRegistry.registerComponent('securitySchemes', 'editorToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'An editor token from `npm run token -- create`; it acts only for its own kommun or region',
  });
  router.use('/v1/admin/*', requireEditor(deps.db));
  router.use(
    '/v1/admin/registers/*',
    bodyLimit({
      maxSize: MAX_REGISTER_BYTES,
      onError: (c) =>
        errorResponse(
          c,
          413,
          'payload_too_large',
          `body: a register file is at most ${MAX_REGISTER_BYTES} bytes`,
        ),
    }),
  );

  return router
    .openapi(
      createRoute({
        method: 'put',
        path: '/v1/admin/registers/{huvudman}',
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
              'text/csv': { schema: z.string() },
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
          413: { description: 'Body too large', content: json(errorBody) },
        },
      }),
      async (c) => {
        const editor = c.get('editor');
        const { huvudman: code } = c.req.valid('param');
        const denied = forbidUnlessOwn(editor, code);
        if (denied) return errorResponse(c, 403, 'forbidden', denied) as never;
        const answer = await handleRegisterUpload(deps.db, {
          huvudman: code,
          bytes: new Uint8Array(await c.req.arrayBuffer()),
          contentType: c.req.header('content-type') ?? '',
          actor: editor.name,
          now: new Date(),
          confirmEnding: c.req.valid('query').confirmEnding,
        });
        if (answer.status === 200) deps.cache.invalidate();
        return c.json(answer.body, answer.status) as never;
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/v1/admin/changes',
        tags: ['Redaktörer'],
        summary: 'The change log of one huvudman, newest first',
        security,
        request: { query: pageQuery },
        responses: {
          200: {
            description: 'Changes',
            content: json(z.object({ items: z.array(z.record(z.string(), z.unknown())) })),
          },
          ...authErrors,
        },
      }),
      async (c) => {
        const { huvudman: code, limit, before } = c.req.valid('query');
        const denied = forbidUnlessOwn(c.get('editor'), code);
        if (denied) return errorResponse(c, 403, 'forbidden', denied) as never;
        return c.json({ items: await huvudmanChanges(deps.db, code, { limit, before }) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/v1/admin/feedback',
        tags: ['Redaktörer'],
        summary: "Users' reports about one huvudman's units, newest first",
        security,
        request: { query: pageQuery },
        responses: {
          200: {
            description: 'Reports',
            content: json(z.object({ items: z.array(z.record(z.string(), z.unknown())) })),
          },
          ...authErrors,
        },
      }),
      async (c) => {
        const { huvudman: code, limit, before } = c.req.valid('query');
        const denied = forbidUnlessOwn(c.get('editor'), code);
        if (denied) return errorResponse(c, 403, 'forbidden', denied) as never;
        const items = await deps.db
          .select()
          .from(feedback)
          .where(and(eq(feedback.huvudman, code), before ? lt(feedback.id, before) : undefined))
          .orderBy(desc(feedback.id))
          .limit(limit)
          .all();
        return c.json({ items }, 200);
      },
    );
}
