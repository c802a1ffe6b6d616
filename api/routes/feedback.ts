import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { huvudmanCode, service } from '../../shared/domain';
import { feedback, huvudman, units } from '../db/schema';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { errorBody, errorResponse, errorResponses } from '../http/errors';
import { unitId } from '../http/params';
import { rateLimit } from '../http/rate-limit';

/** A bare host name: never a URL, path or query, so no browsing history can be sent. */
const hostName = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/i,
    'pageHost is a bare host name such as www.norrkoping.se',
  );

const report = z.object({
  unitId: unitId.optional(),
  huvudman: huvudmanCode,
  service,
  pageHost: hostName,
  listingText: z.string().trim().min(1).max(300).describe('The provider name as the public page shows it'),
  kind: z.enum(['wrong_match', 'missing', 'outdated']),
});

/** POST /v1/feedback: a report for the huvudman's editors. No personal data; rate-limited. */
export function feedbackRoutes(deps: AppDeps, options: { perMinute: number; trustProxy?: boolean }) {
  const router = createRouter();
  router.use('/', rateLimit({ limit: options.perMinute, windowMs: 60_000, trustProxy: options.trustProxy }));
  return router.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Utförare'],
      summary: 'Report a wrong match, a missing provider or outdated facts',
      description:
        "Stored for the huvudman's editors. Holds no personal data: a host name, a listing text, a kind.",
      request: { body: { required: true, content: { 'application/json': { schema: report } } } },
      responses: {
        201: {
          description: 'Stored',
          content: { 'application/json': { schema: z.object({ id: z.number() }) } },
        },
        ...errorResponses,
        429: {
          description: 'Too many reports from this address',
          content: { 'application/json': { schema: errorBody } },
        },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const owner = await deps.db.select().from(huvudman).where(eq(huvudman.code, body.huvudman)).get();
      if (!owner)
        return errorResponse(
          c,
          404,
          'not_found',
          `huvudman: no kommun or region has the code ${body.huvudman}`,
        ) as never;
      if (body.unitId) {
        const unit = await deps.db
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.id, body.unitId), eq(units.huvudman, body.huvudman)))
          .get();
        if (!unit)
          return errorResponse(
            c,
            404,
            'not_found',
            `unitId: ${body.huvudman} has no unit ${body.unitId}`,
          ) as never;
      }
      const [row] = await deps.db
        .insert(feedback)
        .values({
          at: new Date().toISOString(),
          huvudman: body.huvudman,
          service: body.service,
          unitId: body.unitId ?? null,
          pageHost: body.pageHost.toLowerCase(),
          listingText: body.listingText,
          kind: body.kind,
        })
        .returning({ id: feedback.id });
      return c.json({ id: row!.id }, 201);
    },
  );
}
