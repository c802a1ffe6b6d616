import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { todayInSweden } from '../shared/register';
import type { Database } from './db/client';
import type { AppDeps } from './http/context';
import { renderApiReference } from './http/docs-page';
import { errorResponse } from './http/errors';
import { createResponseCache } from './http/response-cache';
import { loadUnitList } from './queries/units';
import { adminRoutes } from './routes/admin';
import { demoPageRoutes } from './routes/demo-page';
import { extensionConfigRoutes } from './routes/extension-config';
import { feedbackRoutes } from './routes/feedback';
import { healthRoutes } from './routes/health';
import { historyRoutes } from './routes/history';
import { huvudmanRoutes } from './routes/huvudman';
import { matchRoutes } from './routes/match';
import { referenceRoutes } from './routes/reference';
import { unitRoutes } from './routes/units';

export interface AppOptions {
  db: Database;
  /** Web origins allowed by CORS besides browser extensions. */
  corsOrigins?: readonly string[];
  /** A unit verified longer ago than this is marked stale. Default 365. */
  staleAfterDays?: number;
  /** How often to look for data written by other processes. Default 0 (every request). */
  dataPollMs?: number;
  today?: () => string;
  /** Feedback reports allowed per client address per minute. 0 = no limit. Default 10. */
  feedbackPerMinute?: number;
  /** Extension site adapters switched off remotely (comma-separated ids). */
  disabledAdapters?: string;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

export function createApp(options: AppOptions) {
  const deps: AppDeps = {
    db: options.db,
    cache: createResponseCache(options.db, { pollMs: options.dataPollMs ?? 0 }),
    staleAfterDays: options.staleAfterDays ?? 365,
    today: options.today ?? (() => todayInSweden()),
  };
  const webOrigins = new Set(options.corsOrigins ?? []);

  const app = new OpenAPIHono();
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use(
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) || webOrigins.has(origin) ? origin : null),
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'If-None-Match', 'Authorization'],
      exposeHeaders: ['ETag', 'Retry-After'],
      credentials: false,
      maxAge: 86400,
    }),
  );

  app.route('/', healthRoutes());
  app.route('/', huvudmanRoutes(deps, 'kommun'));
  app.route('/', huvudmanRoutes(deps, 'region'));
  app.route('/', unitRoutes(deps));
  app.route('/', referenceRoutes(deps));
  app.route('/', matchRoutes(deps));
  app.route('/', historyRoutes(deps));
  app.route('/', feedbackRoutes(deps, { perMinute: options.feedbackPerMinute ?? 10 }));
  app.route('/', adminRoutes(deps));
  app.route('/', extensionConfigRoutes(options.disabledAdapters));
  app.route(
    '/',
    demoPageRoutes({
      getUnits: async (code, service) =>
        (
          await loadUnitList(deps.db, code, service, {
            staleAfterDays: deps.staleAfterDays,
            today: deps.today(),
          })
        ).items,
    }),
  );

  const openApiConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Utförarkollen API',
      version: '1',
      description:
        'Neutral, dated, sourced facts about every provider in Swedish freedom-of-choice systems (LOV): ' +
        'hemtjänst, särskilt boende and vårdcentraler. Figures: Källa: Kolada (processed by Utförarkollen). ' +
        'Responses whose dataset.kind is "demo" hold invented providers and synthetic figures.',
    },
  };
  app.doc31('/openapi.json', openApiConfig);
  app.get('/docs', (c) => c.html(renderApiReference(app.getOpenAPI31Document(openApiConfig) as never)));

  app.notFound((c) => errorResponse(c, 404, 'not_found', `No such route: ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx, e.g. a body that is not JSON: keep the status, use our error shape.
      const code = error.status === 413 ? 'payload_too_large' : 'bad_request';
      return errorResponse(c, error.status, code, `body: ${error.message || 'malformed request'}`);
    }
    console.error(`[api] ${c.req.method} ${c.req.path}:`, error);
    return errorResponse(c, 500, 'internal', 'Something went wrong on our side; the error has been logged.');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
