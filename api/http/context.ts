import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { Database } from '../db/client';
import { describeIssues, errorResponse } from './errors';
import type { ResponseCache } from './response-cache';

/** What every route handler may use. Built once in createApp. */
export interface AppDeps {
  db: Database;
  cache: ResponseCache;
  staleAfterDays: number;
  /** Today's date (YYYY-MM-DD); injectable for tests. */
  today: () => string;
}

/** A sub-app whose validation errors all have the same JSON shape. */
export function createRouter<E extends Env = Env>() {
  return new OpenAPIHono<E>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return errorResponse(c, 400, 'bad_request', describeIssues(result.target, result.error.issues));
      }
    },
  });
}
