import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Machine-readable, e.g. "bad_request", "not_found"'),
      message: z.string().describe('What was wrong, naming the field'),
    }),
  })
  .openapi('Error');

/** An error in the one shape every route declares (`errorBody`), typed with its status for the route's schema. */
export function errorResponse<S extends ContentfulStatusCode>(
  c: Context,
  status: S,
  code: string,
  message: string,
) {
  return c.json({ error: { code, message } }, status);
}

/** One documented error answer: our error shape, with what it means for this route. */
export function errorAnswer(description: string) {
  return { description, content: { 'application/json': { schema: errorBody } } };
}
export type ErrorAnswer = ReturnType<typeof errorAnswer>;

/**
 * The errors every route with parameters can answer. Typed with numeric keys: an `as const` literal
 * would type them "400", which zod-openapi does not count as a status, so the handler could not return them.
 */
export const errorResponses: { 400: ErrorAnswer; 404: ErrorAnswer } = {
  400: errorAnswer('Malformed input'),
  404: errorAnswer('Not found'),
};

/** One shape for every validation error: "<where>.<field>: <reason>" for each issue. */
export function describeIssues(target: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = [target, ...issue.path.map(String)].join('.');
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}
