import { createRoute, z } from '@hono/zod-openapi';
import { huvudmanCode, huvudmanKind, service } from '../../shared/domain';
import { createMatcher, MATCH_REASONS } from '../../shared/matching';
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

const matchedUnit = z.object({ id: z.string(), name: z.string() });

const matchResponse = z
  .object({
    matches: z.array(
      z.object({
        text: z.string(),
        unit: matchedUnit.nullable().openapi({ description: 'The one unit the text names, or null' }),
        score: z
          .number()
          .openapi({ description: '0..1; for a null unit, the best score that was not enough' }),
        reason: z.enum(MATCH_REASONS).openapi({
          description:
            "Why: hsa_id, register_id, name, alias, egen_regi (the kommun's name as a listing, and the kommun has " +
            'one own unit), short_form (a short form only one unit fits), shared_name (a brand several units ' +
            'share: see group), below_threshold, ambiguous, kommun_only, no_candidates, not_a_name, too_long ' +
            '(longer than any listing name), work_limit (refused: too costly against this list). See docs/matching.md.',
        }),
        group: z
          .array(matchedUnit)
          .nullable()
          .openapi({
            description:
              "With reason shared_name only: every unit of the list that the listing names together (a chain's " +
              'brand listed once, e.g. "Attendo" beside "Attendo Centrum" and "Attendo Söder"), in Swedish ' +
              'alphabetical order; unit is then null. Otherwise null.',
          }),
      }),
    ),
  })
  .openapi('MatchResponse', {
    example: {
      matches: [
        {
          text: 'Vionord Omsorg och Service',
          unit: { id: 'u_vionord', name: 'Vionord Omsorg & Service AB' },
          score: 0.97,
          reason: 'name',
          group: null,
        },
        {
          text: 'Norrköpings kommun',
          unit: { id: 'u_egen', name: 'Norrköpings kommun hemtjänst' },
          score: 0.89,
          reason: 'egen_regi',
          group: null,
        },
        {
          text: 'Solvita Omsorg',
          unit: null,
          score: 0.48,
          reason: 'shared_name',
          group: [
            { id: 'u_solvita_c', name: 'Solvita Omsorg Centrum AB' },
            { id: 'u_solvita_v', name: 'Solvita Omsorg Väster AB' },
          ],
        },
        { text: 'Välj utförare', unit: null, score: 0, reason: 'below_threshold', group: null },
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
        `At most ${MAX_NAMES} names. Answers in input order. The names are read as the listings of one ` +
        "provider list of this huvudman and service (the items of a kommun's or 1177's list of utförare): the " +
        "kommun's own unit is found from the kommun's name, and a brand several units share gets a group. Each " +
        'text may carry more than the name (a phone number, table cells, a description): the name part is ' +
        'matched. A text is matched only when one unit is clearly the best; otherwise unit is null. Never ' +
        'matches across huvudman.',
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
      const matches = matcher
        .matchAll(request.names, { context: 'provider-list' })
        .map((m) => ({ ...m, group: m.group ?? null }));
      return c.json({ matches }, 200);
    },
  );
}
