import { createRoute, z } from '@hono/zod-openapi';
import { huvudmanCode, huvudmanKind, service } from '../../shared/domain';
import { findPersonalData, personalDataMessage } from '../feedback/personal-data';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { errorAnswer, errorResponse, errorResponses } from '../http/errors';
import { unitId } from '../http/params';
import { rateLimit } from '../http/rate-limit';
import { storeFeedback } from '../queries/feedback';
import { huvudmanByCode } from '../queries/huvudman';
import { unitBelongsTo } from '../queries/unit-owner';

/** A bare host name: never a URL, path or query, so no browsing history can be sent. */
const hostName = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/i,
    'pageHost is a bare host name such as www.norrkoping.se',
  );

const feedbackKind = z.enum(['wrong_match', 'missing', 'outdated']);

/** Refuses a value that looks like personal data, markup or a web address (api/feedback/personal-data.ts). */
const withoutPersonalData = (value: string, ctx: z.RefinementCtx) => {
  const finding = findPersonalData(value);
  if (finding) ctx.addIssue({ code: 'custom', message: personalDataMessage(finding) });
};

const report = z
  .object({
    unitId: unitId.optional(),
    huvudman: huvudmanCode,
    service,
    pageHost: hostName,
    listingText: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .superRefine(withoutPersonalData)
      .describe(
        'The provider name as the public page shows it. Refused (400) when it holds what looks like a ' +
          'personnummer, an e-mail address, a phone number, a web address or HTML',
      ),
    kind: feedbackKind,
  })
  .openapi('FeedbackReport', {
    example: {
      huvudman: '0581',
      service: 'hemtjanst',
      pageHost: 'www.norrkoping.se',
      listingText: 'Exempelomsorg AB',
      kind: 'wrong_match',
    },
  });

/** A stored report, as the huvudman's editors read it (GET /v1/admin/feedback). */
export const feedbackEntry = z
  .object({
    id: z.number().int(),
    at: z.string().describe('When it was received (ISO 8601)'),
    huvudman: z.string(),
    service: z.string(),
    unitId: z.string().nullable(),
    pageHost: z.string(),
    listingText: z.string(),
    kind: feedbackKind,
  })
  .openapi('FeedbackEntry');

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
        "Stored for the huvudman's editors. Holds no personal data: a host name, a listing text, a kind. " +
        'A text that looks like a personnummer or samordningsnummer, an e-mail address, a phone number, a web ' +
        'address or HTML is refused with 400, naming the field and what was found.',
      request: { body: { required: true, content: { 'application/json': { schema: report } } } },
      responses: {
        201: {
          description: 'Stored',
          content: { 'application/json': { schema: z.object({ id: z.number() }) } },
        },
        ...errorResponses,
        429: errorAnswer('Too many reports from this address'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      if (!(await huvudmanByCode(deps.db, body.huvudman))) {
        const noun = huvudmanKind(body.huvudman);
        return errorResponse(c, 404, 'not_found', `huvudman: no ${noun} has the code ${body.huvudman}`);
      }
      if (body.unitId && !(await unitBelongsTo(deps.db, body.unitId, body.huvudman))) {
        return errorResponse(c, 404, 'not_found', `unitId: ${body.huvudman} has no unit ${body.unitId}`);
      }
      const id = await storeFeedback(deps.db, {
        at: new Date().toISOString(),
        huvudman: body.huvudman,
        service: body.service,
        unitId: body.unitId ?? null,
        pageHost: body.pageHost.toLowerCase(),
        listingText: body.listingText,
        kind: body.kind,
      });
      return c.json({ id }, 201);
    },
  );
}
