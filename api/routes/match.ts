import { createRoute, z } from '@hono/zod-openapi';
import { huvudmanCode, huvudmanKind, service } from '../../shared/domain';
import { createMatcher } from '../../shared/matching';
import type { AppDeps } from '../http/context';
import { createRouter } from '../http/context';
import { errorAnswer, errorResponse, errorResponses } from '../http/errors';
import { loadMatchCandidates } from '../queries/match-candidates';

export const MAX_NAMES = 500;

const matchRequest = z
  .object({
    huvudman: huvudmanCode,
    service: service.optional(),
    names: z
      .array(z.string().max(300, 'each name is at most 300 characters'))
      .min(1, 'names: give at least one name')
      .max(MAX_NAMES, `names: at most ${MAX_NAMES} names per request`),
  })
  .openapi('MatchRequest', {
    example: {
      huvudman: '0581',
      service: 'hemtjanst',
      names: ['Exempelomsorg AB', 'Hemtjänst i Exempelstad'],
    },
  });

const matchResponse = z
  .object({
    matches: z.array(
      z.object({
        text: z.string(),
        unit: z.object({ id: z.string(), name: z.string() }).nullable(),
        score: z.number(),
        reason: z.string(),
      }),
    ),
  })
  .openapi('MatchResponse', {
    example: {
      matches: [
        {
          text: 'Exempelomsorg AB',
          unit: { id: 'u_7beede8e9f1fb2ba', name: 'Exempelomsorg AB' },
          score: 1,
          reason: 'name',
        },
        { text: 'Hemtjänst i Exempelstad', unit: null, score: 0.31, reason: 'below_threshold' },
      ],
    },
  });

/** POST /v1/match: which register unit, if any, each listing text names. Conservative: unsure is null. */
export function matchRoutes(deps: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Matchning'],
      summary: "Match listing texts from a public page to one huvudman's units",
      description:
        `At most ${MAX_NAMES} names. Answers in input order. A text is matched only when one unit is clearly ` +
        'the best; otherwise unit is null. Never matches across huvudman.',
      request: { body: { required: true, content: { 'application/json': { schema: matchRequest } } } },
      responses: {
        200: {
          description: 'One answer per name',
          content: { 'application/json': { schema: matchResponse } },
        },
        ...errorResponses,
        413: errorAnswer('Body too large'),
      },
    }),
    async (c) => {
      const request = c.req.valid('json');
      const matcher = await deps.cache.value(
        `matcher/${request.huvudman}/${request.service ?? '*'}`,
        async () => {
          const found = await loadMatchCandidates(deps.db, request.huvudman, request.service);
          if (!found) return null;
          return createMatcher(found.candidates, {
            huvudman: request.huvudman,
            service: request.service,
            contextNames: [found.owner.name, found.owner.shortName],
          });
        },
      );
      if (!matcher) {
        const noun = huvudmanKind(request.huvudman);
        return errorResponse(c, 404, 'not_found', `huvudman: no ${noun} has the code ${request.huvudman}`);
      }
      return c.json({ matches: matcher.matchAll(request.names) }, 200);
    },
  );
}
