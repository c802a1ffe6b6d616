import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

export const errorBody = z.object({
  error: z.object({
    code: z.string().describe('Machine-readable, e.g. "bad_request", "not_found"'),
    message: z.string().describe('What was wrong, naming the field'),
  }),
});

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

export const errorResponses = {
  400: { description: 'Malformed input', content: { 'application/json': { schema: errorBody } } },
  404: { description: 'Not found', content: { 'application/json': { schema: errorBody } } },
} as const;

/** One shape for every validation error: "<where>.<field>: <reason>" for each issue. */
export function describeIssues(target: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = [target, ...issue.path.map(String)].join('.');
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}
