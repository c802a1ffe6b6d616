import { z } from '@hono/zod-openapi';
import { MAX_LISTED_PROBLEMS } from '../../shared/register';

/**
 * The 400 of an upload (register or figures file): what was wrong and where, the first
 * MAX_LISTED_PROBLEMS of them and the count of all, and how the file was read.
 */
export function fileProblems<C extends z.ZodType<string>, F extends z.ZodType>(code: C, file: F) {
  return z.object({
    error: z.object({
      code,
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
      problemCount: z
        .number()
        .describe('Every problem found; more than problems.length when the list was cut'),
      file,
    }),
  });
}
